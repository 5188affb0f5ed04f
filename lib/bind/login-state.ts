// The OAuth `state` of the CLI login: signed (so nobody can point the callback elsewhere) and
// tied to the browser that started the login through a cookie holding the PKCE verifier.
import { createHash, randomBytes } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import { z } from "zod";

export const LOGIN_COOKIE = "kube-bind-login";
const TTL = "10m";

export const LoginRequest = z.object({
  redirect_url: z.string(),
  session_id: z.string().min(1).max(128),
  client_type: z.enum(["cli", "ui"]).default("cli"),
  cluster_id: z.string().max(128).optional(),
  consumer_id: z.string().max(128).optional(),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

const StateClaims = LoginRequest.extend({ nonce: z.string(), binding: z.string() });
const CookieClaims = z.object({ verifier: z.string(), id: z.string() });

function secretKey(secret: string) {
  return createHash("sha256").update(`kube-bind-login:${secret}`).digest();
}

const hash = (v: string) => createHash("sha256").update(v).digest("base64url");

/** Creates the signed state and the cookie that binds it to this browser. */
export async function createLoginState(request: LoginRequest, secret: string, verifier: string) {
  const id = randomBytes(16).toString("base64url");
  const nonce = randomBytes(16).toString("base64url");
  const key = secretKey(secret);
  const state = await new SignJWT({ ...request, nonce, binding: hash(id) })
    .setProtectedHeader({ alg: "HS256" })
    .setExpirationTime(TTL)
    .sign(key);
  const cookie = await new SignJWT({ verifier, id })
    .setProtectedHeader({ alg: "HS256" })
    .setExpirationTime(TTL)
    .sign(key);
  return { state, cookie, nonce };
}

export type VerifiedLogin = z.infer<typeof StateClaims> & { verifier: string };

/** Verifies the state and that the same browser carries the matching cookie. */
export async function verifyLoginState(
  state: string,
  cookie: string | undefined,
  secret: string,
): Promise<VerifiedLogin> {
  const key = secretKey(secret);
  const claims = StateClaims.parse((await jwtVerify(state, key, { algorithms: ["HS256"] })).payload);
  if (!cookie) throw new Error("the login cookie is missing: start the login again from the CLI in this browser");
  const bound = CookieClaims.parse((await jwtVerify(cookie, key, { algorithms: ["HS256"] })).payload);
  if (hash(bound.id) !== claims.binding) throw new Error("the login was started in another browser session");
  return { ...claims, verifier: bound.verifier };
}
