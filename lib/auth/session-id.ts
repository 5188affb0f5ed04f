import { randomBytes } from "node:crypto";

/** The session cookie's lifetime; next-auth renews it on use, up to this long after the last. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/** A CLI token's fixed lifetime. */
export const CLI_TOKEN_TTL_SECONDS = 24 * 60 * 60;

/** A new, unguessable session id (the `sid` that signing out revokes). */
export function newSessionId(): string {
  return randomBytes(18).toString("base64url");
}
