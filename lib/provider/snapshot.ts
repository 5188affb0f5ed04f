// What the console is computed from: the provider objects (and, for the consumer cluster the
// portal reaches, its konnector Deployment), plus the time. Pure; lib/live/provider.ts fills it
// from shared watch streams, the tests from recorded objects.
import type { KubeObject } from "../k8s/types";

/**
 * The CRDs kube-bind's backend needs on the provider (its release's crds/, the ones its own e2e
 * applies, plus BindableResourcesRequests for a front end such as this portal), all at v1alpha2.
 */
export const KUBE_BIND_CRDS = [
  "clusterbindings",
  "apiserviceexports",
  "apiservicenamespaces",
  "apiserviceexportrequests",
  "boundschemas",
  "apiserviceexporttemplates",
  "collections",
  "clusters",
  "bindableresourcesrequests",
] as const;

/** The label that makes the backend's default schema source serve a CRD. */
export const EXPORTED_LABEL = "kube-bind.io/exported";
export const AUTHOR_ANNOTATION = "backend.kube-bind.io/author";
export const IDENTITY_ANNOTATION = "backend.kube-bind.io/identity";
export const PRETTY_NAME_ANNOTATION = "backend.kube-bind.io/cluster-pretty-name";
export const CLUSTER_NAMESPACE_ANNOTATION = "kube-bind.io/cluster-namespace";
export const CONSUMER_NAMESPACE_ANNOTATION = "kube-bind.io/consumer-namespace";

/** What the guide sets up: its LoadBalancer API, GatewayClass and backend Service. */
export const GUIDE = {
  rgd: { name: "loadbalancers", group: "networking.kro.run", kind: "LoadBalancer" },
  gatewayClass: "eg",
  envoyController: "gateway.envoyproxy.io/gatewayclass-controller",
  backend: { namespace: "default", name: "backend" },
} as const;

/** The konnector Deployment `kubectl bind` creates on a consumer. */
export const KONNECTOR = { namespace: "kube-bind", name: "konnector" } as const;

export interface ProviderSnapshot {
  now: number;
  crds: KubeObject[];
  namespaces: KubeObject[];
  rgds: KubeObject[];
  gatewayClasses: KubeObject[];
  clusters: KubeObject[];
  templates: KubeObject[];
  exports: KubeObject[];
  exportRequests: KubeObject[];
  serviceNamespaces: KubeObject[];
  clusterBindings: KubeObject[];
  /** in the portal's own namespace */
  bindableRequests: KubeObject[];
  /** Services and EndpointSlices in the guide's backend namespace */
  services: KubeObject[];
  endpointSlices: KubeObject[];
  /** instances of every exported resource, by `resource.group` */
  instances: Record<string, KubeObject[]>;
  /** the consumer cluster the portal reaches: its identity and its konnector Deployment */
  local?: { identity?: string; konnector?: KubeObject | null };
  /**
   * Since when (epoch ms) the console has seen a state that is only a problem if it lasts, by a
   * key the checklist names (e.g. kro not having reacted to an RGD change). The caller keeps it.
   */
  seenSince?: (key: string) => number;
}
