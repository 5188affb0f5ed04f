// The provider console's views (isomorphic): what lib/live/provider.ts sends for the subs
// `provider` and `provider:<binding namespace>`, and what components/provider renders.
import type { LiveHealth } from "../live/types";

/** How to fix a failed check: a sentence, and a command or YAML to copy (never both empty). */
export interface Fix {
  text: string;
  command?: string;
  yaml?: string;
}

export type CheckState = "ok" | "waiting" | "failed";

/** One thing wrong within a check, in plain words, with what a tool said and the fix. */
export interface Problem {
  text: string;
  /** the tool's own words (kro's condition message, Envoy Gateway's), quoted as they are */
  detail?: string;
  fix?: Fix;
}

export type CheckId = "backend" | "kro" | "export" | "gatewayclass" | "network";

/** One step of the guide's provider setup, checked live. */
export interface Check {
  id: CheckId;
  title: string;
  state: CheckState;
  /** one sentence: what is fine, or what is wrong */
  summary: string;
  /** what was verified (shown as a list under the summary) */
  verified: string[];
  problems: Problem[];
}

/**
 * healthy; late (past its interval); lost (past twice it, when kube-bind gives up, or it never
 * came); starting (a new binding whose first heartbeat is still due)
 */
export type HeartbeatState = "healthy" | "late" | "lost" | "starting";

/** The konnector Deployment, for the one consumer cluster the portal itself reaches. */
export interface KonnectorDeployment {
  state: "running" | "starting" | "degraded" | "stopped" | "missing";
  replicas: number;
  ready: number;
}

/** A consumer's overall state: the worst of its heartbeat and its konnector Deployment. */
export type ConsumerState = HeartbeatState | "down" | "revoking";

export interface ConsumerExport {
  name: string;
  /** `resource.group` of every exported resource */
  resources: string[];
  inSync: boolean;
  /** why not, in the backend's words */
  message?: string;
}

export interface InstanceCount {
  /** the exported resource, e.g. loadbalancers.networking.kro.run */
  resource: string;
  /** its kind, e.g. LoadBalancer */
  kind: string;
  total: number;
  notReady: number;
}

/** A row per ClusterBinding: keyed by `namespace` (the binding's provider namespace) + `name`. */
export interface ConsumerRow {
  namespace: string;
  name: string;
  /** the consumer cluster's name as it told the backend, else its identity */
  consumer: string;
  identity?: string;
  /** who bound it first (and owns its kubeconfig) */
  author?: string;
  konnectorVersion?: string;
  heartbeat: { state: HeartbeatState; at?: string; intervalMs: number };
  /** only for the consumer cluster this portal reaches */
  konnector?: KonnectorDeployment;
  /** true for the consumer cluster this portal reaches */
  local: boolean;
  state: ConsumerState;
  /** one sentence on the state; with the fix when something is wrong */
  summary: string;
  fix?: Fix;
  exports: ConsumerExport[];
  instances: InstanceCount[];
  /** the binding namespace and one per consumer namespace that holds synced objects */
  providerNamespaces: string[];
  createdAt?: string;
}

export interface ExportResource {
  /** `resource.group` */
  name: string;
  kind?: string;
  versions: string[];
  /** the CRD exists, serves those versions and carries kube-bind.io/exported=true */
  served: boolean;
  /** instances on the provider by kro state (ACTIVE, IN_PROGRESS, ERROR, …; "none" without one) */
  states: Record<string, number>;
  total: number;
  notReady: number;
}

export interface PermissionClaimRow {
  /** `resource.group` or `resource` for the core group */
  resource: string;
  /** what the claim selects, in words */
  selects: string;
}

/** A row per APIServiceExportTemplate, keyed by `namespace` ("", cluster-scoped) + `name`. */
export interface ExportRow {
  namespace: string;
  name: string;
  scope?: string;
  resources: ExportResource[];
  claims: PermissionClaimRow[];
  /** binding namespaces whose APIServiceExports cover this template's resources */
  consumers: string[];
}

export interface ProviderView {
  checks: Check[];
  consumers: ConsumerRow[];
  exports: ExportRow[];
  health: LiveHealth;
}

export interface ConditionRow {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

export interface ConsumerRequestRow {
  name: string;
  phase: string;
  message?: string;
  createdAt?: string;
}

/** One synced object on the provider, keyed by namespace + name. */
export interface InstanceRow {
  namespace: string;
  name: string;
  kind: string;
  /** kro's state, e.g. ACTIVE */
  state: string;
  ready: boolean;
  /** the consumer namespace it came from */
  consumerNamespace?: string;
  message?: string;
}

export interface ConsumerDetailView {
  target: { namespace: string };
  found: boolean;
  consumer?: ConsumerRow;
  conditions: ConditionRow[];
  requests: ConsumerRequestRow[];
  instances: InstanceRow[];
  health: LiveHealth;
}

/** What revoking a binding deletes: every provider object, grouped by kind. */
export interface RevokePlan {
  namespace: string;
  consumer: string;
  /** namespaces deleted (the binding's, then one per consumer namespace) */
  namespaces: string[];
  groups: { kind: string; apiVersion: string; objects: { namespace?: string; name: string; via: string }[] }[];
  total: number;
}
