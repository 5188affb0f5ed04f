import { env } from "@/lib/env";
import { defaultLiveContext, liveHub } from "@/lib/live";
import { sharedViews } from "@/lib/live/shared-views";
import { liveAuth } from "../request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * GET /api/live/stats: the watch hub's streams (subscribers, upstream watches and lists) and the
 * shared views (their sub and how many viewers each has; not the scope, which names other users'
 * namespaces). Tests and diagnostics only: 404 unless the portal was started with
 * PORTAL_EXPOSE_STATS=1.
 */
export async function GET() {
  if (!env().PORTAL_EXPOSE_STATS) return new Response("Not Found", { status: 404 });
  const auth = await liveAuth();
  if (!auth.ok) return auth.response;
  const streams = liveHub()
    .stats()
    .map(({ id, subscribers, watchRequests, lists, relists, objects, health }) => ({
      id,
      subscribers,
      watchRequests,
      lists,
      relists,
      objects,
      health: health.state,
    }));
  const views = sharedViews(defaultLiveContext())
    .inspect()
    .map(({ id, viewers }) => ({ sub: id.split("\n")[0], viewers }));
  return Response.json({ streams, views }, { headers: { "Cache-Control": "no-store" } });
}
