import { bindingProvider, NO_CACHE } from "@/lib/bind/protocol";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

/** The BindingProvider document `kubectl bind login` reads first. */
export function GET(req: Request) {
  return Response.json(bindingProvider(env().PORTAL_URL, new URL(req.url).searchParams), { headers: NO_CACHE });
}
