import { type NextRequest, NextResponse } from "next/server";
import { checkLoopbackRedirect } from "./lib/bind/redirect";
import { actionBodyProblem, actionHeadersProblem, malformedPath, type Refusal } from "./lib/http/request-guard";
import { badPageParam } from "./lib/http/route-params";

/**
 * The page `kubectl bind` opens carries the CLI's callback URL. An invalid one is refused with
 * 400 here, before sign-in and before any object exists anywhere.
 */
export async function proxy(req: NextRequest) {
  const refusal = await undecodable(req);
  if (refusal) return plainRefusal(refusal);
  if (req.nextUrl.pathname !== "/") return NextResponse.next();
  const params = req.nextUrl.searchParams;
  if (!params.has("redirect_url") && !params.has("session_id")) return NextResponse.next();
  const check = checkLoopbackRedirect(params.get("redirect_url") ?? "");
  const session = params.get("session_id") ?? "";
  const problem = !check.ok
    ? check.reason
    : !/^[A-Za-z0-9_-]{1,128}$/.test(session)
      ? "session_id is missing or malformed"
      : null;
  if (!problem) return NextResponse.next();
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Invalid bind link</title></head><body><main><h1>This bind link is not valid</h1><p>${escapeHtml(problem)}.</p><p>Run <code>kubectl bind</code> again and open the link it prints.</p></main></body></html>`;
  return new NextResponse(page, { status: 400, headers: { "content-type": "text/html; charset=utf-8" } });
}

/** What Next.js would fail on with a 500 (lib/http/request-guard.ts). */
async function undecodable(req: NextRequest): Promise<Refusal | null> {
  const path = malformedPath(req.nextUrl.pathname);
  if (path) return path;
  const param = req.method === "GET" ? badPageParam(req.nextUrl.pathname) : null;
  if (param) return { status: 404, message: `There is nothing at this address: ${param}` };
  if (req.method !== "POST" || !req.headers.has("next-action")) return null;
  return actionHeadersProblem(req.headers) ?? (await actionBodyProblem(req.clone()));
}

function plainRefusal(r: Refusal) {
  return new NextResponse(`${r.message}.\n`, {
    status: r.status,
    headers: { "content-type": "text/plain; charset=utf-8" },
  });
}

function escapeHtml(s: string) {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// Every path but the build's static files: malformed paths and server-action calls can come anywhere.
export const config = { matcher: "/((?!_next/static|_next/image).*)" };
