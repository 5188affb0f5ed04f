// What lib/live hands to the SSE route (see index.ts).
import type { Tenancy } from "../bind/tenancy";
import type { ClusterName, KubeObject } from "../k8s/types";
import type { StreamHealth } from "../k8s/watch-types";
import type { ListPage } from "../live-wire/list-page";
import type { EncodedView } from "../live-wire/view-patch";
import type { PortalError } from "../result";
import type { BucketCounts, DashboardRow, KonnectorHealth, LoadBalancerStatus } from "../status";
import type { ViewChange } from "./view-change";

/** The worst health among the streams a view reads, per cluster. */
export interface LiveHealth {
  consumer: StreamHealth;
  provider: StreamHealth;
}

/** A Kubernetes Event about one of the view's objects, from either cluster. */
export interface LiveEvent {
  cluster: ClusterName;
  type: string;
  reason?: string;
  message?: string;
  count?: number;
  /** ISO time of the newest occurrence */
  lastTimestamp?: string;
  object: { kind?: string; name?: string; namespace?: string };
}

export interface LoadBalancerView {
  target: { namespace: string; name: string };
  /** false when the LoadBalancer does not exist (yet, or any more) on the consumer */
  found: boolean;
  status?: LoadBalancerStatus;
  /** the objects the status was computed from (managedFields dropped) */
  objects: {
    consumer: { loadBalancer?: KubeObject; configMap?: KubeObject };
    provider: Partial<Record<ProviderObjectName, KubeObject>>;
  };
  events: LiveEvent[];
  tenancy: Tenancy;
  /** the binding's konnector: its Deployment on the consumer and its heartbeat (absent when not found) */
  konnector?: KonnectorHealth;
  health: LiveHealth;
}

export type ProviderObjectName =
  | "loadBalancer"
  | "configMap"
  | "referenceGrant"
  | "gateway"
  | "httpRoute"
  | "envoyService"
  | "rgd"
  | "clusterBinding";

/** An admin's row for a provider LoadBalancer (every tenant's, plus ones made on the provider). */
export interface ProviderRow extends DashboardRow {
  /** the binding namespace it belongs to, if it is a konnector copy */
  clusterNamespace?: string;
}

/** The overview: counts, the binding and the latest changes; never every row (see ListView). */
export interface DashboardView {
  /** the consumer namespaces whose LoadBalancers the user may watch */
  namespaces: string[];
  /** how many LoadBalancers the user has */
  total: number;
  /** how many are at each stage, failed ones apart (lib/status/buckets.ts) */
  counts: BucketCounts;
  /** the few that changed last, newest first */
  recent: DashboardRow[];
  /** only for members of the admin group: the whole provider side */
  providerRows?: ProviderRow[];
  /** the consumer's konnector: its Deployment on the consumer and its binding's heartbeat */
  konnector: KonnectorHealth;
  health: LiveHealth;
}

/** One page of the list (lib/live-wire/list-page.ts): only its rows travel, and the counts. */
export interface ListView extends ListPage<DashboardRow> {
  namespaces: string[];
  /** how many LoadBalancers the user has, whatever the filter */
  all: number;
  /** all of them by stage, for the stage chips */
  counts: BucketCounts;
  health: LiveHealth;
}

/**
 * What a subscription emits: a new view whenever anything in it changed (at most every few ms;
 * also when time alone changes a stage), or `revoked` once when the user lost the right to see it
 * (the subscription is closed after that).
 */
export type LiveUpdate<V> =
  /**
   * `encoded`: the view already serialized (the engine does it to see whether anything changed);
   * `change`: the same, shared by every viewer of a shared view, with its hash, patch and frames
   */
  { type: "view"; view: V; encoded?: EncodedView; change?: ViewChange } | { type: "revoked"; error: PortalError };

export interface LiveSubscription {
  close(): void;
}

export type { Tenancy };
