// What revoking a consumer's binding removes from the provider, for the confirmation. Pure: the
// caller lists the objects (as the admin), this picks what goes and says why.
//
// Revoking deletes the binding's namespace and every namespace that holds its synced objects.
// With them goes everything inside, plus what lives elsewhere but belongs to them: ClusterRoles
// owned by the namespace (garbage-collected), kro's ReferenceGrants for the synced LoadBalancers
// (kro's finalizer removes them), and Envoy Gateway's proxy Services for their Gateways.
import type { KubeObject } from "../k8s/types";
import type { RevokePlan } from "./types";

const INSTANCE_ID = "kro.run/instance-id";
const OWNING_NS = "gateway.envoyproxy.io/owning-gateway-namespace";
const OWNING_NAME = "gateway.envoyproxy.io/owning-gateway-name";

export interface RevokeInput {
  namespace: string;
  consumer: string;
  /** the binding's namespace and its consumer namespaces' provider namespaces */
  namespaces: string[];
  /** every object listed in those namespaces (any kind) */
  inside: KubeObject[];
  /** cluster-wide candidates: ClusterRoles, ReferenceGrants, Envoy Gateway's Services */
  clusterRoles: KubeObject[];
  referenceGrants: KubeObject[];
  envoyServices: KubeObject[];
}

export function revokePlan(input: RevokeInput): RevokePlan {
  const namespaces = new Set(input.namespaces);
  const entries: { kind: string; apiVersion: string; namespace?: string; name: string; via: string }[] = [];
  const add = (o: KubeObject, via: string) =>
    entries.push({
      kind: o.kind,
      apiVersion: o.apiVersion,
      namespace: o.metadata.namespace,
      name: o.metadata.name,
      via,
    });

  for (const ns of input.namespaces)
    entries.push({ kind: "Namespace", apiVersion: "v1", name: ns, via: "deleted, with everything in it" });
  const instances = new Map<string, KubeObject>();
  for (const o of input.inside) {
    if (!namespaces.has(o.metadata.namespace ?? "")) continue;
    add(o, `in namespace ${o.metadata.namespace}`);
    if (o.metadata.uid) instances.set(o.metadata.uid, o);
  }
  for (const role of input.clusterRoles) {
    const owner = role.metadata.ownerReferences?.find((r) => r.kind === "Namespace" && namespaces.has(r.name));
    if (owner) add(role, `owned by namespace ${owner.name}`);
  }
  for (const grant of input.referenceGrants) {
    if (namespaces.has(grant.metadata.namespace ?? "")) continue;
    const owner = instances.get(grant.metadata.labels?.[INSTANCE_ID] ?? "");
    if (owner) add(grant, `kro's, for ${owner.kind} ${owner.metadata.namespace}/${owner.metadata.name}`);
  }
  for (const svc of input.envoyServices) {
    const ns = svc.metadata.labels?.[OWNING_NS];
    if (ns && namespaces.has(ns) && !namespaces.has(svc.metadata.namespace ?? ""))
      add(svc, `Envoy Gateway's proxy for Gateway ${ns}/${svc.metadata.labels?.[OWNING_NAME] ?? "?"}`);
  }

  const groups = new Map<string, RevokePlan["groups"][number]>();
  for (const e of entries) {
    const id = `${e.apiVersion}/${e.kind}`;
    let group = groups.get(id);
    if (!group) {
      group = { kind: e.kind, apiVersion: e.apiVersion, objects: [] };
      groups.set(id, group);
    }
    group.objects.push({ namespace: e.namespace, name: e.name, via: e.via });
  }
  const sorted = [...groups.values()].sort(
    (a, b) => Number(b.kind === "Namespace") - Number(a.kind === "Namespace") || a.kind.localeCompare(b.kind),
  );
  for (const g of sorted)
    if (g.kind !== "Namespace")
      g.objects.sort((a, b) => (a.namespace ?? "").localeCompare(b.namespace ?? "") || a.name.localeCompare(b.name));
  return {
    namespace: input.namespace,
    consumer: input.consumer,
    namespaces: input.namespaces,
    groups: sorted,
    total: entries.length,
  };
}
