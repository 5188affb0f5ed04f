import "server-only";
import type { JWT } from "next-auth/jwt";
import { z } from "zod";
import { log } from "../log";

const Discovery = z.object({ token_endpoint: z.url(), issuer: z.string() });
const TokenResponse = z.object({
  access_token: z.string(),
  expires_in: z.number().optional(),
  refresh_token: z.string().optional(),
});

let discovery: Promise<z.infer<typeof Discovery>> | undefined;

export function discover(issuer: string) {
  discovery ??= fetch(`${issuer}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(5_000) })
    .then((r) => {
      if (!r.ok) throw new Error(`discovery answered ${r.status}`);
      return r.json();
    })
    .then((d) => Discovery.parse(d));
  discovery.catch(() => {
    discovery = undefined;
  });
  return discovery;
}

/** Refresh a little before expiry so a request never carries an expired session. */
const EARLY_SECONDS = 30;

export function needsRefresh(token: JWT, now = Date.now() / 1000): boolean {
  return typeof token.expiresAt === "number" && now >= token.expiresAt - EARLY_SECONDS;
}

/**
 * Uses the refresh token (if the issuer gave one) to extend the session. On failure the token
 * is marked so the UI asks the user to sign in again instead of failing silently mid-use.
 */
export async function refreshSession(
  token: JWT,
  client: { issuer: string; clientId: string; clientSecret: string },
): Promise<JWT> {
  if (!token.refreshToken) return { ...token, error: "Expired" };
  try {
    const { token_endpoint } = await discover(client.issuer);
    const res = await fetch(token_endpoint, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: `Basic ${Buffer.from(`${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`).toString("base64")}`,
      },
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: token.refreshToken }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`token endpoint answered ${res.status}`);
    const fresh = TokenResponse.parse(await res.json());
    log.info({ auth: { user: token.username, event: "refreshed" } }, "session refreshed");
    return {
      ...token,
      accessToken: fresh.access_token,
      refreshToken: fresh.refresh_token ?? token.refreshToken,
      expiresAt: Math.floor(Date.now() / 1000) + (fresh.expires_in ?? 300),
      error: undefined,
    };
  } catch (e) {
    log.warn(
      { auth: { user: token.username, event: "refresh-failed", reason: (e as Error).message } },
      "refresh failed",
    );
    return { ...token, error: "RefreshFailed" };
  }
}
