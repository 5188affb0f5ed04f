import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { createLoginState, LOGIN_COOKIE, LoginRequest } from "@/lib/bind/login-state";
import { authorizationUrl, newVerifier } from "@/lib/bind/oidc";
import { protocolError } from "@/lib/bind/protocol";
import { checkLoopbackRedirect } from "@/lib/bind/redirect";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

/** Starts the CLI login (`kubectl bind login`): OIDC code flow with PKCE, state tied to this browser. */
async function authorize(params: Record<string, unknown>) {
  const parsed = LoginRequest.safeParse(params);
  if (!parsed.success) {
    return protocolError("BAD_REQUEST", "redirect_url and session_id are required", parsed.error.issues[0]?.message);
  }
  const request = parsed.data;
  if (request.client_type === "ui") {
    // Browser sign-in is next-auth's; come back to the bind page with the parameters intact.
    const back = new URLSearchParams({ session_id: request.session_id, redirect_url: request.redirect_url });
    redirect(`/signin?callbackUrl=${encodeURIComponent(`/?${back}`)}`);
  }
  const check = checkLoopbackRedirect(request.redirect_url);
  if (!check.ok) return protocolError("BAD_REQUEST", "invalid redirect_url", check.reason);

  const verifier = newVerifier();
  const { state, cookie, nonce } = await createLoginState(request, env().SESSION_SECRET, verifier);
  let target: URL;
  try {
    target = await authorizationUrl(state, nonce, verifier);
  } catch (e) {
    log.warn({ auth: { event: "discovery-failed", reason: (e as Error).message } }, "identity provider unreachable");
    return protocolError("INTERNAL_ERROR", "the identity provider cannot be reached", (e as Error).message);
  }
  (await cookies()).set(LOGIN_COOKIE, cookie, {
    httpOnly: true,
    sameSite: "lax",
    secure: env().PORTAL_URL.startsWith("https:"),
    path: "/api/callback",
    maxAge: 600,
  });
  return Response.redirect(target, 302);
}

export async function GET(req: Request) {
  return authorize(Object.fromEntries(new URL(req.url).searchParams));
}

export async function POST(req: Request) {
  const body = await req.json().catch(() => null);
  if (!body || typeof body !== "object") return protocolError("BAD_REQUEST", "the body must be a JSON object");
  return authorize(body as Record<string, unknown>);
}
