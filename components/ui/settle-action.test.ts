import { describe, expect, it } from "vitest";
import { ACTION_FAILED, settleAction } from "./settle-action";

describe("settleAction", () => {
  it("passes a value through", async () => {
    expect(await settleAction(async () => 42)).toEqual({ settled: true, value: 42 });
  });

  it("turns a failed fetch into the offline message", async () => {
    const r = await settleAction(async () => {
      throw new TypeError("Failed to fetch");
    });
    expect(r).toEqual({ settled: false, message: ACTION_FAILED.offline });
  });

  it("turns a server error into the server message", async () => {
    const r = await settleAction(async () => {
      throw new Error("An error occurred in the Server Components render.");
    });
    expect(r).toEqual({ settled: false, message: ACTION_FAILED.server });
  });

  it("rethrows Next's redirects", async () => {
    const redirect = Object.assign(new Error("NEXT_REDIRECT"), { digest: "NEXT_REDIRECT;replace;/signin;307;" });
    await expect(settleAction(async () => Promise.reject(redirect))).rejects.toBe(redirect);
  });
});
