import "server-only";
import { APIS } from "../k8s/apis";
import type { Identity } from "../k8s/types";
import { streamId } from "../k8s/watch-types";
import { type ListRequest, listPage, listSub } from "../live-wire/list-page";
import { type LiveSub, liveSub } from "../live-wire/live-protocol";
import { attempt, type Result, settled } from "../result";
import { countBuckets } from "../status";
import { recentRows } from "../status/buckets";
import { clusterIdentity, type DashboardScope, dashboardScope, isAdmin, notBound, servesApi } from "./access";
import type { LiveContext } from "./context";
import { resumableFirstView } from "./first-view";
import { defaultLiveContext } from "./hub";
import { type ResolvedRows, resolveDashboard } from "./resolve";
import { key } from "./resources";
import { openViewer } from "./shared-views";
import type { DashboardView, ListView, LiveSubscription, LiveUpdate } from "./types";

/** Every row of the user, and what the overview adds: from these a view keeps only what it shows. */
export type UserRows = ResolvedRows & { namespaces: string[] };

/**
 * A live view over the user's LoadBalancers: a row per LoadBalancer in every consumer namespace
 * where the user may list+watch them (one cluster-wide stream if they may everywhere), each with
 * its current stage; `shape` keeps what the view shows (only that is encoded and sent). With
 * `providerRows`, members of the admin group also get the whole provider side. Namespaces and
 * rights are re-checked every `reauthorizeMs`; viewers of the same `sub` with the same rights share
 * one view (shared-views.ts). Fails with 404 NotBound before the binding.
 */
async function subscribeRows<V extends object>(
  identity: Identity,
  sub: LiveSub,
  shape: (rows: UserRows) => V,
  onUpdate: (update: LiveUpdate<V & { health: DashboardView["health"] }>) => void,
  ctx: LiveContext,
  opts: { providerRows: boolean },
): Promise<Result<LiveSubscription>> {
  const api = ctx.api ?? APIS.loadBalancers;
  const admin = opts.providerRows && isAdmin(identity, ctx.adminGroup);
  const prepared = await attempt(async () => {
    const [user, portal] = await Promise.all([ctx.consumerAs(identity), ctx.consumerPortal()]);
    // Asked together (one round trip), though the scope only counts once the API is served.
    const scope = settled(dashboardScope(user, portal, api));
    const cluster = settled(clusterIdentity(ctx));
    if (!(await servesApi(user, api))) return undefined;
    return { user, portal, scope: await scope, clusterIdentity: await cluster };
  });
  if (!prepared.ok) return prepared;
  if (!prepared.data) return { ok: false, error: notBound };
  const { user, portal } = prepared.data;
  const identityKey = prepared.data.clusterIdentity;

  const allowed = (s: DashboardScope) =>
    new Set(
      [
        ...(s.namespaces ?? [undefined]).map((ns) => key("consumer", api, ns)),
        ...[...s.configMapNamespaces].map((ns) => key("consumer", APIS.configMaps, ns)),
      ].map(streamId),
    );
  const viewer = openViewer(ctx, {
    sub,
    user: user.actor,
    rights: prepared.data.scope,
    scope: (scope: DashboardScope) => ({
      // Everything the view is computed from: users with equal keys see the very same view.
      key: JSON.stringify([
        api,
        identityKey,
        admin,
        scope.namespaces ?? "*",
        scope.listed,
        [...scope.configMapNamespaces].sort(),
      ]),
      joinable: allowed(scope),
      compute: (need, now, providerSeenAt) => {
        const view = resolveDashboard(need, {
          api,
          clusterIdentity: identityKey,
          now,
          providerSeenAt,
          namespaces: scope.namespaces,
          configMapNamespaces: scope.configMapNamespaces,
          admin,
        });
        return shape({ namespaces: scope.listed, ...view });
      },
    }),
    recheck: {
      everyMs: ctx.reauthorizeMs ?? 60_000,
      read: async () => ({ ok: true, data: await dashboardScope(user, portal, api) }),
    },
    emit: onUpdate,
  });
  return { ok: true, data: viewer };
}

/** How many recently changed LoadBalancers the overview shows. */
export const RECENT_CHANGES = 5;

/**
 * The overview for one user: the LoadBalancers counted by stage (failed ones apart), the binding's
 * konnector and the few changed last; members of the admin group also get `providerRows`.
 */
export function subscribeDashboard(
  identity: Identity,
  onUpdate: (update: LiveUpdate<DashboardView>) => void,
  ctx: LiveContext = defaultLiveContext(),
): Promise<Result<LiveSubscription>> {
  const overview = ({ rows, ...rest }: UserRows): Omit<DashboardView, "health"> => ({
    ...rest,
    total: rows.length,
    counts: countBuckets(rows),
    recent: recentRows(rows, RECENT_CHANGES),
  });
  return subscribeRows(identity, liveSub.dashboard, overview, onUpdate, ctx, { providerRows: true });
}

/** The list's view of the rows: one page for `req`, with the counts its stage chips show. */
const listView =
  (req: ListRequest) =>
  ({ rows, namespaces }: UserRows): Omit<ListView, "health"> => ({
    namespaces,
    all: rows.length,
    counts: countBuckets(rows),
    ...listPage(rows, req),
  });

/** One page of the user's list, live: only its rows are encoded and sent. */
export function subscribeList(
  identity: Identity,
  req: ListRequest,
  onUpdate: (update: LiveUpdate<ListView>) => void,
  ctx: LiveContext = defaultLiveContext(),
) {
  return subscribeRows(identity, listSub(req), listView(req), onUpdate, ctx, { providerRows: false });
}

/** The list page's first view for a server render, with the id the page's stream resumes from. */
export function firstListView(identity: Identity, req: ListRequest, timeoutMs = 4_000) {
  return resumableFirstView<ListView>(identity.user, listSub(req), (on) => subscribeList(identity, req, on), timeoutMs);
}

/** The dashboard's first view for a server render, with the id the page's stream resumes from. */
export function firstDashboardView(identity: Identity, timeoutMs = 4_000) {
  return resumableFirstView<DashboardView>(
    identity.user,
    liveSub.dashboard,
    (on) => subscribeDashboard(identity, on),
    timeoutMs,
  );
}
