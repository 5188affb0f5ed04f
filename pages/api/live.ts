import type { NextApiRequest, NextApiResponse } from "next";
import { streamSession } from "@/lib/auth/stream-session";
import { env } from "@/lib/env";
import { identityOf as k8sIdentity } from "@/lib/k8s/types";
import { subscribeDashboard, subscribeList, subscribeLoadBalancer } from "@/lib/live";
import { subscribeProvider, subscribeProviderConsumer } from "@/lib/live/provider";
import { sentViews } from "@/lib/live/sent-views";
import { openLiveResponse, type Subscribe } from "@/lib/live/sse";
import { isProviderSub, parseSub } from "@/lib/live-wire/live-protocol";
import { parseListQuery, SubsQuery } from "@/lib/live-wire/subs-query";
import { consoleNotFound, mayOpenConsole } from "@/lib/provider/access";

// A stream, not a JSON answer: no body to parse, no size limit, and it stays open after the
// handler returns.
export const config = { api: { bodyParser: false, responseLimit: false, externalResolver: true } };

const HEADERS = {
  "Content-Type": "text/event-stream",
  "Cache-Control": "no-cache, no-transform",
  Connection: "keep-alive",
  // Reverse proxies (nginx) must pass events through as they come.
  "X-Accel-Buffering": "no",
};

function problem(res: NextApiResponse, status: number, reason: string, message: string) {
  res.setHeader("Cache-Control", "no-store");
  res.status(status).json({ error: { status, reason, message } });
}

/**
 * GET /api/live?sub=dashboard&sub=lb:<namespace>/<name> — one SSE stream per page for all its
 * subscriptions (contract: lib/live-wire/live-protocol.ts; the stream: lib/live/sse.ts). Every sub is
 * authorized as the signed-in user by lib/live before anything is sent. The provider console's
 * subs answer 404 outright to anyone the provider does not let in (as its page does).
 *
 * A Pages API route, unlike the rest of the portal's routes: it writes to the Node response
 * itself, so an open stream holds that response and its connection state, not a web Request, a
 * Response body and the pipe between them (the difference is most of a viewer's memory when
 * thousands are open).
 */
export default async function live(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== "GET") {
    res.setHeader("Allow", "GET");
    return problem(res, 405, "MethodNotAllowed", "The live stream is read with GET.");
  }
  const session = await streamSession(req, res);
  if (!session?.user?.username || session.error) {
    return problem(res, 401, "Unauthorized", "Sign in to receive live updates.");
  }
  const url = new URL(req.url ?? "/", "http://portal.invalid");
  const subs = SubsQuery.safeParse(url.searchParams.getAll("sub"));
  if (!subs.success) {
    const why = subs.error.issues.map((i) => i.message).join("; ");
    return problem(res, 400, "BadRequest", `Invalid subscriptions: ${why}.`);
  }
  // Last-Event-ID from a reconnecting EventSource, or `lastEventId` from a page that opened a new one.
  const header = req.headers["last-event-id"];
  const lastEventId = (typeof header === "string" ? header : url.searchParams.get("lastEventId"))?.slice(0, 4_096);
  const identity = k8sIdentity(session.user);
  if (subs.data.some((s) => isProviderSub(parseSub(s)))) {
    // An unreachable provider is not a "no": the sub then reports it, and retries, like any other.
    const allowed = await mayOpenConsole(identity, env().PORTAL_ADMIN_GROUP).catch(() => undefined);
    if (allowed === false) return problem(res, consoleNotFound.status, consoleNotFound.reason, consoleNotFound.message);
  }
  if (res.destroyed) return;
  const subscribe: Subscribe = (sub, onUpdate) => {
    const target = parseSub(sub);
    if (target?.kind === "loadBalancer") {
      return subscribeLoadBalancer(identity, { namespace: target.namespace, name: target.name }, onUpdate);
    }
    // Checked with every other sub by SubsQuery, so it parses.
    const list = target?.kind === "list" ? parseListQuery(target.query) : undefined;
    if (list?.ok) return subscribeList(identity, list.data, onUpdate);
    if (target?.kind === "provider") return subscribeProvider(identity, onUpdate);
    if (target?.kind === "providerConsumer") return subscribeProviderConsumer(identity, target.namespace, onUpdate);
    return subscribeDashboard(identity, onUpdate);
  };
  res.writeHead(200, HEADERS);
  res.flushHeaders();
  openLiveResponse(
    {
      subs: subs.data,
      lastEventId: lastEventId ?? null,
      subscribe,
      sentViews: { owner: identity.user, store: sentViews() },
    },
    res,
  );
}
