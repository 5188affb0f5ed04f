import "server-only";
import { APIS } from "../k8s/apis";
import type { Identity } from "../k8s/types";
import { streamId } from "../k8s/watch-types";
import { liveSub } from "../live-wire/live-protocol";
import { attempt, type Result, settled } from "../result";
import { clusterIdentity, forbidden, type LoadBalancerRights, loadBalancerRights, notBound, servesApi } from "./access";
import type { LiveContext } from "./context";
import { defaultLiveContext } from "./hub";
import { resolveLoadBalancer } from "./resolve";
import { key } from "./resources";
import { openViewer } from "./shared-views";
import type { LiveSubscription, LiveUpdate, LoadBalancerView } from "./types";

/**
 * Live status of one consumer LoadBalancer for one user. Authorizes first (as the user: list+watch
 * of LoadBalancers in the namespace; ConfigMaps and Events there only if allowed, else left out),
 * then emits a LoadBalancerView on every change. Provider objects appear only for this object,
 * found through kube-bind tenancy. Rights are re-checked every `reauthorizeMs`; losing them
 * emits `revoked` and ends the subscription. Users with the same rights share one view
 * (shared-views.ts).
 *
 * Expected failures come back as a Result: 403 Forbidden (not allowed), 404 NotBound (the
 * consumer does not serve LoadBalancers), or a KubeError's details (cluster unreachable, …).
 */
export async function subscribeLoadBalancer(
  identity: Identity,
  target: { namespace: string; name: string },
  onUpdate: (update: LiveUpdate<LoadBalancerView>) => void,
  ctx: LiveContext = defaultLiveContext(),
): Promise<Result<LiveSubscription>> {
  const api = ctx.api ?? APIS.loadBalancers;
  const prepared = await attempt(async () => {
    const user = await ctx.consumerAs(identity);
    // Asked together (one round trip), though the rights only count once the API is served.
    const asked = settled(loadBalancerRights(user, api, target.namespace));
    const cluster = settled(clusterIdentity(ctx));
    if (!(await servesApi(user, api))) return notBound;
    const rights = await asked;
    if (!rights.loadBalancers) return forbidden(`You may not watch LoadBalancers in namespace ${target.namespace}.`);
    return { user, rights, clusterIdentity: await cluster };
  });
  if (!prepared.ok) return prepared;
  if ("status" in prepared.data) return { ok: false, error: prepared.data };
  const { user } = prepared.data;
  const identityKey = prepared.data.clusterIdentity;

  const allowed = (r: LoadBalancerRights) =>
    new Set(
      [
        key("consumer", api, target.namespace),
        ...(r.configMaps ? [key("consumer", APIS.configMaps, target.namespace)] : []),
        ...(r.events ? [key("consumer", APIS.events, target.namespace)] : []),
      ].map(streamId),
    );
  const viewer = openViewer(ctx, {
    sub: liveSub.loadBalancer(target.namespace, target.name),
    user: user.actor,
    rights: prepared.data.rights,
    scope: (rights: LoadBalancerRights) => ({
      key: JSON.stringify([api, identityKey, rights.configMaps, rights.events]),
      joinable: allowed(rights),
      compute: (need, now, providerSeenAt) =>
        resolveLoadBalancer(need, target, {
          api,
          clusterIdentity: identityKey,
          now,
          providerSeenAt,
          readable: { configMaps: rights.configMaps, events: rights.events },
        }),
    }),
    // Losing ConfigMaps or Events only removes them from the view; losing LoadBalancers ends it.
    withoutStream: (rights, k, error) => {
      if (k.resource === api.resource && k.group === api.group) return { ok: false, error };
      return {
        ok: true,
        data: {
          ...rights,
          configMaps: rights.configMaps && k.resource !== "configmaps",
          events: rights.events && k.resource !== "events",
        },
      };
    },
    recheck: {
      everyMs: ctx.reauthorizeMs ?? 60_000,
      read: async () => {
        const next = await loadBalancerRights(user, api, target.namespace);
        if (next.loadBalancers) return { ok: true, data: next };
        return {
          ok: false,
          error: forbidden(`You may no longer watch LoadBalancers in namespace ${target.namespace}.`),
        };
      },
    },
    emit: onUpdate,
  });
  return { ok: true, data: viewer };
}
