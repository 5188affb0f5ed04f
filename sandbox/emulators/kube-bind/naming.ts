// Names, labels and annotations of kube-bind v0.6 (sdk/apis/kubebind/v1alpha2, backend and
// konnector sources), kept in one place so that both emulated sides agree with upstream.
import type { Resource } from "./client";

export const GROUP = "kube-bind.io";
export const VERSION = "v1alpha2";
export const API_VERSION = `${GROUP}/${VERSION}`;

const kb = (plural: string): Resource => ({ group: GROUP, version: VERSION, plural });
export const R = {
  exportRequests: kb("apiserviceexportrequests"),
  exports: kb("apiserviceexports"),
  boundSchemas: kb("boundschemas"),
  serviceNamespaces: kb("apiservicenamespaces"),
  clusterBindings: kb("clusterbindings"),
  bindings: kb("apiservicebindings"),
  crds: { group: "apiextensions.k8s.io", version: "v1", plural: "customresourcedefinitions" },
  namespaces: { group: "", version: "v1", plural: "namespaces" },
  secrets: { group: "", version: "v1", plural: "secrets" },
  roles: { group: "rbac.authorization.k8s.io", version: "v1", plural: "roles" },
  roleBindings: { group: "rbac.authorization.k8s.io", version: "v1", plural: "rolebindings" },
  clusterRoles: { group: "rbac.authorization.k8s.io", version: "v1", plural: "clusterroles" },
  clusterRoleBindings: { group: "rbac.authorization.k8s.io", version: "v1", plural: "clusterrolebindings" },
} satisfies Record<string, Resource>;

/** On CRDs the provider offers for binding. */
export const EXPORTED_LABEL = "kube-bind.io/exported";
/** Who owns a claimed object (or an APIServiceNamespace): "provider" or "consumer". */
export const OWNER_LABEL = "kube-bind.io/owner";
/** On every object the konnector creates on the provider: the per-identity (cluster) namespace. */
export const CLUSTER_NAMESPACE_ANNOTATION = "kube-bind.io/cluster-namespace";
/** On provider namespaces made for an APIServiceNamespace: `<cluster ns>/<name>`. */
export const SERVICE_NAMESPACE_ANNOTATION = "kube-bind.io/api-service-namespace";
export const SOURCE_SPEC_HASH_ANNOTATION = "kube-bind.io/source-spec-hash";
/** On consumer objects of bound resources until the provider copy is gone. */
export const DOWNSTREAM_FINALIZER = "kubebind.io/syncer";

export const SERVICE_ACCOUNT = "kube-binder";
export const CLUSTER_BINDING = "cluster";
export const KONNECTOR_FIELD_MANAGER = "konnector";
export const BACKEND_FIELD_MANAGER = "kube-bind-backend";
export const KONNECTOR_VERSION = "v0.6.0-sandbox";

/** The APIs a permission claim may name (ClaimableAPIs): all core/v1 and namespaced. */
export const CLAIMABLE = ["configmaps", "secrets", "serviceaccounts"] as const;
export const isClaimable = (claim: { group?: string; resource: string }) =>
  !claim.group && (CLAIMABLE as readonly string[]).includes(claim.resource);

/** BoundSchema name, and the key the backend looks schemas up by: `<plural>.<group>`. */
export const resourceGroupName = (r: { group?: string; resource: string }) => `${r.resource}.${r.group ?? ""}`;

/** Provider namespace the backend assigns to APIServiceNamespace `name` in `clusterNamespace`. */
export const providerNamespaceName = (clusterNamespace: string, name: string) => `${clusterNamespace}-${name}`;

/** ClusterRole and ClusterRoleBinding the backend keeps per cluster namespace. */
export const clusterRoleName = (clusterNamespace: string) => `kube-binder-${clusterNamespace}`;

/** Role and RoleBinding granting an export's permission claims in an APIServiceNamespace's namespace. */
export const exportRoleName = (serviceNamespace: string, exportName: string) =>
  `kube-binder-export-${serviceNamespace}-${exportName}`;
export const exportRolePrefix = (serviceNamespace: string) => `kube-binder-export-${serviceNamespace}-`;
