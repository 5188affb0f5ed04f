// The one table of the APIs the portal reads and writes: `{ ...APIS.configMaps, namespace, name }`
// instead of a group/version/resource written inline. Refs found by discovery are not listed.
import type { ResourceRef } from "./types";

/** An API's collection: group ("" for core), version and resource, without namespace or name. */
export type Api = Pick<ResourceRef, "group" | "version" | "resource">;

/** kube-bind's group version, which its CRDs on the provider and the consumer serve. */
export const KUBE_BIND = { group: "kube-bind.io", version: "v1alpha2" } as const;

export const APIS = {
  namespaces: { group: "", version: "v1", resource: "namespaces" },
  configMaps: { group: "", version: "v1", resource: "configmaps" },
  secrets: { group: "", version: "v1", resource: "secrets" },
  services: { group: "", version: "v1", resource: "services" },
  serviceAccounts: { group: "", version: "v1", resource: "serviceaccounts" },
  events: { group: "", version: "v1", resource: "events" },
  deployments: { group: "apps", version: "v1", resource: "deployments" },
  endpointSlices: { group: "discovery.k8s.io", version: "v1", resource: "endpointslices" },
  crds: { group: "apiextensions.k8s.io", version: "v1", resource: "customresourcedefinitions" },
  clusterRoles: { group: "rbac.authorization.k8s.io", version: "v1", resource: "clusterroles" },
  clusterRoleBindings: { group: "rbac.authorization.k8s.io", version: "v1", resource: "clusterrolebindings" },
  roleBindings: { group: "rbac.authorization.k8s.io", version: "v1", resource: "rolebindings" },
  selfSubjectAccessReviews: { group: "authorization.k8s.io", version: "v1", resource: "selfsubjectaccessreviews" },
  gatewayClasses: { group: "gateway.networking.k8s.io", version: "v1", resource: "gatewayclasses" },
  gateways: { group: "gateway.networking.k8s.io", version: "v1", resource: "gateways" },
  httpRoutes: { group: "gateway.networking.k8s.io", version: "v1", resource: "httproutes" },
  referenceGrants: { group: "gateway.networking.k8s.io", version: "v1beta1", resource: "referencegrants" },
  rgds: { group: "kro.run", version: "v1alpha1", resource: "resourcegraphdefinitions" },
  /** The exported API, as kro generates it from the LoadBalancer ResourceGraphDefinition. */
  loadBalancers: { group: "networking.kro.run", version: "v1alpha1", resource: "loadbalancers" },
  clusters: { group: "kube-bind.io", version: "v1alpha2", resource: "clusters" },
  templates: { group: "kube-bind.io", version: "v1alpha2", resource: "apiserviceexporttemplates" },
  collections: { group: "kube-bind.io", version: "v1alpha2", resource: "collections" },
  exports: { group: "kube-bind.io", version: "v1alpha2", resource: "apiserviceexports" },
  exportRequests: { group: "kube-bind.io", version: "v1alpha2", resource: "apiserviceexportrequests" },
  serviceNamespaces: { group: "kube-bind.io", version: "v1alpha2", resource: "apiservicenamespaces" },
  clusterBindings: { group: "kube-bind.io", version: "v1alpha2", resource: "clusterbindings" },
  bindableRequests: { group: "kube-bind.io", version: "v1alpha2", resource: "bindableresourcesrequests" },
  apiServiceBindings: { group: "kube-bind.io", version: "v1alpha2", resource: "apiservicebindings" },
} as const satisfies Record<string, Api>;
