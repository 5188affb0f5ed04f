import "server-only";
import { createRemoteJWKSet, jwtVerify } from "jose";
import * as oidc from "openid-client";
import { env } from "../env";

let config: Promise<oidc.Configuration> | undefined;

/** The issuer's configuration (discovery), shared by every CLI login. */
export function oidcConfig(): Promise<oidc.Configuration> {
  const e = env();
  config ??= oidc.discovery(
    new URL(e.OIDC_ISSUER_URL),
    e.OIDC_CLIENT_ID,
    undefined,
    oidc.ClientSecretBasic(e.OIDC_CLIENT_SECRET),
    // A local issuer (the sandbox) speaks plain http; production issuers use https.
    e.OIDC_ISSUER_URL.startsWith("http:") ? { execute: [oidc.allowInsecureRequests] } : undefined,
  );
  config.catch(() => {
    config = undefined;
  });
  return config;
}

export function callbackUrl(): string {
  return `${env().PORTAL_URL}/api/callback`;
}

export async function authorizationUrl(state: string, nonce: string, verifier: string): Promise<URL> {
  return oidc.buildAuthorizationUrl(await oidcConfig(), {
    redirect_uri: callbackUrl(),
    scope: env().OIDC_SCOPES,
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
  });
}

export const newVerifier = oidc.randomPKCECodeVerifier;

/**
 * Exchanges the code and returns the ID token's claims, after verifying its signature against
 * the issuer's JWKS, its issuer, audience, expiry and nonce (upstream only base64-decodes it).
 */
export async function exchangeCode(
  current: URL,
  checks: { state: string; nonce: string; verifier: string },
): Promise<Record<string, unknown>> {
  const cfg = await oidcConfig();
  const tokens = await oidc.authorizationCodeGrant(cfg, current, {
    pkceCodeVerifier: checks.verifier,
    expectedState: checks.state,
    expectedNonce: checks.nonce,
    idTokenExpected: true,
  });
  if (!tokens.id_token) throw new Error("the identity provider returned no ID token");
  const meta = cfg.serverMetadata();
  if (!meta.jwks_uri) throw new Error("the identity provider publishes no jwks_uri");
  const { payload } = await jwtVerify(tokens.id_token, jwks(meta.jwks_uri), {
    issuer: meta.issuer,
    audience: env().OIDC_CLIENT_ID,
  });
  if (payload.nonce !== checks.nonce) throw new Error("the ID token's nonce does not match this login");
  return payload;
}

const jwksCache = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
function jwks(uri: string) {
  let set = jwksCache.get(uri);
  if (!set) {
    set = createRemoteJWKSet(new URL(uri));
    jwksCache.set(uri, set);
  }
  return set;
}
