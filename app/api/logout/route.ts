import { cookies } from "next/headers";
import { NO_CACHE } from "@/lib/bind/protocol";

export const dynamic = "force-dynamic";

/** Ends the browser session (CLI tokens are stateless and simply expire). */
export async function POST() {
  const jar = await cookies();
  for (const c of jar.getAll()) {
    if (c.name.includes("next-auth.session-token")) jar.delete(c.name);
  }
  return new Response("logged out", { headers: { ...NO_CACHE, "content-type": "text/plain" } });
}
