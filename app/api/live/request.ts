// The parts of the live routes that deal with HTTP: who is asking, what they asked for.
import "server-only";
import { currentSession, type SignedInUser } from "@/lib/auth/session";
import type { LiveSub } from "@/lib/live-wire/live-protocol";
import { SubsQuery } from "@/lib/live-wire/subs-query";

type Checked<T> = { ok: true; data: T } | { ok: false; response: Response };

const problem = (status: number, reason: string, message: string) =>
  Response.json({ error: { status, reason, message } }, { status, headers: { "Cache-Control": "no-store" } });

/** The session cookie's user (next-auth getServerSession), or a 401 JSON answer. */
export async function liveAuth(): Promise<Checked<SignedInUser>> {
  const session = await currentSession();
  if (!session?.user?.username || session.error) {
    return { ok: false, response: problem(401, "Unauthorized", "Sign in to receive live updates.") };
  }
  return { ok: true, data: session.user };
}

/**
 * The subs (repeated `sub` parameters) and the resume point: the Last-Event-ID header an
 * EventSource sends when it reconnects, or `lastEventId` when a page opens a new EventSource
 * after the browser gave up on the old one.
 */
export function liveRequest(request: Request): Checked<{ subs: LiveSub[]; lastEventId: string | null }> {
  const url = new URL(request.url);
  const subs = SubsQuery.safeParse(url.searchParams.getAll("sub"));
  if (!subs.success) {
    const why = subs.error.issues.map((i) => i.message).join("; ");
    return { ok: false, response: problem(400, "BadRequest", `Invalid subscriptions: ${why}.`) };
  }
  const lastEventId = request.headers.get("last-event-id") ?? url.searchParams.get("lastEventId");
  return { ok: true, data: { subs: subs.data, lastEventId: lastEventId?.slice(0, 4_096) ?? null } };
}

export const liveHeaders = {
  "Content-Type": "text/event-stream",
  "Cache-Control": "no-cache, no-transform",
  Connection: "keep-alive",
  // Reverse proxies (nginx) must pass events through as they come.
  "X-Accel-Buffering": "no",
};
