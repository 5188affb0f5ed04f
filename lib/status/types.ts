// Types of the status model (see index.ts for the overview). Pure: no imports.

/** Any Kubernetes object as read from a cluster; the model validates what it uses. */
export type RawObject = { [key: string]: unknown };

/**
 * Everything the model looks at for ONE consumer LoadBalancer. Absent provider objects are simply
 * not there (or not visible). `consumer.configMap`: an object, `null` when it is known NOT to
 * exist, `undefined` when it was not read (e.g. the user may not read ConfigMaps).
 */
export interface StatusInput {
  consumer: {
    loadBalancer: RawObject;
    configMap?: RawObject | null;
    /**
     * The konnector's Deployment (kube-bind/konnector) on the consumer: the binding's health, read
     * with the portal's own identity. `null`: known not to exist; `undefined`: not read.
     */
    konnector?: RawObject | null;
  };
  provider: {
    /** the konnector's copy in the provider namespace */
    loadBalancer?: RawObject;
    /** the konnector's copy of the settings ConfigMap */
    configMap?: RawObject;
    referenceGrant?: RawObject;
    gateway?: RawObject;
    httpRoute?: RawObject;
    /** Envoy Gateway's proxy Service in envoy-gateway-system */
    envoyService?: RawObject;
    /** the ResourceGraphDefinition that serves LoadBalancer */
    rgd?: RawObject;
    /** the binding's ClusterBinding (the konnector's heartbeat and version) */
    clusterBinding?: RawObject;
  };
  /** evaluation time (ISO string or epoch ms): ages and "for a while" are measured against it */
  now: string | number;
  /**
   * When the portal last saw the provider current (ISO or epoch ms), if its streams are
   * reconnecting: what did not happen by then is judged as of then, so an outage of the portal's
   * own view is not reported as a stuck konnector, kro or Envoy Gateway.
   */
  providerSeenAt?: string | number;
  /**
   * The platform's LoadBalancer policy (lib/loadbalancer/policy.ts), when the portal can read it:
   * the shared targets, and the provider namespace where this LoadBalancer's copy lives or would.
   * With it, a copy the provider refuses is explained instead of reported as a stuck konnector.
   */
  policy?: { sharedTargets: { namespace: string; service: string }[]; ownNamespace?: string };
}

export const STAGE_IDS = ["requested", "synced", "settings", "resources", "routing", "address", "ready"] as const;
export type StageId = (typeof STAGE_IDS)[number];

/** `pending`: not reached yet, because an earlier stage has not produced what it needs. */
export type StageState = "done" | "in-progress" | "blocked" | "failed" | "pending";

/** Why a stage is blocked or failed: a closed vocabulary the UI and tests can rely on. */
export type StageReason =
  | "Deleting"
  | "KonnectorNotSyncing"
  | "KonnectorHeartbeatStale"
  /** the konnector Deployment has no ready replica (stopped, scaled to 0, crashing) */
  | "KonnectorDown"
  /** no konnector Deployment on the consumer although the LoadBalancer API is bound */
  | "KonnectorMissing"
  | "NoConfigMapRef"
  | "ConfigMapMissing"
  | "ConfigMapKeyMissing"
  | "ConfigMapNotSynced"
  | "RgdInactive"
  | "KroNotRunning"
  | "KroError"
  | "SpecIncomplete"
  | "ReferenceGrantMissing"
  | "GatewayNotAccepted"
  | "GatewayRejected"
  | "RouteNoStatus"
  | "RouteNotAccepted"
  | "RefNotPermitted"
  | "BackendNotFound"
  | "RefsNotResolved"
  | "EnvoyUnavailable"
  | "EnvoyServiceMissing"
  | "NoAddress"
  | "StatusNotSynced"
  /** the provider's admission policy refuses the copy (or the settings' copy) the konnector writes */
  | "PolicyRefused";

export interface Stage {
  id: StageId;
  label: string;
  state: StageState;
  /** ISO time the stage reached this state (from conditions and creation times), if known */
  since?: string;
  /** one plain sentence: what is happening, or what blocks and how to fix it */
  message: string;
  reason?: StageReason;
}

export interface LoadBalancerStatus {
  stages: Stage[];
  /** the first stage that is not done ("ready" when all are) */
  current: StageId;
  /** one sentence for the whole object */
  summary: string;
  /** Ready on the consumer: status came back with Ready=True */
  ready: boolean;
  deleting: boolean;
  address?: string;
}

/** One dashboard line: kubectl's STATE/READY/ADDRESS/AGE plus where provisioning stands. */
export interface DashboardRow {
  namespace: string;
  name: string;
  domain?: string;
  /** kro's state as the consumer sees it (PENDING before any status arrived) */
  state: string;
  /** the Ready condition's status: True, False or Unknown */
  ready: string;
  address?: string;
  createdAt?: string;
  /** ISO time of the latest known change: the newest stage transition, else the creation */
  changedAt?: string;
  current: { id: StageId; label: string; state: StageState };
  summary: string;
}

/**
 * The konnector's health for display:
 * - healthy: its Deployment has ready replicas (or cannot be read) and it reports on time;
 * - starting: its Deployment was just created, or it has not reported yet;
 * - late: it runs, but its last heartbeat is older than its interval (it is not lost yet);
 * - lost: no heartbeat for twice its interval (or the backend says HeartbeatTimeout);
 * - down: its Deployment has no ready replica, or does not exist;
 * - unknown: neither its Deployment nor its ClusterBinding is visible.
 */
export type KonnectorState = "healthy" | "starting" | "late" | "lost" | "down" | "unknown";

export interface KonnectorHealth {
  state: KonnectorState;
  /** the Deployment's ready and desired replicas; null when it does not exist, absent when not read */
  replicas?: { ready: number; desired: number } | null;
  /** from the provider's ClusterBinding: the last heartbeat (ISO), its interval and the konnector's version */
  heartbeat?: { at?: string; intervalMs: number; version?: string };
  /** when this state began, if known */
  since?: string;
  /** one plain sentence without ages, so it changes only with the state */
  message: string;
}
