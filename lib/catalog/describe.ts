// Pure: what an export grants, in plain words, for the consent step.
import type { ExportTemplate } from "./templates";

type Claim = ExportTemplate["spec"]["permissionClaims"][number];

interface ReferenceSelector {
  references?: { resource: string; group?: string; jsonPath?: { name?: string; namespace?: string } }[];
  labelSelector?: { matchLabels?: Record<string, string> };
  namedResources?: { name: string; namespace?: string }[];
}

/** "configmaps" → "ConfigMaps"; kinds of exported resources come from `kinds` when known. */
function plural(resource: string, kinds: Record<string, string>): string {
  if (kinds[resource]) return `${kinds[resource]}s`;
  const known: Record<string, string> = {
    configmaps: "ConfigMaps",
    secrets: "Secrets",
    serviceaccounts: "ServiceAccounts",
  };
  return known[resource] ?? resource;
}

export function describeClaim(claim: Claim, kinds: Record<string, string> = {}): string {
  const what = plural(claim.resource, kinds);
  const selector = (claim.selector ?? {}) as ReferenceSelector;
  const parts: string[] = [];
  for (const ref of selector.references ?? []) {
    const field = ref.jsonPath?.name ?? "a field";
    parts.push(`the ${what} named in \`${field}\` of your ${plural(ref.resource, kinds)}`);
  }
  if (selector.labelSelector?.matchLabels) {
    const labels = Object.entries(selector.labelSelector.matchLabels)
      .map(([k, v]) => `${k}=${v}`)
      .join(", ");
    parts.push(`your ${what} labelled ${labels}`);
  }
  for (const named of selector.namedResources ?? []) {
    parts.push(`the ${what.replace(/s$/, "")} ${named.namespace ? `${named.namespace}/` : ""}${named.name}`);
  }
  if (parts.length === 0) parts.push(`all your ${what}`);
  return `reads ${parts.join("; ")} (copied to the provider)`;
}

export function describeResource(
  r: ExportTemplate["spec"]["resources"][number],
  scope: string | undefined,
  kinds: Record<string, string> = {},
): string {
  const name = plural(r.resource, kinds);
  const versions = (r.versions ?? []).join(", ") || "all versions";
  return `${name} (${r.resource}.${r.group}, ${versions}, ${scope === "Cluster" ? "cluster-scoped" : "namespaced"}): you create them in your cluster; the provider provisions them and reports their status back`;
}
