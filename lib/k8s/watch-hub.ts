/**
 * The watch hub: ONE upstream list+watch per (cluster, resource, namespace scope), shared by every
 * subscriber, with an in-memory store so that a new subscriber gets a snapshot, then deltas.
 *
 *   const hub = new WatchHub({ connect: (cluster) => connection(cluster) });
 *   const sub = hub.subscribe(key, actor, (event) => …);   // WatchEvent: sync | added | modified | deleted | health | revoked
 *   sub.objects(); sub.health(); sub.close();
 *   hub.stats();                                            // upstream watches/lists per stream
 *
 * Streams resume from their last resourceVersion (bookmarks keep it fresh), relist on 410 Gone
 * and emit only the differences, reconnect with backoff and report their health, and close
 * `idleGraceMs` after their last subscriber left.
 *
 * IDENTITY — which identity a stream uses upstream (its "carrier"):
 * every subscriber says which identity it lends to the stream (`as`). The stream lists and watches
 * as the identity of its oldest subscriber; when that subscriber leaves, the stream hands over to
 * the next one and resumes from the same resourceVersion (no relist, nothing missed). If the
 * apiserver refuses a USER carrier (401/403: its rights were withdrawn), every subscriber with that
 * identity receives `revoked` and is dropped, and the next identity carries on. The portal's own
 * identity (PORTAL) is never dropped: a refusal there is a misconfiguration, reported as health.
 *
 * Why: on the consumer cluster the portal's identity may only impersonate, so a consumer stream
 * must run as some user. Running it as one of its subscribers keeps "one watch per (cluster,
 * resource, namespace)" AND keeps RBAC in charge, PROVIDED every subscriber was authorized for
 * list+watch of exactly that resource and namespace before subscribing. The hub does not
 * authorize: callers must (lib/live does, with a SelfSubjectAccessReview per subscriber).
 * Provider-side streams run as PORTAL, and lib/live filters their objects per user.
 */
import type { ClusterConnection } from "./connection";
import type { KubeError } from "./errors";
import { type Actor, actorKey, type ClusterName } from "./types";
import { type StreamTuning, WatchStream } from "./watch-stream";
import {
  type StreamHealth,
  type StreamKey,
  type StreamStats,
  streamId,
  type WatchEvent,
  type WatchListener,
  type WatchSubscription,
} from "./watch-types";

export interface WatchHubOptions {
  connect(cluster: ClusterName): Promise<ClusterConnection>;
  /** how long a stream nobody subscribes to stays open (a page reload should not relist) */
  idleGraceMs?: number;
  backoff?: StreamTuning["backoff"];
  watchTimeoutSeconds?: StreamTuning["watchTimeoutSeconds"];
}

interface Subscriber {
  id: number;
  actor: Actor;
  listener: WatchListener;
  /** set once the subscriber received its `sync`; deltas before that are in the snapshot */
  initialized: boolean;
}

class SharedStream {
  readonly subscribers = new Map<number, Subscriber>();
  readonly stream: WatchStream;
  grace?: ReturnType<typeof setTimeout>;
  private lastCarrier?: Actor;

  constructor(
    readonly key: StreamKey,
    connect: () => Promise<ClusterConnection>,
    tuning: StreamTuning,
    private readonly onEmpty: () => void,
  ) {
    this.stream = new WatchStream(
      key,
      connect,
      {
        carrier: () => this.carrier(),
        refused: (actor, error) => this.refused(actor, error),
        synced: () => {
          for (const sub of this.subscribers.values()) this.initialize(sub);
        },
        deliver: (delta) => {
          for (const sub of this.subscribers.values()) if (sub.initialized) this.send(sub, delta);
        },
        healthChanged: (health) => {
          for (const sub of this.subscribers.values()) this.send(sub, { type: "health", health });
        },
      },
      tuning,
    );
  }

  private carrier(): Actor | undefined {
    const first = this.subscribers.values().next().value;
    // In the grace period nobody is subscribed: keep the store fresh as the last carrier.
    if (first) this.lastCarrier = first.actor;
    return this.lastCarrier;
  }

  hasCarrier(): boolean {
    return this.lastCarrier !== undefined;
  }

  add(sub: Subscriber) {
    clearTimeout(this.grace);
    this.grace = undefined;
    this.subscribers.set(sub.id, sub);
    if (this.stream.hasSynced) queueMicrotask(() => this.initialize(sub));
    // Joining after the grace period began: stop running as someone who has left.
    const current = this.stream.carrier && actorKey(this.stream.carrier);
    if (this.subscribers.size === 1 && current && current !== actorKey(sub.actor)) this.stream.handOver();
  }

  remove(id: number) {
    const sub = this.subscribers.get(id);
    if (!sub) return;
    this.subscribers.delete(id);
    const next = this.subscribers.values().next().value;
    const carried = this.stream.carrier && actorKey(this.stream.carrier) === actorKey(sub.actor);
    if (carried && next && actorKey(next.actor) !== actorKey(sub.actor)) this.stream.handOver();
    if (this.subscribers.size === 0) this.onEmpty();
  }

  private refused(actor: Actor, error: KubeError) {
    const key = actorKey(actor);
    for (const sub of [...this.subscribers.values()]) {
      if (actorKey(sub.actor) !== key) continue;
      this.subscribers.delete(sub.id);
      this.send(sub, { type: "revoked", error: error.toJSON() });
    }
    if (this.lastCarrier && actorKey(this.lastCarrier) === key) this.lastCarrier = undefined;
    if (this.subscribers.size === 0) this.onEmpty();
  }

  private initialize(sub: Subscriber) {
    if (sub.initialized || !this.subscribers.has(sub.id)) return;
    sub.initialized = true;
    this.send(sub, { type: "sync", objects: this.stream.store.list() });
  }

  private send(sub: Subscriber, event: WatchEvent) {
    try {
      sub.listener(event);
    } catch (error) {
      this.stream.log.error({ err: error, stream: streamId(this.key) }, "watch subscriber failed");
    }
  }
}

export class WatchHub {
  private readonly streams = new Map<string, SharedStream>();
  private nextId = 1;
  private readonly tuning: StreamTuning;
  private readonly idleGraceMs: number;

  constructor(private readonly opts: WatchHubOptions) {
    this.idleGraceMs = opts.idleGraceMs ?? 30_000;
    this.tuning = {
      backoff: opts.backoff ?? { initialMs: 500, maxMs: 30_000 },
      watchTimeoutSeconds: opts.watchTimeoutSeconds ?? [300, 600],
      pageSize: 500,
    };
  }

  /**
   * Joins (or opens) the stream for `key`, lending identity `as` to it (see IDENTITY above).
   * The caller MUST have authorized `as` for list+watch of `key` (consumer) or must filter what it
   * passes on (provider, PORTAL).
   */
  subscribe(key: StreamKey, as: Actor, listener: WatchListener): WatchSubscription {
    const id = streamId(key);
    let shared = this.streams.get(id);
    const fresh = !shared;
    if (!shared) {
      const created = new SharedStream(
        key,
        () => this.opts.connect(key.cluster),
        this.tuning,
        () => this.scheduleClose(id, created),
      );
      shared = created;
      this.streams.set(id, shared);
    }
    const subId = this.nextId++;
    shared.add({ id: subId, actor: as, listener, initialized: false });
    if (fresh) shared.stream.start();
    return this.handle(shared, subId);
  }

  private handle(shared: SharedStream, subId: number): WatchSubscription {
    const stream = shared.stream;
    return {
      key: shared.key,
      objects: () => stream.store.list(),
      synced: () => stream.hasSynced,
      health: (): StreamHealth => stream.health,
      close: () => shared.remove(subId),
    };
  }

  private scheduleClose(id: string, shared: SharedStream) {
    clearTimeout(shared.grace);
    const close = () => {
      if (shared.subscribers.size > 0 || this.streams.get(id) !== shared) return;
      shared.stream.stop();
      this.streams.delete(id);
    };
    // A stream whose carrier was refused has no identity left to run as: close it now.
    if (!shared.hasCarrier() || this.idleGraceMs <= 0) return close();
    shared.grace = setTimeout(close, this.idleGraceMs);
    shared.grace.unref?.();
  }

  stats(): StreamStats[] {
    return [...this.streams.entries()].map(([id, s]) => ({
      id,
      key: s.key,
      subscribers: s.subscribers.size,
      ...s.stream.counters,
      objects: s.stream.store.size,
      resourceVersion: s.stream.resourceVersion,
      health: s.stream.health,
      carrier: s.stream.carrier && actorKey(s.stream.carrier),
    }));
  }

  /** Stops every stream at once (shutdown and tests). */
  close(): void {
    for (const s of this.streams.values()) {
      clearTimeout(s.grace);
      s.stream.stop();
    }
    this.streams.clear();
  }
}
