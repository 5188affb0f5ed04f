import { describe, expect, it } from "vitest";
import { createLoginState, verifyLoginState } from "./login-state";

const secret = "s".repeat(40);
const request = {
  redirect_url: "http://127.0.0.1:4000/callback",
  session_id: "SESSION",
  client_type: "cli" as const,
};

describe("CLI login state", () => {
  it("round-trips with the cookie of the same browser", async () => {
    const { state, cookie } = await createLoginState(request, secret, "verifier-1");
    const verified = await verifyLoginState(state, cookie, secret);
    expect(verified).toMatchObject({ ...request, verifier: "verifier-1" });
  });

  it("refuses a state from another browser session", async () => {
    const a = await createLoginState(request, secret, "va");
    const b = await createLoginState(request, secret, "vb");
    await expect(verifyLoginState(a.state, b.cookie, secret)).rejects.toThrow(/another browser session/);
    await expect(verifyLoginState(a.state, undefined, secret)).rejects.toThrow(/cookie is missing/);
  });

  it("refuses a tampered or foreign state", async () => {
    const { state, cookie } = await createLoginState(request, secret, "v");
    const [h, p, s] = state.split(".");
    const payload = JSON.parse(Buffer.from(p, "base64url").toString());
    payload.redirect_url = "http://127.0.0.1:1/evil";
    const forged = [h, Buffer.from(JSON.stringify(payload)).toString("base64url"), s].join(".");
    await expect(verifyLoginState(forged, cookie, secret)).rejects.toThrow();
    await expect(verifyLoginState(state, cookie, "x".repeat(40))).rejects.toThrow();
  });
});
