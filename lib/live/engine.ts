// Keeps one view up to date: recomputes it from hub streams whenever one of them changes (or time
// passes), joins the streams the computation asks for and leaves those it no longer needs. One
// engine serves every viewer of a shared view (shared-views.ts): its timers are per view, not per
// viewer.

import type { Actor, KubeObject } from "../k8s/types";
import { PORTAL } from "../k8s/types";
import type { WatchHub } from "../k8s/watch-hub";
import {
  type StreamHealth,
  type StreamKey,
  streamId,
  type WatchEvent,
  type WatchSubscription,
} from "../k8s/watch-types";
import { encodeView } from "../live-wire/view-patch";
import { log } from "../log";
import type { PortalError } from "../result";
import type { Need } from "./select";
import type { LiveHealth, LiveUpdate } from "./types";
import { liveWork, ViewChange } from "./view-change";

export interface EngineOptions<V extends object> {
  hub: WatchHub;
  /**
   * Whom consumer streams run as: one of the view's viewers, all authorized for them (SSAR). Asked
   * again when a stream is joined; `carrierChanged()` moves the joined ones to a new answer.
   */
  user(): Actor;
  /** consumer streams the viewers were authorized for (SSAR); anything else is refused */
  mayJoin(key: StreamKey): boolean;
  /** `providerSeenAt`: since when the provider streams are reconnecting (epoch ms), if they are */
  compute(need: Need, now: number, providerSeenAt: number | undefined): V;
  emit(update: LiveUpdate<V & { health: LiveHealth }>): void;
  /**
   * The apiserver refused the carrier on one consumer stream (rights withdrawn). Return true when
   * the view goes on (the caller settled who sees it now); by default the view is revoked.
   */
  onRevoked?(key: StreamKey, error: PortalError): boolean;
  /** recompute this often even without changes: some stages depend on time alone */
  tickMs: number;
}

export class LiveEngine<V extends object> {
  private readonly subs = new Map<string, WatchSubscription>();
  /** streams the view can do without (Need.optional): never part of its health */
  private readonly optional = new Set<string>();
  private timer?: ReturnType<typeof setTimeout>;
  private ticker?: ReturnType<typeof setInterval>;
  private closed = false;
  private last?: ViewChange;
  private lastComplete?: V;
  /** streams joined as the carrier (the rest run as the portal) */
  private readonly asUser = new Set<string>();
  private readonly startedAt = new Date().toISOString();

  constructor(private readonly opts: EngineOptions<V>) {}

  /** The first view comes asynchronously, never from inside the subscribe call. */
  start(): this {
    this.schedule();
    this.ticker = setInterval(() => this.schedule(), this.opts.tickMs);
    this.ticker.unref?.();
    return this;
  }

  /** The last view emitted, if any: what a viewer joining now gets first. */
  current(): ViewChange | undefined {
    return this.last;
  }

  /**
   * The carrier left or was refused: consumer streams join again as `user()`, then leave as the
   * old one, so the hub hands the upstream watch over without listing again.
   */
  carrierChanged(): void {
    if (this.closed) return;
    for (const id of this.asUser) {
      const old = this.subs.get(id);
      if (!old) continue;
      const key = old.key;
      this.subs.set(
        id,
        this.opts.hub.subscribe(key, this.opts.user(), (e) => this.onEvent(key, e)),
      );
      old.close();
    }
  }

  /** Coalesces bursts of stream events into one recomputation. */
  schedule(): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.recompute();
    }, 5);
  }

  revoke(error: PortalError): void {
    if (this.closed) return;
    this.close();
    this.opts.emit({ type: "revoked", error });
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    clearInterval(this.ticker);
    for (const sub of this.subs.values()) sub.close();
    this.subs.clear();
    this.asUser.clear();
  }

  private recompute(): void {
    if (this.closed) return;
    const wanted = new Set<string>();
    const seen = new Map<string, KubeObject[]>();
    this.optional.clear();
    let complete = true;
    const join = (key: StreamKey, as: "user" | "portal") => {
      const id = streamId(key);
      wanted.add(id);
      let sub = this.subs.get(id);
      if (!sub) {
        sub = this.opts.hub.subscribe(key, as === "user" ? this.opts.user() : PORTAL, (e) => this.onEvent(key, e));
        this.subs.set(id, sub);
        if (as === "user") this.asUser.add(id);
      }
      return sub;
    };
    const need: Need = (key, as) => {
      const id = streamId(key);
      const cached = seen.get(id);
      if (cached) return cached;
      if (as === "user" && !this.opts.mayJoin(key)) {
        log.error({ stream: id }, "live view asked for a consumer stream it was not authorized for");
        return [];
      }
      const sub = join(key, as);
      const objects = sub.synced() ? sub.objects() : [];
      if (!sub.synced()) complete = false;
      seen.set(id, objects);
      return objects;
    };
    need.optional = (key) => {
      const sub = join(key, "portal");
      this.optional.add(streamId(key));
      if (sub.synced()) return sub.objects();
      // Wait for its first list, unless that failed: then the view goes on without it.
      if (sub.health().state !== "reconnecting") complete = false;
      return undefined;
    };
    const provider = this.health().provider;
    const seenAt = provider.state === "reconnecting" ? Date.parse(provider.since) : undefined;
    liveWork.computations++;
    const view = this.opts.compute(need, Date.now(), seenAt);
    for (const [id, sub] of this.subs)
      if (!wanted.has(id)) {
        sub.close();
        this.subs.delete(id);
        this.asUser.delete(id);
      }
    if (complete) this.lastComplete = view;
    // While a newly needed stream lists, keep showing the last complete view (with fresh health).
    const shown = complete ? view : this.lastComplete;
    if (!shown) return;
    const next = { ...shown, health: this.health() };
    const encoded = encodeView(next);
    if (encoded.json === this.last?.encoded.json) return;
    liveWork.encodedViews++;
    const change = new ViewChange(encoded, this.last);
    this.last = change;
    this.opts.emit({ type: "view", view: next, encoded, change });
  }

  private onEvent(key: StreamKey, event: WatchEvent): void {
    if (event.type !== "revoked") {
      this.schedule();
      return;
    }
    // The hub already dropped us from that stream.
    this.subs.delete(streamId(key));
    this.asUser.delete(streamId(key));
    if (this.opts.onRevoked?.(key, event.error)) this.schedule();
    else this.revoke(event.error);
  }

  private health(): LiveHealth {
    const by = (cluster: string) =>
      [...this.subs.entries()]
        .filter(([id, s]) => s.key.cluster === cluster && !this.optional.has(id))
        .map(([, s]) => s.health());
    return { consumer: worst(by("consumer"), this.startedAt), provider: worst(by("provider"), this.startedAt) };
  }
}

/** Any stream reconnecting makes the cluster reconnecting (since its earliest outage). */
export function worst(healths: StreamHealth[], fallbackSince: string): StreamHealth {
  const earliest = <H extends StreamHealth>(hs: H[]) => hs.reduce((a, b) => (b.since < a.since ? b : a));
  const down = healths.filter((h) => h.state === "reconnecting");
  if (down.length) return earliest(down);
  const connecting = healths.filter((h) => h.state === "connecting");
  if (connecting.length) return earliest(connecting);
  if (!healths.length) return { state: "connected", since: fallbackSince };
  return healths.reduce((a, b) => (b.since > a.since ? b : a));
}
