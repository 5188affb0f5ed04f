// Shapes of the kube-bind.io/v1alpha2 objects the emulator reads and writes (field names as in
// upstream's sdk/apis/kubebind/v1alpha2). The sandbox CRDs preserve unknown fields and validate
// nothing, so every field is treated as optional when read.
import type { Obj } from "./client";

export interface Stoppable {
  stop(): Promise<void>;
}

export interface GroupResource {
  group?: string;
  resource: string;
}
export interface ExportResource extends GroupResource {
  versions?: string[];
}
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}
export interface SelectorReference extends ExportResource {
  jsonPath?: { name?: string; namespace?: string };
}
export interface Selector {
  labelSelector?: LabelSelector;
  namedResources?: { name: string; namespace?: string }[];
  references?: SelectorReference[];
}
export interface PermissionClaim extends GroupResource {
  selector?: Selector;
}

/** Cluster-API style condition, as kube-bind uses (sdk/apis/third_party/conditions). */
export interface Condition {
  type: string;
  status: "True" | "False" | "Unknown";
  severity?: "Error" | "Warning" | "Info" | "";
  reason?: string;
  message?: string;
  lastTransitionTime: string;
}
type WithConditions = { conditions?: Condition[] };

export type ExportRequest = Obj & {
  spec?: { resources?: ExportResource[]; permissionClaims?: PermissionClaim[]; namespaces?: { name: string }[] };
  status?: WithConditions & { phase?: string; terminalMessage?: string };
};

export type ServiceExport = Obj & {
  spec?: {
    resources?: ExportResource[];
    permissionClaims?: PermissionClaim[];
    informerScope?: string;
    clusterScopedIsolation?: string;
  };
  status?: WithConditions;
};

export interface CrdNames {
  plural: string;
  singular?: string;
  kind: string;
  listKind?: string;
  shortNames?: string[];
  categories?: string[];
}
export interface CrdVersion {
  name: string;
  served: boolean;
  storage: boolean;
  deprecated?: boolean;
  deprecationWarning?: string;
  schema?: { openAPIV3Schema?: Record<string, unknown> };
  subresources?: Record<string, unknown>;
  additionalPrinterColumns?: Record<string, unknown>[];
}
export interface Conversion {
  strategy: string;
  webhook?: Record<string, unknown>;
}
export type Crd = Obj & {
  spec: { group: string; names: CrdNames; scope: string; versions: CrdVersion[]; conversion?: Conversion };
  status?: { conditions?: { type: string; status: string }[] };
};

export type BoundSchema = Obj & {
  spec: {
    informerScope: string;
    group: string;
    names: CrdNames;
    scope: string;
    versions: CrdVersion[];
    conversion?: Conversion;
  };
  status?: WithConditions;
};

export type ClusterBinding = Obj & {
  spec?: { kubeconfigSecretRef?: { name?: string; key?: string }; providerPrettyName?: string };
  status?: WithConditions & { lastHeartbeatTime?: string; heartbeatInterval?: string; konnectorVersion?: string };
};

export type ServiceNamespace = Obj & { status?: { namespace?: string } };

export type ServiceBinding = Obj & {
  spec?: { kubeconfigSecretRef?: { namespace?: string; name?: string; key?: string } };
  status?: WithConditions & {
    providerPrettyName?: string;
    boundSchemas?: { group: string; resource: string }[];
    permissionClaims?: PermissionClaim[];
  };
};

export type Secret = Obj & { type?: string; data?: Record<string, string> };
