// The portal's session refresh against the sandbox's real OIDC provider.
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FetchBrowser, type OidcProviderHandle, startOidcProvider } from "../../test-support/oidc";
import { needsRefresh, refreshSession } from "./refresh";

const PORTAL = "http://127.0.0.1:39998";
const REDIRECT = `${PORTAL}/api/auth/callback/oidc`;
let idp: OidcProviderHandle;
// The identity provider logs one line per request it answered: the count of token calls is real.
const logFile = join(mkdtempSync(join(tmpdir(), "refresh-test-")), "oidc.log");
const tokenCalls = () =>
  readFileSync(logFile, "utf8")
    .split("\n")
    .filter((l) => l.includes("POST /token ")).length;

beforeAll(async () => {
  idp = await startOidcProvider({ portalUrls: [PORTAL], accessTokenTtlSeconds: 60, logFile });
});
afterAll(() => idp?.stop());

/** Signs alice in through the IdP's own pages and returns the token response. */
async function signInAlice() {
  const browser = new FetchBrowser();
  const verifier = randomBytes(32).toString("base64url");
  const url = new URL(`${idp.issuer}/auth`);
  url.search = new URLSearchParams({
    client_id: idp.clientId,
    redirect_uri: REDIRECT,
    response_type: "code",
    scope: "openid email profile groups",
    state: "s",
    code_challenge: createHash("sha256").update(verifier).digest("base64url"),
    code_challenge_method: "S256",
  }).toString();
  const loginPage = await browser.follow(url.toString(), idp.issuer);
  const loginHtml = await loginPage.res.text();
  const loginAction = new URL(/action="([^"]+)"/.exec(loginHtml)?.[1] ?? "", loginPage.url).toString();
  const consent = await browser.follow(loginAction, idp.issuer, {
    form: { username: "alice", password: "alice-password" },
  });
  const consentAction = new URL(/action="([^"]+)"/.exec(await consent.res.text())?.[1] ?? "", consent.url).toString();
  const done = await browser.follow(consentAction, idp.issuer, { form: { decision: "allow" } });
  const code = new URL(done.location ?? "").searchParams.get("code") ?? "";
  const res = await fetch(`${idp.issuer}/token`, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${idp.clientId}:${idp.clientSecret}`).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
    }),
  });
  return (await res.json()) as { access_token: string; refresh_token: string; expires_in: number };
}

const client = () => ({ issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret });

describe("session refresh", () => {
  it("refreshes shortly before expiry, not earlier", () => {
    const now = 1_000_000;
    expect(needsRefresh({ expiresAt: now + 300 }, now)).toBe(false);
    expect(needsRefresh({ expiresAt: now + 10 }, now)).toBe(true);
    expect(needsRefresh({ expiresAt: now - 1 }, now)).toBe(true);
  });

  it("renews an expiring session with the refresh token", async () => {
    const tokens = await signInAlice();
    expect(tokens.refresh_token).toEqual(expect.any(String));
    const before = Math.floor(Date.now() / 1000);
    const session = {
      username: "alice@example.com",
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token,
      expiresAt: before,
    };
    const renewed = await refreshSession(session, client());
    expect(renewed.error).toBeUndefined();
    expect(renewed.accessToken).not.toBe(tokens.access_token);
    expect(renewed.expiresAt).toBeGreaterThanOrEqual(before + 50);
    expect(renewed.username).toBe("alice@example.com");
  });

  it("marks the session instead of failing silently when the IdP refuses", async () => {
    const refused = await refreshSession(
      { username: "alice@example.com", refreshToken: "forged", expiresAt: 0 },
      client(),
    );
    expect(refused.error).toBe("RefreshFailed");
    const noToken = await refreshSession({ username: "alice@example.com", expiresAt: 0 }, client());
    expect(noToken.error).toBe("Expired");
  });

  it("shares one refresh among 200 requests that carry the same expiring session", async () => {
    const tokens = await signInAlice();
    const session = {
      username: "alice@example.com",
      sid: "s-1",
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token,
      expiresAt: Math.floor(Date.now() / 1000),
    };
    const before = tokenCalls();
    const renewed = await Promise.all(Array.from({ length: 200 }, () => refreshSession({ ...session }, client())));
    await expect.poll(() => tokenCalls() - before).toBe(1);
    expect(new Set(renewed.map((r) => r.accessToken)).size).toBe(1);
    expect(renewed.every((r) => r.error === undefined && r.accessToken !== tokens.access_token)).toBe(true);
    // A request that still carries the old cookie after the refresh finished gets its result.
    const late = await refreshSession({ ...session }, client());
    expect(late.accessToken).toBe(renewed[0].accessToken);
    expect(tokenCalls() - before).toBe(1);
  });

  it("keeps a session whose refresh token another replica already used while its access token is valid", async () => {
    const tokens = await signInAlice();
    const valid = Math.floor(Date.now() / 1000) + 20;
    const superseded = await refreshSession(
      {
        username: "alice@example.com",
        accessToken: tokens.access_token,
        refreshToken: "rotated-away",
        expiresAt: valid,
      },
      client(),
    );
    expect(superseded.error).toBeUndefined();
    expect(superseded.accessToken).toBe(tokens.access_token);
    const expired = await refreshSession(
      { username: "alice@example.com", accessToken: tokens.access_token, refreshToken: "rotated-away", expiresAt: 1 },
      client(),
    );
    expect(expired.error).toBe("RefreshFailed");
  });
});
