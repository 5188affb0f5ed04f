import { afterEach, describe, expect, it, vi } from "vitest";
import { encodeView } from "../live-wire/view-patch";
import { SentViews } from "./sent-views";

const view = (n: number) => encodeView({ n, pad: "x".repeat(1_000) });

afterEach(() => {
  vi.useRealTimers();
});

describe("SentViews", () => {
  it("finds a view only for the user and sub it was sent to", () => {
    const store = new SentViews();
    const v = view(1);
    store.remember("alice", "dashboard", "h1", v);
    expect(store.recall("alice", "dashboard", "h1")).toBe(v);
    expect(store.recall("bob", "dashboard", "h1")).toBeUndefined();
    expect(store.recall("alice", "lb:default/x", "h1")).toBeUndefined();
    expect(store.recall("alice", "dashboard", "h2")).toBeUndefined();
  });

  it("keeps the newest views within its byte budget and forgets them after their time", () => {
    vi.useFakeTimers();
    const store = new SentViews(3_500, 60_000);
    for (let n = 1; n <= 5; n++) store.remember("alice", "dashboard", `h${n}`, view(n));
    // Each view is a little over 1,000 bytes of JSON: the three newest fit.
    expect([1, 2, 3, 4, 5].map((n) => store.recall("alice", "dashboard", `h${n}`) !== undefined)).toEqual([
      false,
      false,
      true,
      true,
      true,
    ]);
    vi.advanceTimersByTime(60_001);
    expect(store.recall("alice", "dashboard", "h5")).toBeUndefined();
  });
});
