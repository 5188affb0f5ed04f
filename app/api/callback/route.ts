import { cookies } from "next/headers";
import { identityFromClaims } from "@/lib/auth/claims";
import { CLI_TOKEN_TTL_SECONDS, signCliToken } from "@/lib/auth/cli-token";
import { LOGIN_COOKIE, type VerifiedLogin, verifyLoginState } from "@/lib/bind/login-state";
import { callbackUrl, exchangeCode } from "@/lib/bind/oidc";
import { protocolError } from "@/lib/bind/protocol";
import { checkLoopbackRedirect } from "@/lib/bind/redirect";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

function toCli(login: VerifiedLogin, params: Record<string, string>) {
  // Re-checked: the state is signed, but the rule is the rule.
  const check = checkLoopbackRedirect(login.redirect_url);
  if (!check.ok) return protocolError("BAD_REQUEST", "invalid redirect_url", check.reason);
  const target = check.url;
  for (const [k, v] of Object.entries(params)) target.searchParams.set(k, v);
  if (login.cluster_id) target.searchParams.set("cluster_id", login.cluster_id);
  return Response.redirect(target, 302);
}

/** The OIDC redirect target of the CLI login: verifies everything, then hands the CLI its token. */
export async function GET(req: Request) {
  const url = new URL(req.url);
  const jar = await cookies();
  const state = url.searchParams.get("state");
  if (!state) return protocolError("BAD_REQUEST", "state is missing");
  let login: VerifiedLogin;
  try {
    login = await verifyLoginState(state, jar.get(LOGIN_COOKIE)?.value, env().SESSION_SECRET);
  } catch (e) {
    return protocolError("BAD_REQUEST", "invalid login state", (e as Error).message);
  }
  jar.delete({ name: LOGIN_COOKIE, path: "/api/callback" });

  const idpError = url.searchParams.get("error");
  if (idpError) {
    return toCli(login, {
      error: idpError,
      error_description: url.searchParams.get("error_description") ?? "the identity provider refused the login",
    });
  }
  try {
    // openid-client compares the callback URL with the registered one: use the public URL.
    const current = new URL(callbackUrl());
    current.search = url.search;
    const claims = await exchangeCode(current, { state, nonce: login.nonce, verifier: login.verifier });
    const identity = identityFromClaims(claims, {
      usernameClaim: env().OIDC_USERNAME_CLAIM,
      groupsClaim: env().OIDC_GROUPS_CLAIM,
    });
    const token = await signCliToken(identity);
    log.info({ auth: { user: identity.username, event: "cli-login" } }, "CLI signed in");
    return toCli(login, { access_token: token, token_type: "Bearer", expires_in: String(CLI_TOKEN_TTL_SECONDS) });
  } catch (e) {
    log.warn({ auth: { event: "cli-login-failed", reason: (e as Error).message } }, "CLI login failed");
    return toCli(login, { error: "login_failed", error_description: (e as Error).message });
  }
}
