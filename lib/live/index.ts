/**
 * Live views for the SSE route (server-only): the watch hub + authorization + tenancy + the
 * status model, per user.
 *
 *   const sub = await subscribeLoadBalancer(k8sIdentity(user), { namespace, name }, (u) => send(u));
 *   if (!sub.ok) return errorResponse(sub.error);          // 403 Forbidden | 404 NotBound | KubeError
 *   request.signal.addEventListener("abort", () => sub.data.close());
 *
 *   u: { type: "view", view: LoadBalancerView } | { type: "revoked", error }   (revoked ends it)
 *   LoadBalancerView: { target, found, status?: LoadBalancerStatus, objects, events, tenancy, konnector?, health }
 *
 *   subscribeDashboard(identity, onUpdate) → DashboardView { namespaces, total, counts, recent, providerRows?, konnector, health }
 *   subscribeList(identity, request, onUpdate) → ListView { rows (one page), total, offset, next?, prev?, all, counts, … }
 *
 * `konnector` (KonnectorHealth, lib/status) is the binding's: its Deployment kube-bind/konnector on
 * the consumer (ready replicas; a stopped konnector shows within seconds) and its heartbeat in the
 * binding's ClusterBinding on the provider.
 *
 * Views are complete snapshots (small: the list sends one page, the overview counts), emitted only when they changed, so the SSE route can
 * send each as one event and the client can replace its react-query entry. `health` per cluster
 * is the worst of the view's streams: { state: connected | connecting | reconnecting, since,
 * lastError? } — show an outage banner while not connected; streams recover on their own.
 *
 * Authorization:
 * - consumer objects: the user must be allowed to list+watch them in that namespace (SSAR as the
 *   user) before joining the shared stream; the stream itself runs as one of its authorized
 *   subscribers (see lib/k8s/watch-hub.ts, IDENTITY);
 * - provider objects: read by the portal's identity through shared namespace-wide streams, and
 *   only the ones belonging to a consumer object the user was authorized for are selected
 *   (select.ts: the copy by name in the tenant's namespace, kro children by kro.run/instance-id,
 *   the Envoy Service by owning-gateway labels, Events by involvedObject);
 * - the konnector's Deployment on the consumer: read by the portal's own identity (its one read
 *   right there besides namespace names, deploy/consumer/rbac.yaml), as binding health shown to
 *   every user of the binding; a portal without that right shows the heartbeat alone;
 * - members of ctx.adminGroup (PORTAL_ADMIN_GROUP) get every provider LoadBalancer (providerRows).
 */

export type { LiveContext } from "./context";
export { subscribeDashboard, subscribeList } from "./dashboard";
export { defaultLiveContext, liveHub } from "./hub";
export { subscribeLoadBalancer } from "./loadbalancer";
export type {
  DashboardView,
  ListView,
  LiveEvent,
  LiveHealth,
  LiveSubscription,
  LiveUpdate,
  LoadBalancerView,
  ProviderRow,
  Tenancy,
} from "./types";
