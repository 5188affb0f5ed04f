// Who is asking a live diagnostics route (the stream itself is pages/api/live.ts).
import "server-only";
import { currentSession, type SignedInUser } from "@/lib/auth/session";

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
