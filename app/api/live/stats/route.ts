import { z } from "zod";
import { liveHub } from "@/lib/live";
import { liveAuth } from "../request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// Test and diagnostics only: off unless the server was started with PORTAL_EXPOSE_STATS=1
// (playwright.config.ts does). Read here, not in lib/env, so production config cannot carry it
// by accident through a shared schema default.
const exposed = () => z.literal("1").safeParse(process.env.PORTAL_EXPOSE_STATS).success;

/** GET /api/live/stats: the watch hub's streams (subscribers, upstream watches and lists). */
export async function GET() {
  if (!exposed()) return new Response("Not Found", { status: 404 });
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
  return Response.json({ streams }, { headers: { "Cache-Control": "no-store" } });
}
