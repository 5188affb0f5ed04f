import { describe, expect, it } from "vitest";
import { firstView, resumableFirstView } from "./first-view";
import { sentViews } from "./sent-views";
import { viewHash } from "./sse";
import type { LiveUpdate } from "./types";

/** A subscription that emits `updates` once subscribed, and records whether it was closed. */
function source<V>(updates: LiveUpdate<V>[]) {
  const state = { closed: false };
  const subscribe = async (on: (u: LiveUpdate<V>) => void) => {
    queueMicrotask(() => {
      for (const u of updates) on(u);
    });
    return { ok: true as const, data: { close: () => (state.closed = true) } };
  };
  return { subscribe, state };
}

describe("first views", () => {
  it("takes the first view and closes the subscription", async () => {
    const s = source([
      { type: "view", view: { n: 1 } },
      { type: "view", view: { n: 2 } },
    ]);
    expect(await firstView(s.subscribe)).toEqual({ ok: true, data: { n: 1 } });
    expect(s.state.closed).toBe(true);
  });

  it("gives up after the timeout with no view, and passes a refusal through", async () => {
    expect(await firstView(source([]).subscribe, 20)).toEqual({ ok: true, data: undefined });
    const error = { status: 404, reason: "NotBound", message: "not bound" } as const;
    const refused = await firstView(async () => ({ ok: false as const, error }));
    expect(refused).toEqual({ ok: false, error });
  });

  it("remembers a resumable first view as sent to its owner, under the hash the stream uses", async () => {
    const view = { rows: [{ namespace: "default", name: "a" }] };
    const first = await resumableFirstView("alice", "dashboard", source([{ type: "view", view }]).subscribe);
    if (!first.ok || !first.data) throw new Error("no first view");
    expect(first.data.resume).toBe(viewHash(JSON.stringify(view)));
    expect(sentViews().recall("alice", "dashboard", first.data.resume)?.json).toBe(JSON.stringify(view));
    expect(sentViews().recall("bob", "dashboard", first.data.resume)).toBeUndefined();
  });
});
