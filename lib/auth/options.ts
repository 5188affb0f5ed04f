import "server-only";
import type { NextAuthOptions, Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { env } from "../env";
import { log } from "../log";
import { safeRedirectUrl } from "../safe-redirect";
import { identityFromClaims, MissingClaimError } from "./claims";
import { needsRefresh, refreshSession } from "./refresh";
import { isSessionRevoked, revokeSession } from "./revocation-store";
import { newSessionId, SESSION_MAX_AGE_SECONDS } from "./session-id";

let cached: NextAuthOptions | undefined;

/** next-auth configuration: OIDC authorization code flow with PKCE and state, JWT sessions. */
export function authOptions(): NextAuthOptions {
  if (cached) return cached;
  const e = env();
  // next-auth v4 reads its base URL from the environment on every request.
  process.env.NEXTAUTH_URL = e.PORTAL_URL;
  const client = { issuer: e.OIDC_ISSUER_URL, clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET };
  const claimOpts = { usernameClaim: e.OIDC_USERNAME_CLAIM, groupsClaim: e.OIDC_GROUPS_CLAIM };

  cached = {
    secret: e.SESSION_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/signin", error: "/auth/error", signOut: "/signout" },
    logger: {
      // next-auth's default logger prints whole error objects; keep one structured line instead.
      error: (code, metadata) => log.warn({ auth: { code, message: errorMessage(metadata) } }, "auth error"),
      warn: (code) => log.warn({ auth: { code } }, "auth warning"),
      debug: () => {},
    },
    providers: [
      {
        id: "oidc",
        name: "your organisation's identity provider",
        type: "oauth",
        wellKnown: `${e.OIDC_ISSUER_URL}/.well-known/openid-configuration`,
        clientId: e.OIDC_CLIENT_ID,
        clientSecret: e.OIDC_CLIENT_SECRET,
        authorization: { params: { scope: e.OIDC_SCOPES } },
        // The ID token is verified (signature, issuer, audience, expiry) by openid-client.
        idToken: true,
        checks: ["pkce", "state"],
        profile(claims) {
          const id = identityFromClaims(claims, claimOpts);
          return { id: String(claims.sub), name: id.name, email: id.email ?? null };
        },
      },
    ],
    events: {
      // Signing out ends the session on every replica, not only the cookie in this browser.
      async signOut({ token }) {
        if (!token?.sid) return;
        try {
          await revokeSession(token.sid);
          log.info({ auth: { user: token.username, event: "signed-out" } }, "signed out");
        } catch (e) {
          log.error(
            { auth: { user: token.username, event: "revoke-failed", reason: (e as Error).message } },
            "sign-out could not be recorded",
          );
        }
      },
    },
    callbacks: {
      // Only destinations on the portal's own origin, as the URL parser (and a browser) reads them.
      redirect: ({ url }) => safeRedirectUrl(url, e.PORTAL_URL),
      signIn({ profile }) {
        try {
          identityFromClaims(profile, claimOpts);
          return true;
        } catch (err) {
          if (err instanceof MissingClaimError) return "/auth/error?error=MissingClaim";
          throw err;
        }
      },
      async jwt({ token, account, profile }) {
        if (account && profile) {
          const id = identityFromClaims(profile, claimOpts);
          log.info({ auth: { user: id.username, event: "signed-in" } }, "signed in");
          return {
            ...token,
            name: id.name,
            email: id.email,
            username: id.username,
            groups: id.groups,
            accessToken: account.access_token,
            refreshToken: account.refresh_token,
            expiresAt: account.expires_at,
            sid: newSessionId(),
            error: undefined,
          };
        }
        const state = await sessionState(token);
        return state === "refresh" ? refreshSession(token, client) : state;
      },
      session({ session, token }) {
        session.user = sessionUser(token);
        session.error = token.error;
        return session;
      },
    },
  };
  return cached;
}

function errorMessage(metadata: unknown): string {
  if (metadata instanceof Error) return metadata.message;
  const m = metadata as { error?: { message?: string }; message?: string };
  return m?.error?.message ?? m?.message ?? "unknown";
}

/** A session token on a request: as it is, refused (with its error), or due for a token refresh. */
export async function sessionState(token: JWT): Promise<JWT | "refresh"> {
  // A session from before sessions had ids cannot be signed out everywhere: sign in again.
  if (!token.sid) return { ...token, error: "Expired" };
  if (token.error === "Revoked" || (await isSessionRevoked(token.sid))) return { ...token, error: "Revoked" };
  if (!token.error && needsRefresh(token)) return "refresh";
  return token;
}

/** Only identity goes to the browser: tokens stay inside the encrypted session cookie. */
export const sessionUser = (token: JWT): Session["user"] => ({
  name: token.name ?? token.username ?? "",
  email: token.email ?? undefined,
  username: token.username ?? "",
  groups: token.groups ?? [],
});
