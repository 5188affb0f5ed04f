// Every export template with what it exports, what it claims, who bound it and how the instances
// of its resources are doing. Pure.

import { ExportTemplate, findCondition, Instance, type PermissionClaim, parseAll, ServiceExport } from "../k8s/models";
import { Crds, possessive } from "./checklist";
import { say } from "./messages";
import { EXPORTED_LABEL, type ProviderSnapshot } from "./snapshot";
import type { ExportResource, ExportRow, PermissionClaimRow } from "./types";

const resourceName = (r: { group?: string; resource: string }) => (r.group ? `${r.resource}.${r.group}` : r.resource);

function claimRow(claim: PermissionClaim): PermissionClaimRow {
  const sel = claim.selector;
  let selects = say.selectsAll;
  if (sel?.references?.length)
    selects = say.selectsReferences(
      sel.references.map((r) => `${possessive(r.resource)} ${r.jsonPath.name ?? "reference"}`),
    );
  else if (sel?.namedResources?.length)
    selects = say.selectsNamed(sel.namedResources.map((n) => (n.namespace ? `${n.namespace}/${n.name}` : n.name)));
  else if (sel?.labelSelector) selects = say.selectsLabels;
  return { resource: resourceName(claim), selects };
}

export function exportRows(s: ProviderSnapshot): ExportRow[] {
  const crds = new Crds(s.crds);
  const exports = parseAll(ServiceExport, s.exports);
  return parseAll(ExportTemplate, s.templates)
    .map((t) => {
      const wanted = t.spec.resources.map(resourceName);
      const resources: ExportResource[] = t.spec.resources.map((r) => {
        const name = resourceName(r);
        const crd = crds.get(r.group, r.resource);
        const versions = r.versions ?? [];
        const instances = parseAll(Instance, s.instances[name] ?? []);
        const states: Record<string, number> = {};
        for (const o of instances) {
          const state = o.status?.state ?? "none";
          states[state] = (states[state] ?? 0) + 1;
        }
        return {
          name,
          kind: crd?.spec.names.kind,
          versions,
          served: crd?.metadata.labels?.[EXPORTED_LABEL] === "true" && versions.every((v) => crds.serves(crd, v)),
          states,
          total: instances.length,
          notReady: instances.filter((o) => findCondition(o.status?.conditions, "Ready")?.status !== "True").length,
        };
      });
      // A consumer bound a template when one of its APIServiceExports covers all its resources.
      const consumers = [
        ...new Set(
          exports
            .filter((e) => {
              const has = new Set(e.spec.resources.map(resourceName));
              return wanted.every((w) => has.has(w));
            })
            .map((e) => e.metadata.namespace ?? ""),
        ),
      ].sort();
      return {
        namespace: "",
        name: t.metadata.name,
        scope: t.spec.scope,
        resources,
        claims: (t.spec.permissionClaims ?? []).map(claimRow),
        consumers,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
