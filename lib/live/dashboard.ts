import "server-only";
import { APIS } from "../k8s/apis";
import type { Identity } from "../k8s/types";
import { streamId } from "../k8s/watch-types";
import { liveSub } from "../live-wire/live-protocol";
import { attempt, type Result } from "../result";
import { countBuckets } from "../status";
import { clusterIdentity, type DashboardScope, dashboardScope, isAdmin, notBound, servesApi } from "./access";
import type { LiveContext } from "./context";
import { LiveEngine } from "./engine";
import { resumableFirstView } from "./first-view";
import { defaultLiveContext } from "./hub";
import { resolveDashboard } from "./resolve";
import { key } from "./resources";
import type { DashboardView, LiveSubscription, LiveUpdate } from "./types";

/**
 * Live dashboard for one user: a row per LoadBalancer in every consumer namespace where the user
 * may list+watch them (one cluster-wide stream if they may everywhere), each with its current
 * stage (and the rows counted by stage, failed ones apart); members of the admin group also get `providerRows`, the whole provider side. Namespaces
 * and rights are re-checked every `reauthorizeMs`. Fails with 404 NotBound before the binding.
 */
export async function subscribeDashboard(
  identity: Identity,
  onUpdate: (update: LiveUpdate<DashboardView>) => void,
  ctx: LiveContext = defaultLiveContext(),
): Promise<Result<LiveSubscription>> {
  const api = ctx.api ?? APIS.loadBalancers;
  const admin = isAdmin(identity, ctx.adminGroup);
  const prepared = await attempt(async () => {
    const [user, portal] = await Promise.all([ctx.consumerAs(identity), ctx.consumerPortal()]);
    if (!(await servesApi(user, api))) return undefined;
    const scope = await dashboardScope(user, portal, api);
    return { user, portal, scope, clusterIdentity: await clusterIdentity(ctx) };
  });
  if (!prepared.ok) return prepared;
  if (!prepared.data) return { ok: false, error: notBound };
  const { user, portal } = prepared.data;
  let scope: DashboardScope = prepared.data.scope;

  const allowed = (s: DashboardScope) =>
    new Set(
      [
        ...(s.namespaces ?? [undefined]).map((ns) => key("consumer", api, ns)),
        ...[...s.configMapNamespaces].map((ns) => key("consumer", APIS.configMaps, ns)),
      ].map(streamId),
    );
  let joinable = allowed(scope);
  const engine = new LiveEngine<Omit<DashboardView, "health">>({
    hub: ctx.hub,
    user: user.actor,
    mayJoin: (k) => joinable.has(streamId(k)),
    compute: (need, now, providerSeenAt) => {
      const view = resolveDashboard(need, {
        api,
        clusterIdentity: prepared.data?.clusterIdentity,
        now,
        providerSeenAt,
        namespaces: scope.namespaces,
        configMapNamespaces: scope.configMapNamespaces,
        admin,
      });
      // Counted here, so the overview's numbers are the server's, whatever the page filters.
      return { namespaces: scope.listed, ...view, counts: countBuckets(view.rows) };
    },
    emit: onUpdate,
    tickMs: ctx.tickMs ?? 5_000,
  })
    .start()
    .recheckRights(
      ctx.reauthorizeMs ?? 60_000,
      () => dashboardScope(user, portal, api),
      (next) => {
        scope = next;
        joinable = allowed(next);
        return undefined;
      },
    );
  return { ok: true, data: { close: () => engine.close() } };
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
