import "server-only";
import type { Identity } from "../k8s/types";
import { streamId } from "../k8s/watch-types";
import { liveSub } from "../live-wire/live-protocol";
import { attempt, type Result } from "../result";
import { countBuckets } from "../status";
import { clusterIdentity, type DashboardScope, dashboardScope, isAdmin, notBound, servesApi } from "./access";
import type { LiveContext } from "./context";
import { resumableFirstView } from "./first-view";
import { defaultLiveContext } from "./hub";
import { resolveDashboard } from "./resolve";
import { API, key } from "./resources";
import { openViewer } from "./shared-views";
import type { DashboardView, LiveSubscription, LiveUpdate } from "./types";

/**
 * Live dashboard for one user: a row per LoadBalancer in every consumer namespace where the user
 * may list+watch them (one cluster-wide stream if they may everywhere), each with its current
 * stage (and the rows counted by stage, failed ones apart); members of the admin group also get `providerRows`, the whole provider side. Namespaces
 * and rights are re-checked every `reauthorizeMs`; users with the same ones share one view
 * (shared-views.ts). Fails with 404 NotBound before the binding.
 */
export async function subscribeDashboard(
  identity: Identity,
  onUpdate: (update: LiveUpdate<DashboardView>) => void,
  ctx: LiveContext = defaultLiveContext(),
): Promise<Result<LiveSubscription>> {
  const api = ctx.api ?? API.loadBalancers;
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
  const identityKey = prepared.data.clusterIdentity;

  const allowed = (s: DashboardScope) =>
    new Set(
      [
        ...(s.namespaces ?? [undefined]).map((ns) => key("consumer", api, ns)),
        ...[...s.configMapNamespaces].map((ns) => key("consumer", API.configMaps, ns)),
      ].map(streamId),
    );
  const viewer = openViewer(ctx, {
    sub: liveSub.dashboard,
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
        // Counted here, so the overview's numbers are the server's, whatever the page filters.
        return { namespaces: scope.listed, ...view, counts: countBuckets(view.rows) };
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

/** The dashboard's first view for a server render, with the id the page's stream resumes from. */
export function firstDashboardView(identity: Identity, timeoutMs = 4_000) {
  return resumableFirstView<DashboardView>(
    identity.user,
    liveSub.dashboard,
    (on) => subscribeDashboard(identity, on),
    timeoutMs,
  );
}
