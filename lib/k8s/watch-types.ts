// Vocabulary of the watch hub (watch-hub.ts), shared by its streams and by lib/live.
import type { PortalError } from "../result";
import type { ClusterName, KubeObject } from "./types";

/**
 * What one shared upstream list+watch covers: a cluster, a resource and a namespace scope
 * (no namespace = every namespace, or a cluster-scoped resource). Deliberately no label or field
 * selectors: one stream per namespace is shared by every page that needs any object in it, and
 * callers filter (lib/live/select.ts).
 */
export interface StreamKey {
  cluster: ClusterName;
  group: string;
  version: string;
  resource: string;
  namespace?: string;
}

export function streamId(key: StreamKey): string {
  return `${key.cluster}:${key.group || "core"}/${key.version}/${key.resource}@${key.namespace ?? "*"}`;
}

/**
 * The state of one upstream stream, for pages that show outages.
 * - connecting: the first list/watch has not succeeded yet;
 * - connected: listing and watching; `since` is when it (re)connected;
 * - reconnecting: the last attempt failed; `since` is when the outage began, `lastError` the
 *   newest failure, `attempt` how many attempts failed in a row. Retried with backoff until the
 *   apiserver answers again.
 */
export type StreamHealth =
  | { state: "connecting"; since: string }
  | { state: "connected"; since: string }
  | { state: "reconnecting"; since: string; lastError: PortalError; attempt: number };

/**
 * What a subscriber receives, in order:
 * - `sync` once, with every object, when the stream has listed (immediately when joining a
 *   stream that already has);
 * - then `added` / `modified` / `deleted` deltas (after a 410 relist only the differences);
 * - `health` whenever the stream's health changes;
 * - `revoked` when the apiserver refused this subscriber's identity (its rights were withdrawn);
 *   the subscription is closed and receives nothing more.
 */
export type WatchEvent =
  | { type: "sync"; objects: KubeObject[] }
  | { type: "added" | "modified" | "deleted"; object: KubeObject }
  | { type: "health"; health: StreamHealth }
  | { type: "revoked"; error: PortalError };

export type WatchListener = (event: WatchEvent) => void;

export interface WatchSubscription {
  readonly key: StreamKey;
  /** Current objects of the stream (empty until it has listed once). */
  objects(): KubeObject[];
  /** True once the stream has listed at least once (its objects are meaningful). */
  synced(): boolean;
  health(): StreamHealth;
  /** Leave the stream; the last subscriber's leaving closes it after the grace period. */
  close(): void;
}

/** Counters for tests and diagnostics: how much upstream work each stream did. */
export interface StreamStats {
  id: string;
  key: StreamKey;
  subscribers: number;
  /** upstream watch requests opened (including reconnects and carrier hand-overs) */
  watchRequests: number;
  /** upstream list calls (pages count once per list) */
  lists: number;
  /** lists caused by 410 Gone */
  relists: number;
  objects: number;
  resourceVersion?: string;
  health: StreamHealth;
  /** which identity the stream currently uses upstream */
  carrier?: string;
}
