import { cookies } from "next/headers";
import type { NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { readCliToken } from "@/lib/auth/cli-token";
import { revokeSession } from "@/lib/auth/revocation-store";
import { NO_CACHE } from "@/lib/bind/protocol";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

/**
 * Ends the caller's session on every replica: the browser session's id and the CLI token's id are
 * revoked in the provider cluster (lib/auth/revocations.ts), and the session cookie is cleared.
 */
export async function POST(req: NextRequest) {
  const sids: { sid: string; expiresAt?: Date }[] = [];
  const bearer = /^bearer (.+)$/i.exec(req.headers.get("authorization") ?? "")?.[1];
  const cli = bearer ? await readCliToken(bearer) : null;
  if (cli?.sid) sids.push({ sid: cli.sid, expiresAt: new Date(cli.expiresAt * 1000) });
  const session = await getToken({ req, secret: env().SESSION_SECRET }).catch(() => null);
  if (session?.sid) sids.push({ sid: session.sid });
  try {
    for (const s of sids) await revokeSession(s.sid, s.expiresAt);
  } catch (e) {
    log.error({ auth: { event: "revoke-failed", reason: (e as Error).message } }, "sign-out could not be recorded");
    return new Response("the sign-out could not be recorded; try again\n", {
      status: 503,
      headers: { ...NO_CACHE, "content-type": "text/plain" },
    });
  }
  const jar = await cookies();
  for (const c of jar.getAll()) {
    if (c.name.includes("next-auth.session-token")) jar.delete(c.name);
  }
  return new Response("logged out", { headers: { ...NO_CACHE, "content-type": "text/plain" } });
}
