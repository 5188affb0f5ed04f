import { type NextRequest, NextResponse } from "next/server";
import { checkLoopbackRedirect } from "./lib/bind/redirect";

/**
 * The page `kubectl bind` opens carries the CLI's callback URL. An invalid one is refused with
 * 400 here, before sign-in and before any object exists anywhere.
 */
export function proxy(req: NextRequest) {
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

function escapeHtml(s: string) {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export const config = { matcher: "/" };
