import { k8sIdentity } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { subscribeDashboard, subscribeList, subscribeLoadBalancer } from "@/lib/live";
import { subscribeProvider, subscribeProviderConsumer } from "@/lib/live/provider";
import { sentViews } from "@/lib/live/sent-views";
import { openLiveStream, type Subscribe } from "@/lib/live/sse";
import { isProviderSub, parseSub } from "@/lib/live-wire/live-protocol";
import { parseListQuery } from "@/lib/live-wire/subs-query";
import { consoleNotFound, mayOpenConsole } from "@/lib/provider/access";
import { liveAuth, liveHeaders, liveRequest } from "./request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * GET /api/live?sub=dashboard&sub=lb:<namespace>/<name> — one SSE stream per page for all its
 * subscriptions (contract: lib/live-wire/live-protocol.ts; the stream: lib/live/sse.ts). Every sub is
 * authorized as the signed-in user by lib/live before anything is sent. The provider console's
 * subs answer 404 outright to anyone the provider does not let in (as its page does).
 */
export async function GET(request: Request) {
  const auth = await liveAuth();
  if (!auth.ok) return auth.response;
  const parsed = liveRequest(request);
  if (!parsed.ok) return parsed.response;
  const identity = k8sIdentity(auth.data);
  if (parsed.data.subs.some((s) => isProviderSub(parseSub(s)))) {
    // An unreachable provider is not a "no": the sub then reports it, and retries, like any other.
    const allowed = await mayOpenConsole(identity, env().PORTAL_ADMIN_GROUP).catch(() => undefined);
    if (allowed === false) {
      const { status, reason, message } = consoleNotFound;
      return Response.json(
        { error: { status, reason, message } },
        { status, headers: { "Cache-Control": "no-store" } },
      );
    }
  }
  const subscribe: Subscribe = (sub, onUpdate) => {
    const target = parseSub(sub);
    if (target?.kind === "loadBalancer") {
      return subscribeLoadBalancer(identity, { namespace: target.namespace, name: target.name }, onUpdate);
    }
    // Checked with every other sub by liveRequest, so it parses.
    const list = target?.kind === "list" ? parseListQuery(target.query) : undefined;
    if (list?.ok) return subscribeList(identity, list.data, onUpdate);
    if (target?.kind === "provider") return subscribeProvider(identity, onUpdate);
    if (target?.kind === "providerConsumer") return subscribeProviderConsumer(identity, target.namespace, onUpdate);
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
