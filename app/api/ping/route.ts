import { authenticate } from "@/lib/bind/caller";
import { NO_CACHE, protocolError } from "@/lib/bind/protocol";

export const dynamic = "force-dynamic";

/** "Am I signed in?" for the CLI and browser: 200 pong, or 401. */
export async function GET(req: Request) {
  if (!(await authenticate(req))) return protocolError("AUTHENTICATION_FAILED", "a valid token or session is required");
  return new Response("pong", { headers: { ...NO_CACHE, "content-type": "text/plain" } });
}
