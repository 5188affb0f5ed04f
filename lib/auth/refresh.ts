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
const TokenError = z.object({ error: z.string() });

let discovery: Promise<z.infer<typeof Discovery>> | undefined;

/** The issuer's discovery document, cached for the refresh path (readiness probes afresh). */
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

type Client = { issuer: string; clientId: string; clientSecret: string };

/**
 * Refreshes are shared per process: requests that arrive together with one expiring session (a
 * page and its stream, a burst of tabs) wait for the same call to the identity provider, and
 * requests still carrying the old cookie after it finished get its result. With refresh-token
 * rotation a second call with the old refresh token would be refused and sign the user out.
 * Keyed by the refresh token and the expiry it renews: one session generation, even with an
 * identity provider that does not rotate refresh tokens.
 */
const FLIGHTS = Symbol.for("kube-bind-portal.refresh-flights");
type Flight = { result: Promise<JWT>; keepUntil: number };
const holder = globalThis as { [FLIGHTS]?: Map<string, Flight> };
holder[FLIGHTS] ??= new Map<string, Flight>();
const flights: Map<string, Flight> = holder[FLIGHTS];

/**
 * Uses the refresh token (if the issuer gave one) to extend the session. On failure the token
 * is marked so the UI asks the user to sign in again instead of failing silently mid-use; but a
 * refusal while the current access token is still valid keeps the session as it is (another
 * replica may have rotated the refresh token, and the browser will bring its new cookie).
 */
export async function refreshSession(token: JWT, client: Client): Promise<JWT> {
  const refreshToken = token.refreshToken;
  if (!refreshToken) return { ...token, error: "Expired" };
  const now = Date.now();
  for (const [key, f] of flights) if (f.keepUntil < now) flights.delete(key);
  const key = `${refreshToken} ${token.expiresAt ?? ""}`;
  let flight = flights.get(key);
  if (!flight) {
    // Kept until the old access token has long expired: only then can no request carry it.
    const keepUntil = Math.max(now, (token.expiresAt ?? 0) * 1000) + 60_000;
    flight = { result: exchange(token, refreshToken, client), keepUntil };
    flights.set(key, flight);
    // Only a renewal is shared with later requests; after a failure or a superseded refresh
    // token they ask again.
    flight.result.then((r) => {
      if (r.error || r.accessToken === token.accessToken) flights.delete(key);
    });
  }
  const fresh = await flight.result;
  // Another request's session may differ in anything but the tokens (e.g. its sid): keep ours.
  const { accessToken, expiresAt, error } = fresh;
  return { ...token, accessToken, refreshToken: fresh.refreshToken, expiresAt, error };
}

async function exchange(token: JWT, refreshToken: string, client: Client): Promise<JWT> {
  try {
    const { token_endpoint } = await discover(client.issuer);
    const res = await fetch(token_endpoint, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: `Basic ${Buffer.from(`${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`).toString("base64")}`,
      },
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: refreshToken }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) {
      const body = TokenError.safeParse(await res.json().catch(() => null));
      const code = body.success ? body.data.error : `status ${res.status}`;
      if (code === "invalid_grant" && stillValid(token)) {
        log.info({ auth: { user: token.username, event: "refresh-superseded" } }, "refresh token already used");
        return { ...token, error: undefined };
      }
      throw new Error(`token endpoint answered ${code}`);
    }
    const fresh = TokenResponse.parse(await res.json());
    log.info({ auth: { user: token.username, event: "refreshed" } }, "session refreshed");
    return {
      ...token,
      accessToken: fresh.access_token,
      refreshToken: fresh.refresh_token ?? refreshToken,
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

function stillValid(token: JWT, now = Date.now() / 1000) {
  return typeof token.expiresAt === "number" && token.expiresAt > now;
}
