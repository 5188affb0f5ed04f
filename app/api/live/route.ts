import { k8sIdentity } from "@/lib/auth/session";
import { subscribeDashboard, subscribeLoadBalancer } from "@/lib/live";
import { sentViews } from "@/lib/live/sent-views";
import { openLiveStream, type Subscribe } from "@/lib/live/sse";
import { parseSub } from "@/lib/query/live-protocol";
import { liveAuth, liveHeaders, liveRequest } from "./request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * GET /api/live?sub=dashboard&sub=lb:<namespace>/<name> — one SSE stream per page for all its
 * subscriptions (contract: lib/query/live-protocol.ts; the stream: lib/live/sse.ts). Every sub is
 * authorized as the signed-in user by lib/live before anything is sent.
 */
export async function GET(request: Request) {
  const auth = await liveAuth();
  if (!auth.ok) return auth.response;
  const parsed = liveRequest(request);
  if (!parsed.ok) return parsed.response;
  const identity = k8sIdentity(auth.data);
  const subscribe: Subscribe = (sub, onUpdate) => {
    const target = parseSub(sub);
    if (target?.kind === "loadBalancer") {
      return subscribeLoadBalancer(identity, { namespace: target.namespace, name: target.name }, onUpdate);
    }
    return subscribeDashboard(identity, onUpdate);
  };
  const connection = openLiveStream({
    ...parsed.data,
    signal: request.signal,
    subscribe,
    sentViews: { owner: identity.user, store: sentViews() },
  });
  return new Response(connection.stream, { headers: liveHeaders });
}
