// Which provider namespace holds a consumer namespace's objects (kube-bind tenancy), from the
// provider's Namespace objects. Pure.
//
// kube-bind's backend annotates each binding's namespace kube-bind-xxxxx with
// backend.kube-bind.io/identity = the identity it is keyed by: the consumer cluster's identity as
// the CLI sends it (the UID of its kube-system namespace; v0.7+ CLI and browser bind), or
// "user:<name>" (v0.6 CLI, see naming.ts). It also creates one namespace per APIServiceNamespace,
// annotated kube-bind.io/api-service-namespace = "<binding ns>/<consumer ns>".
import type { KubeObject } from "../k8s/types";
import { sameJson } from "../status/same-json";
import { IDENTITY_ANNOTATION, isUserIdentity, SERVICE_NAMESPACE_ANNOTATION } from "./naming";

/** Where the consumer namespace lives on the provider. */
export interface Tenancy {
  /** the binding's namespace, e.g. kube-bind-x7k2p */
  clusterNamespace?: string;
  /** the consumer namespace's provider namespace, e.g. kube-bind-x7k2p-default */
  providerNamespace?: string;
}

export interface Tenant {
  clusterNamespace: string;
  providerNamespace: string;
}

/**
 * Provider namespaces that may hold `consumerNamespace` of THIS consumer cluster: those of a
 * binding keyed by this cluster's identity if there is one; otherwise those of bindings not keyed
 * to any cluster (v0.6, keyed by user), which pickTenant then tells apart by their content.
 * Namespaces of bindings keyed to OTHER clusters are never candidates.
 */
export function tenantCandidates(
  namespaces: KubeObject[],
  consumerNamespace: string,
  clusterIdentity: string | undefined,
): Tenant[] {
  const byName = new Map(namespaces.map((n) => [n.metadata.name, n]));
  const all: Tenant[] = [];
  for (const ns of namespaces) {
    const value = ns.metadata.annotations?.[SERVICE_NAMESPACE_ANNOTATION];
    const slash = value?.indexOf("/") ?? -1;
    if (!value || slash < 0 || value.slice(slash + 1) !== consumerNamespace) continue;
    if (ns.metadata.deletionTimestamp) continue;
    all.push({ clusterNamespace: value.slice(0, slash), providerNamespace: ns.metadata.name });
  }
  const identity = (t: Tenant) => byName.get(t.clusterNamespace)?.metadata.annotations?.[IDENTITY_ANNOTATION];
  const ours = clusterIdentity ? all.filter((t) => identity(t) === clusterIdentity) : [];
  if (ours.length > 0) return ours;
  // A binding is keyed to a cluster unless its identity names a user (or it has none).
  return all.filter((t) => {
    const id = identity(t);
    return id === undefined || isUserIdentity(id);
  });
}

/**
 * The tenant whose provider namespace holds the copy of the consumer object. With one candidate
 * that is it (the copy may simply not be there yet). With several, only a copy with the same name
 * AND the same spec counts, and two such copies are ambiguous: no tenant rather than a guess.
 */
export function pickTenant(
  candidates: { tenant: Tenant; copy?: KubeObject }[],
  consumerSpec: unknown,
): Tenancy | undefined {
  if (candidates.length === 1) return candidates[0].tenant;
  const same = candidates.filter((c) => c.copy && sameJson(c.copy.spec, consumerSpec));
  return same.length === 1 ? same[0].tenant : undefined;
}
