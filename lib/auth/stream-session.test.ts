// Cluster test (SANDBOX_STATE): the live stream's session is read from the cookie and checked like
// every request's (no session, no sid, signed out everywhere), without a new cookie; a session due
// for a token refresh takes getServerSession's way, which answers with a new cookie.
import { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";
import { encode, type JWT } from "next-auth/jwt";
import { afterAll, describe, expect, it } from "vitest";
import { randomSuffix, sandboxClient } from "../../test-support/k8s";
import { applySandboxPortalEnv, eventually } from "../../test-support/loadbalancer";
import { APIS } from "../k8s/apis";
import { revocationName } from "./revocation-object";
import { revokeSession } from "./revocation-store";
import { streamSession } from "./stream-session";

applySandboxPortalEnv();
const COOKIE = "next-auth.session-token";
const revoked: string[] = [];

afterAll(async () => {
  const portal = await sandboxClient("provider", "portal");
  for (const sid of revoked)
    await portal
      .delete({ ...APIS.configMaps, namespace: "kube-bind-portal", name: revocationName(sid) })
      .catch(() => undefined);
});

/** A request carrying `token` as its session cookie (none without), and its response. */
async function exchange(token?: JWT) {
  const req = new IncomingMessage(new Socket()) as IncomingMessage & { cookies: Record<string, string> };
  const value = token && (await encode({ token, secret: process.env.SESSION_SECRET ?? "" }));
  req.cookies = value ? { [COOKIE]: value } : {};
  req.headers = value ? { cookie: `${COOKIE}=${value}` } : {};
  const res = new ServerResponse(req);
  return { session: await streamSession(req, res), setCookie: res.getHeader("set-cookie") };
}

const alice = (extra: Partial<JWT> = {}): JWT => ({
  username: "alice@example.com",
  groups: ["team-a"],
  sid: `stream-${randomSuffix()}`,
  expiresAt: Math.floor(Date.now() / 1000) + 600,
  ...extra,
});

describe("streamSession", () => {
  it("is null without a session cookie", async () => {
    expect((await exchange()).session).toBeNull();
  });

  it("reads a good session's user and sets no cookie", async () => {
    const { session, setCookie } = await exchange(alice());
    expect(session?.user).toEqual({ name: "alice@example.com", username: "alice@example.com", groups: ["team-a"] });
    expect(session?.error).toBeUndefined();
    expect(setCookie).toBeUndefined();
  });

  it("refuses a session without an id, and one signed out everywhere", async () => {
    expect((await exchange(alice({ sid: undefined }))).session?.error).toBe("Expired");
    const token = alice();
    revoked.push(token.sid as string);
    await revokeSession(token.sid as string);
    await eventually("the sign-out is seen", async () => (await exchange(token)).session?.error === "Revoked");
  });

  it("leaves a session due for a refresh to getServerSession, which sets the cookie again", async () => {
    // No refresh token: the refresh ends the session, and the browser gets the ended one.
    const { session, setCookie } = await exchange(alice({ expiresAt: Math.floor(Date.now() / 1000) - 5 }));
    expect(session?.error).toBe("Expired");
    expect(String(setCookie)).toContain(`${COOKIE}=`);
  });
});
