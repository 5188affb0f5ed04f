import { createHash, randomBytes } from "node:crypto";
import { createRemoteJWKSet, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FetchBrowser } from "./fetch-browser";
import { type OidcProviderHandle, startOidcProvider } from "./server";

const PORTAL = "http://127.0.0.1:39999";
const REDIRECT = `${PORTAL}/api/auth/callback/oidc`;

let idp: OidcProviderHandle;
beforeAll(async () => {
  idp = await startOidcProvider({ portalUrls: [PORTAL], accessTokenTtlSeconds: 120 });
});
afterAll(() => idp?.stop());

const b64url = (b: Buffer) => b.toString("base64url");

function authorizeUrl(scope: string) {
  const verifier = b64url(randomBytes(32));
  const state = b64url(randomBytes(8));
  const url = new URL(`${idp.issuer}/auth`);
  url.search = new URLSearchParams({
    client_id: idp.clientId,
    redirect_uri: REDIRECT,
    response_type: "code",
    scope,
    state,
    nonce: b64url(randomBytes(8)),
    code_challenge: b64url(createHash("sha256").update(verifier).digest()),
    code_challenge_method: "S256",
  }).toString();
  return { url: url.toString(), verifier, state };
}

/** Loads the page an interaction redirect leads to and returns its HTML and form action. */
async function page(browser: FetchBrowser, url: string) {
  const { res, url: at } = await browser.follow(url, idp.issuer);
  const html = await res.text();
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  return { status: res.status, html, action: action && new URL(action, at).toString() };
}

async function login(browser: FetchBrowser, scope: string) {
  const auth = authorizeUrl(scope);
  const loginPage = await page(browser, auth.url);
  expect(loginPage.html).toContain('<label for="username">Username</label>');
  const consent = await browser.follow(loginPage.action ?? "", idp.issuer, {
    form: { username: "alice", password: "alice-password" },
  });
  const html = await consent.res.text();
  expect(html).toContain(">Allow</button>");
  expect(html).toContain(">Deny</button>");
  const action = new URL(/action="([^"]+)"/.exec(html)?.[1] ?? "", consent.url).toString();
  return { auth, consentAction: action };
}

async function token(body: Record<string, string>) {
  const res = await fetch(`${idp.issuer}/token`, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${idp.clientId}:${idp.clientSecret}`).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, string | number> };
}

describe("sandbox OIDC provider", () => {
  it("publishes discovery with the scopes and PKCE method the portal uses", async () => {
    const d = (await (await fetch(`${idp.issuer}/.well-known/openid-configuration`)).json()) as Record<
      string,
      string[]
    >;
    expect(d.issuer).toBe(idp.issuer);
    expect(d.scopes_supported).toEqual(expect.arrayContaining(["openid", "email", "profile", "groups"]));
    expect(d.code_challenge_methods_supported).toEqual(["S256"]);
  });

  it.each(["openid email profile groups", "openid email profile groups offline_access"])(
    "completes code + PKCE with consent and refresh (scope %s)",
    async (scope) => {
      const browser = new FetchBrowser();
      const { auth, consentAction } = await login(browser, scope);
      const done = await browser.follow(consentAction, idp.issuer, { form: { decision: "allow" } });
      const cb = new URL(done.location ?? "");
      expect(`${cb.origin}${cb.pathname}`).toBe(REDIRECT);
      expect(cb.searchParams.get("state")).toBe(auth.state);

      const first = await token({
        grant_type: "authorization_code",
        code: cb.searchParams.get("code") ?? "",
        redirect_uri: REDIRECT,
        code_verifier: auth.verifier,
      });
      expect(first.status).toBe(200);
      expect(first.json.expires_in).toBe(120);
      expect(first.json.refresh_token).toEqual(expect.any(String));

      const jwks = createRemoteJWKSet(new URL(`${idp.issuer}/jwks`));
      const { payload } = await jwtVerify(String(first.json.id_token), jwks, {
        issuer: idp.issuer,
        audience: idp.clientId,
      });
      expect(payload).toMatchObject({
        sub: "alice",
        email: "alice@example.com",
        name: "Alice Anders",
        preferred_username: "alice",
        groups: ["team-a"],
      });

      const refreshed = await token({ grant_type: "refresh_token", refresh_token: String(first.json.refresh_token) });
      expect(refreshed.status).toBe(200);
      expect(refreshed.json.access_token).not.toBe(first.json.access_token);
      const again = await jwtVerify(String(refreshed.json.id_token), jwks, {
        issuer: idp.issuer,
        audience: idp.clientId,
      });
      expect(again.payload.groups).toEqual(["team-a"]);

      const me = await fetch(`${idp.issuer}/me`, {
        headers: { authorization: `Bearer ${refreshed.json.access_token}` },
      });
      expect(await me.json()).toMatchObject({ email: "alice@example.com", groups: ["team-a"] });

      // Same browser session, same scopes: consent is remembered and the code comes straight back.
      const second = authorizeUrl(scope);
      const silent = await browser.follow(second.url, idp.issuer);
      expect(new URL(silent.location ?? "").searchParams.get("code")).toEqual(expect.any(String));
    },
  );

  it("rejects a wrong password with a visible error and 401", async () => {
    const browser = new FetchBrowser();
    const loginPage = await page(browser, authorizeUrl("openid email").url);
    const res = await browser.request(loginPage.action ?? "", { form: { username: "alice", password: "nope" } });
    expect(res.status).toBe(401);
    const html = await res.text();
    expect(html).toContain("Invalid username or password");
    expect(html).toContain('role="alert"');
    expect(html).toContain('value="alice"');
  });

  it("returns error=access_denied to the redirect URI when consent is denied", async () => {
    const browser = new FetchBrowser();
    const { auth, consentAction } = await login(browser, "openid email profile groups");
    const done = await browser.follow(consentAction, idp.issuer, { form: { decision: "deny" } });
    const cb = new URL(done.location ?? "");
    expect(`${cb.origin}${cb.pathname}`).toBe(REDIRECT);
    expect(cb.searchParams.get("error")).toBe("access_denied");
    expect(cb.searchParams.get("error_description")).toEqual(expect.any(String));
    expect(cb.searchParams.get("state")).toBe(auth.state);
  });

  it("accepts the kube-bind CLI callback and refuses unknown redirect URIs", async () => {
    const browser = new FetchBrowser();
    const ok = authorizeUrl("openid");
    const okUrl = ok.url.replace(encodeURIComponent(REDIRECT), encodeURIComponent(`${PORTAL}/api/callback`));
    const first = await browser.request(okUrl);
    expect(new URL(first.headers.get("location") ?? "", idp.issuer).pathname).toMatch(/^\/interaction\//);
    const bad = await browser.request(
      ok.url.replace(encodeURIComponent(REDIRECT), encodeURIComponent("http://evil/cb")),
    );
    expect(bad.status).toBe(400);
  });

  it("requires PKCE", async () => {
    const url = new URL(authorizeUrl("openid").url);
    url.searchParams.delete("code_challenge");
    url.searchParams.delete("code_challenge_method");
    const res = await new FetchBrowser().request(url.toString());
    const loc = new URL(res.headers.get("location") ?? "", idp.issuer);
    expect(loc.searchParams.get("error")).toBe("invalid_request");
  });
});
