/**
 * Shared views: viewers whose rights resolve to the same scope watch ONE computed view.
 *
 *   const sub = openViewer(ctx, { sub, user, rights, scope, recheck, withoutStream?, emit });
 *
 * A view is identified by its LiveSub and its scope's key, which must name everything the
 * computation depends on (the streams the viewer may join, admin or not, the cluster's identity,
 * …): viewers of equal keys get the very same updates (one engine, one computation, one encoding,
 * see view-change.ts); viewers of different keys never share anything. Rights stay per viewer:
 * the caller authorizes before opening, each viewer's rights are re-read every `recheck.everyMs`
 * (all viewers from one timer, spread over the period), and a viewer whose rights changed moves to
 * the view of its new scope, or is revoked, alone.
 *
 * Consumer streams run upstream as one of the view's viewers (the carrier, see lib/k8s/watch-hub):
 * when that identity is refused on a stream, only the viewers with that identity lose it
 * (`withoutStream`), and the view carries on as another viewer.
 */
import "server-only";
import type { Actor } from "../k8s/types";
import { actorKey } from "../k8s/types";
import type { WatchHub } from "../k8s/watch-hub";
import type { StreamKey } from "../k8s/watch-types";
import { streamId } from "../k8s/watch-types";
import type { LiveSub } from "../live-wire/live-protocol";
import type { PortalError, Result } from "../result";
import type { LiveContext } from "./context";
import { LiveEngine } from "./engine";
import type { Need } from "./select";
import { timerWheel } from "./timer-wheel";
import type { LiveHealth, LiveSubscription, LiveUpdate } from "./types";

export interface ViewScope<V> {
  /** everything `compute` depends on besides the sub: equal keys share one view */
  key: string;
  /** ids (streamId) of the consumer streams this scope was authorized for */
  joinable: ReadonlySet<string>;
  compute(need: Need, now: number, providerSeenAt: number | undefined): V;
}

export interface ViewerSpec<V extends object, R> {
  sub: LiveSub;
  /** the viewer, impersonated on the consumer when its view's streams run as it */
  user: Actor;
  /** what the viewer was authorized for (checked by the caller before opening) */
  rights: R;
  /** the view these rights may see; must depend on the rights alone */
  scope(rights: R): ViewScope<V>;
  /**
   * New namespaces and withdrawn rights show up here, not through a watch: RBAC has no watchable
   * "what may I see". `read` returns the new rights, or an error that revokes the viewer; a read
   * that throws (the cluster is unreachable; the view's health says so) skips a round.
   */
  recheck: { everyMs: number; read(current: R): Promise<Result<R>> };
  /** The apiserver refused the viewer on one consumer stream: its rights without it, or revoked (default). */
  withoutStream?(rights: R, key: StreamKey, error: PortalError): Result<R>;
  emit(update: LiveUpdate<V & { health: LiveHealth }>): void;
}

/** What a shared view needs from each of its viewers. */
interface Member {
  readonly user: Actor;
  readonly userKey: string;
  deliver(update: LiveUpdate<unknown>): void;
  streamRevoked(key: StreamKey, error: PortalError): void;
}

class SharedView<V extends object> {
  readonly members = new Set<Member>();
  /** viewers per identity: the carrier must be one of them */
  private readonly identities = new Map<string, number>();
  private carrier?: Actor;
  private readonly engine: LiveEngine<V>;

  constructor(
    readonly id: string,
    scope: ViewScope<V>,
    hub: WatchHub,
    tickMs: number,
    private readonly onEmpty: () => void,
  ) {
    this.engine = new LiveEngine<V>({
      hub,
      user: () => this.carrier as Actor,
      mayJoin: (k) => scope.joinable.has(streamId(k)),
      compute: scope.compute,
      emit: (update) => {
        for (const m of this.members) m.deliver(update);
      },
      onRevoked: (key, error) => this.refused(key, error),
      tickMs,
    });
  }

  add(member: Member): void {
    this.members.add(member);
    this.identities.set(member.userKey, (this.identities.get(member.userKey) ?? 0) + 1);
    if (this.members.size === 1) {
      this.carrier = member.user;
      this.engine.start();
      return;
    }
    // The view is already computed: the newcomer gets it at once (never inside the subscribe call).
    const current = this.engine.current();
    if (current) {
      queueMicrotask(() => {
        if (this.members.has(member))
          member.deliver({ type: "view", view: current.encoded.view, encoded: current.encoded, change: current });
      });
    }
  }

  remove(member: Member): void {
    if (!this.members.delete(member)) return;
    const left = (this.identities.get(member.userKey) ?? 1) - 1;
    if (left > 0) this.identities.set(member.userKey, left);
    else this.identities.delete(member.userKey);
    if (this.members.size === 0) {
      this.engine.close();
      this.onEmpty();
      return;
    }
    if (left === 0 && this.carrier && actorKey(this.carrier) === member.userKey) this.handOver();
  }

  inspect() {
    return { id: this.id, viewers: this.members.size, identities: this.identities.size };
  }

  /** The carrier's identity was refused on `key`: its viewers lose that stream; the others go on. */
  private refused(key: StreamKey, error: PortalError): boolean {
    const refusedKey = this.carrier && actorKey(this.carrier);
    for (const m of [...this.members]) if (m.userKey === refusedKey) m.streamRevoked(key, error);
    // remove() handed over already if the refused identity's viewers all left.
    return true;
  }

  private handOver(): void {
    const next = this.members.values().next().value as Member;
    this.carrier = next.user;
    this.engine.carrierChanged();
  }
}

/** The shared views of one hub (and tick). */
export class SharedViews {
  private readonly views = new Map<string, SharedView<object>>();

  constructor(
    private readonly hub: WatchHub,
    private readonly tickMs: number,
  ) {}

  join<V extends object>(sub: LiveSub, scope: ViewScope<V>, member: Member): SharedView<V> {
    const id = `${sub}\n${scope.key}`;
    let view = this.views.get(id) as SharedView<V> | undefined;
    if (!view) {
      const created = new SharedView<V>(id, scope, this.hub, this.tickMs, () => {
        if (this.views.get(id) === (created as SharedView<object>)) this.views.delete(id);
      });
      view = created;
      this.views.set(id, view as SharedView<object>);
    }
    view.add(member);
    return view;
  }

  /** For tests and diagnostics: the views and how many viewers each has. */
  inspect(): { id: string; viewers: number; identities: number }[] {
    return [...this.views.values()].map((v) => v.inspect());
  }
}

// On globalThis like the hub itself: the live stream (a Pages API route) and the pages and routes
// of the App Router are separate bundles, each with its own copy of this module.
const REGISTRIES = Symbol.for("kube-bind-portal.shared-views");
const holder = globalThis as { [REGISTRIES]?: WeakMap<WatchHub, Map<number, SharedViews>> };
holder[REGISTRIES] ??= new WeakMap();
const registries = holder[REGISTRIES];

/** The shared views of the context's hub: views never span two hubs (tests run several). */
export function sharedViews(ctx: Pick<LiveContext, "hub" | "tickMs">): SharedViews {
  const tickMs = ctx.tickMs ?? 5_000;
  let byTick = registries.get(ctx.hub);
  if (!byTick) {
    byTick = new Map();
    registries.set(ctx.hub, byTick);
  }
  let views = byTick.get(tickMs);
  if (!views) {
    views = new SharedViews(ctx.hub, tickMs);
    byTick.set(tickMs, views);
  }
  return views;
}

class Viewer<V extends object, R> implements Member, LiveSubscription {
  readonly user: Actor;
  readonly userKey: string;
  private rights: R;
  private view?: SharedView<V>;
  private key?: string;
  private closed = false;
  private checking = false;
  private readonly stopRecheck: () => void;

  constructor(
    private readonly views: SharedViews,
    private readonly spec: ViewerSpec<V, R>,
  ) {
    this.user = spec.user;
    this.userKey = actorKey(spec.user);
    this.rights = spec.rights;
    this.place();
    this.stopRecheck = timerWheel(spec.recheck.everyMs).add(() => void this.recheck());
  }

  deliver(update: LiveUpdate<unknown>): void {
    if (!this.closed) this.spec.emit(update as LiveUpdate<V & { health: LiveHealth }>);
  }

  streamRevoked(key: StreamKey, error: PortalError): void {
    const next = this.spec.withoutStream?.(this.rights, key, error) ?? { ok: false, error };
    if (!next.ok) {
      this.revoke(next.error);
      return;
    }
    this.rights = next.data;
    // Still the same scope: it cannot stay on a stream it was refused.
    if (!this.place()) this.revoke(error);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.stopRecheck();
    this.view?.remove(this);
    this.view = undefined;
  }

  /** Joins the view of the current rights; false when that is the view it is in already. */
  private place(): boolean {
    const scope = this.spec.scope(this.rights);
    if (this.view && scope.key === this.key) return false;
    const old = this.view;
    this.key = scope.key;
    this.view = this.views.join(this.spec.sub, scope, this);
    old?.remove(this);
    return true;
  }

  private async recheck(): Promise<void> {
    if (this.checking || this.closed) return;
    this.checking = true;
    try {
      const next = await this.spec.recheck.read(this.rights).catch(() => undefined);
      if (!next || this.closed) return;
      if (!next.ok) {
        this.revoke(next.error);
        return;
      }
      this.rights = next.data;
      this.place();
    } finally {
      this.checking = false;
    }
  }

  private revoke(error: PortalError): void {
    if (this.closed) return;
    this.close();
    this.spec.emit({ type: "revoked", error });
  }
}

/** Opens a viewer of the shared view its rights resolve to (rights checked by the caller). */
export function openViewer<V extends object, R>(
  ctx: Pick<LiveContext, "hub" | "tickMs">,
  spec: ViewerSpec<V, R>,
): LiveSubscription {
  return new Viewer(sharedViews(ctx), spec);
}
