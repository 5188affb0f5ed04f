// The one table of the APIs the portal reads and writes: `{ ...APIS.configMaps, namespace, name }`
// instead of a group/version/resource written inline. Refs found by discovery are not listed.
import type { ResourceRef } from "./types";

/** An API's collection: group ("" for core), version and resource, without namespace or name. */
export type Api = Pick<ResourceRef, "group" | "version" | "resource">;

const core = { group: "", version: "v1" } as const;
const apps = { group: "apps", version: "v1" } as const;
const rbac = { group: "rbac.authorization.k8s.io", version: "v1" } as const;
const gateway = { group: "gateway.networking.k8s.io", version: "v1" } as const;
/** kube-bind's group version, which its CRDs on the provider and the consumer serve. */
export const KUBE_BIND = { group: "kube-bind.io", version: "v1alpha2" } as const;

export const APIS = {
  namespaces: { ...core, resource: "namespaces" },
  configMaps: { ...core, resource: "configmaps" },
  secrets: { ...core, resource: "secrets" },
  services: { ...core, resource: "services" },
  serviceAccounts: { ...core, resource: "serviceaccounts" },
  events: { ...core, resource: "events" },
  deployments: { ...apps, resource: "deployments" },
  endpointSlices: { group: "discovery.k8s.io", version: "v1", resource: "endpointslices" },
  crds: { group: "apiextensions.k8s.io", version: "v1", resource: "customresourcedefinitions" },
  clusterRoles: { ...rbac, resource: "clusterroles" },
  clusterRoleBindings: { ...rbac, resource: "clusterrolebindings" },
  selfSubjectAccessReviews: { group: "authorization.k8s.io", version: "v1", resource: "selfsubjectaccessreviews" },
  gatewayClasses: { ...gateway, resource: "gatewayclasses" },
  gateways: { ...gateway, resource: "gateways" },
  httpRoutes: { ...gateway, resource: "httproutes" },
  referenceGrants: { ...gateway, version: "v1beta1", resource: "referencegrants" },
  rgds: { group: "kro.run", version: "v1alpha1", resource: "resourcegraphdefinitions" },
  /** The exported API, as kro generates it from the LoadBalancer ResourceGraphDefinition. */
  loadBalancers: { group: "networking.kro.run", version: "v1alpha1", resource: "loadbalancers" },
  clusters: { ...KUBE_BIND, resource: "clusters" },
  templates: { ...KUBE_BIND, resource: "apiserviceexporttemplates" },
  collections: { ...KUBE_BIND, resource: "collections" },
  exports: { ...KUBE_BIND, resource: "apiserviceexports" },
  exportRequests: { ...KUBE_BIND, resource: "apiserviceexportrequests" },
  serviceNamespaces: { ...KUBE_BIND, resource: "apiservicenamespaces" },
  clusterBindings: { ...KUBE_BIND, resource: "clusterbindings" },
  bindableRequests: { ...KUBE_BIND, resource: "bindableresourcesrequests" },
  apiServiceBindings: { ...KUBE_BIND, resource: "apiservicebindings" },
} as const satisfies Record<string, Api>;
