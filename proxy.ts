import { type NextRequest, NextResponse } from "next/server";
import { allowedOrigins, checkOrigin } from "./lib/auth/origin";
import { checkLoopbackRedirect } from "./lib/bind/redirect";
import { actionBodyProblem, actionHeadersProblem, malformedPath, type Refusal } from "./lib/http/request-guard";
import { badPageParam } from "./lib/http/route-params";
import { contentSecurityPolicy, newNonce, STATIC_SECURITY_HEADERS } from "./lib/security-headers";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Every response gets the browser security headers, pages a CSP with a fresh nonce (Next puts it
 * on its own scripts when the request carries the policy). Forms and server actions (any unsafe
 * method outside /api) must come from an allowed Origin. What the framework would fail on with a
 * 500 (malformed paths, undecodable action calls) gets a 4xx with a plain message. The page
 * `kubectl bind` opens is refused with 400 for an invalid callback URL, before sign-in and before
 * anything exists.
 */
export async function proxy(req: NextRequest) {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const refusal = refuse(req) ?? (await undecodableRequest(req));
  const res = refusal ?? forward(req, nonce, csp);
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) res.headers.set(name, value);
  res.headers.set("Content-Security-Policy", csp);
  return res;
}

function refuse(req: NextRequest): NextResponse | null {
  const path = req.nextUrl.pathname;
  if (!SAFE_METHODS.has(req.method) && !path.startsWith("/api/")) {
    const check = checkOrigin(
      req.headers.get("origin"),
      allowedOrigins(process.env.PORTAL_URL, process.env.PORTAL_ALLOWED_ORIGINS),
    );
    if (!check.ok) {
      return new NextResponse(
        `Forbidden: ${check.reason}; forms and actions are accepted only from the portal's own pages.\n`,
        {
          status: 403,
          headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
        },
      );
    }
  }
  if (path === "/") return invalidBindLink(req);
  return null;
}

/**
 * Passes the request on with the nonce'd policy. A form or action that passed the Origin check
 * has its X-Forwarded-Host replaced by that origin's host: Next compares the two itself, and a
 * client-chosen value must play no part in it.
 */
function forward(req: NextRequest, nonce: string, csp: string) {
  const headers = new Headers(req.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const origin = req.headers.get("origin");
  if (!SAFE_METHODS.has(req.method) && origin && !req.nextUrl.pathname.startsWith("/api/")) {
    headers.set("x-forwarded-host", new URL(origin).host);
  } else {
    headers.delete("x-forwarded-host");
  }
  return NextResponse.next({ request: { headers } });
}

/** What Next.js would fail on with a 500 (lib/http/request-guard.ts), refused with a 4xx. */
async function undecodableRequest(req: NextRequest): Promise<NextResponse | null> {
  const problem = await undecodable(req);
  return problem && plainRefusal(problem);
}

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
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}

function invalidBindLink(req: NextRequest): NextResponse | null {
  const params = req.nextUrl.searchParams;
  if (!params.has("redirect_url") && !params.has("session_id")) return null;
  const check = checkLoopbackRedirect(params.get("redirect_url") ?? "");
  const session = params.get("session_id") ?? "";
  const problem = !check.ok
    ? check.reason
    : !/^[A-Za-z0-9_-]{1,128}$/.test(session)
      ? "session_id is missing or malformed"
      : null;
  if (!problem) return null;
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Invalid bind link</title></head><body><main><h1>This bind link is not valid</h1><p>${escapeHtml(problem)}.</p><p>Run <code>kubectl bind</code> again and open the link it prints.</p></main></body></html>`;
  return new NextResponse(page, { status: 400, headers: { "content-type": "text/html; charset=utf-8" } });
}

function escapeHtml(s: string) {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// Everything but the build's static files and the live stream (next.config.ts gives those the
// static headers): a stream is no document (no CSP to carry, nothing to refuse for a GET), and
// thousands stay open, each holding whatever a pass through here leaves behind.
export const config = { matcher: ["/((?!_next/static|_next/image|api/live$).*)"] };
