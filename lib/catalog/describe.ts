// Pure: what an export grants, in plain words, for the consent step.
import type { ExportTemplate } from "./templates";

type Claim = ExportTemplate["spec"]["permissionClaims"][number];

interface ReferenceSelector {
  references?: { resource: string; group?: string; jsonPath?: { name?: string; namespace?: string } }[];
  labelSelector?: { matchLabels?: Record<string, string> };
  namedResources?: { name: string; namespace?: string }[];
}

const KNOWN_KINDS: Record<string, string> = {
  configmaps: "ConfigMap",
  secrets: "Secret",
  serviceaccounts: "ServiceAccount",
};

/** "configmaps" → "ConfigMap"; kinds of exported resources come from `kinds` when known. */
function singular(resource: string, kinds: Record<string, string>): string {
  return kinds[resource] ?? KNOWN_KINDS[resource] ?? resource;
}

/** "configmaps" → "ConfigMaps". */
function plural(resource: string, kinds: Record<string, string>): string {
  const kind = kinds[resource] ?? KNOWN_KINDS[resource];
  return kind ? `${kind}s` : resource;
}

/** "spec.configMapRef" → "configMapRef": the field as a user sees it in a form. */
function fieldName(jsonPath: string): string {
  return jsonPath.replace(/^\.?spec\./, "");
}

/** One sentence per claim, in plain words: what the provider reads from the user's cluster. */
export function describeClaim(claim: Claim, kinds: Record<string, string> = {}): string {
  const what = plural(claim.resource, kinds);
  const one = singular(claim.resource, kinds);
  const selector = (claim.selector ?? {}) as ReferenceSelector;
  const parts: string[] = [];
  for (const ref of selector.references ?? []) {
    const field = ref.jsonPath?.name ? fieldName(ref.jsonPath.name) : "a field";
    parts.push(`the ${one} named in the ${singular(ref.resource, kinds)}'s ${field}`);
  }
  if (selector.labelSelector?.matchLabels) {
    const labels = Object.entries(selector.labelSelector.matchLabels)
      .map(([k, v]) => `${k}=${v}`)
      .join(", ");
    parts.push(`your ${what} labelled ${labels}`);
  }
  for (const named of selector.namedResources ?? []) {
    parts.push(`the ${one} ${named.namespace ? `${named.namespace}/` : ""}${named.name}`);
  }
  if (parts.length === 0) parts.push(`all your ${what}`);
  return `The provider reads ${parts.join("; ")}, and keeps a copy.`;
}

/** What a bind installs on the consumer cluster (kube-bind's konnector and its access), in plain words. */
export function describeInstall(binding: string): string[] {
  return [
    "the namespace kube-bind (if it does not exist yet)",
    "the konnector Deployment in it: kube-bind's agent that copies your objects to the provider and their status back",
    "a Secret in kube-bind holding the kubeconfig the konnector uses to reach the provider",
    `an APIServiceBinding named ${binding}, which makes your cluster serve the API`,
  ];
}

export function describeResource(
  r: ExportTemplate["spec"]["resources"][number],
  scope: string | undefined,
  kinds: Record<string, string> = {},
): string {
  const name = plural(r.resource, kinds);
  const versions = (r.versions ?? []).join(", ") || "all versions";
  return `${name} (${r.resource}.${r.group}, ${versions}, ${scope === "Cluster" ? "cluster-scoped" : "namespaced"}): you create them in your cluster; the provider provisions them and reports their status back.`;
}
