import "server-only";
import { jwtVerify, SignJWT } from "jose";
import { z } from "zod";
import { env } from "../env";
import type { PortalIdentity } from "./claims";
import { cliTokenKey } from "./cli-token-key";
import { isSessionRevoked } from "./revocation-store";
import { CLI_TOKEN_TTL_SECONDS, newSessionId } from "./session-id";
import { SIGNING_ALG } from "./signing-key";

export const CLI_TOKEN_AUDIENCE = "kube-bind-cli";
export { CLI_TOKEN_TTL_SECONDS } from "./session-id";

const Claims = z.object({
  sub: z.string().min(1),
  groups: z.array(z.string()).default([]),
  name: z.string().optional(),
  sid: z.string().min(1).optional(),
  exp: z.number(),
});

export interface CliTokenIdentity {
  username: string;
  groups: string[];
  /** the login session the token belongs to; signing out revokes it */
  sid?: string;
  /** epoch seconds */
  expiresAt: number;
}

/**
 * The CLI's bearer token: a JWT signed with the portal's kept key, so it survives restarts and
 * is accepted by every replica. It carries only the identity the portal impersonates.
 */
export async function signCliToken(identity: PortalIdentity): Promise<string> {
  const key = await cliTokenKey();
  // Each token gets its own session id, never the CLI's session_id: that one comes from the
  // caller and may repeat, and revoking it would sign out someone else.
  return new SignJWT({ groups: identity.groups, name: identity.name, sid: newSessionId() })
    .setProtectedHeader({ alg: SIGNING_ALG, kid: key.kid, typ: "JWT" })
    .setSubject(identity.username)
    .setIssuer(env().PORTAL_URL)
    .setAudience(CLI_TOKEN_AUDIENCE)
    .setIssuedAt()
    .setNotBefore("0s")
    .setExpirationTime(`${CLI_TOKEN_TTL_SECONDS}s`)
    .sign(key.privateKey);
}

/**
 * The identity in a valid CLI token, or null for anything invalid, expired, foreign or signed
 * out (`POST /api/logout` revokes its sid on every replica).
 */
export async function verifyCliToken(token: string): Promise<CliTokenIdentity | null> {
  const identity = await readCliToken(token);
  if (!identity) return null;
  if (identity.sid && (await isSessionRevoked(identity.sid))) return null;
  return identity;
}

/** Signature, issuer, audience and expiry checked; revocation not. */
export async function readCliToken(token: string): Promise<CliTokenIdentity | null> {
  try {
    const key = await cliTokenKey();
    const { payload } = await jwtVerify(token, key.publicKey, {
      issuer: env().PORTAL_URL,
      audience: CLI_TOKEN_AUDIENCE,
      algorithms: [SIGNING_ALG],
    });
    const claims = Claims.parse(payload);
    return {
      username: claims.sub,
      groups: claims.groups.filter((g) => !g.startsWith("system:")),
      sid: claims.sid,
      expiresAt: claims.exp,
    };
  } catch {
    return null;
  }
}
