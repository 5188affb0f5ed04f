import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

/** Old CLIs ask for /exports; keep their query string. */
export function GET(req: Request) {
  const target = new URL(`${env().PORTAL_URL}/api/exports`);
  target.search = new URL(req.url).search;
  return Response.redirect(target, 302);
}
