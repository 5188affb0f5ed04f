import { QueryClient } from "@tanstack/react-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type LiveEntry, queryKeys } from "./keys";
import { LiveChannel } from "./live-channel";
import { type LiveSub, liveSub } from "./live-protocol";

/** Stands in for the browser's EventSource: the test dispatches events and errors. */
class FakeSource {
  static opened: FakeSource[] = [];
  readyState = 0;
  closed = false;
  onopen: ((ev: Event) => unknown) | null = null;
  onerror: ((ev: Event) => unknown) | null = null;
  private listeners = new Map<string, ((e: Event) => void)[]>();
  constructor(readonly url: string) {
    FakeSource.opened.push(this);
  }
  addEventListener(type: string, l: (e: Event) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), l]);
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  emit(type: string, data: unknown, lastEventId = "") {
    const e = { data: JSON.stringify(data), lastEventId } as unknown as Event;
    for (const l of this.listeners.get(type) ?? []) l(e);
  }
}

// Fake timers: the channel batches (re)opens with a zero-delay timer and backs off with longer ones.
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});
const settle = () => vi.advanceTimersByTime(0);
const LB = liveSub.loadBalancer("default", "my-lb");

function setup() {
  FakeSource.opened = [];
  const client = new QueryClient();
  const channel = new LiveChannel(client, (url) => new FakeSource(url) as unknown as EventSource);
  const entry = (sub: LiveSub) => client.getQueryData<LiveEntry<unknown>>(queryKeys.live.sub(sub));
  return { client, channel, entry };
}

describe("LiveChannel", () => {
  it("opens ONE stream for every sub the page's components use and writes views into the cache", () => {
    const { channel, entry } = setup();
    channel.add([liveSub.dashboard]);
    channel.add([LB]);
    settle();
    expect(FakeSource.opened).toHaveLength(1);
    const source = FakeSource.opened[0];
    expect(new URL(source.url, "http://x").searchParams.getAll("sub")).toEqual(["dashboard", LB]);
    source.onopen?.(new Event("open"));
    expect(channel.getState()).toBe("open");
    source.emit("view", { sub: LB, view: { found: true } }, `${LB}~abc`);
    expect(entry(LB)).toEqual({ view: { found: true } });
    source.emit("problem", { sub: liveSub.dashboard, error: { status: 404, reason: "NotBound", message: "m" } });
    expect(entry(liveSub.dashboard)?.problem?.reason).toBe("NotBound");
  });

  it("reopens for a new set of subs, resuming only what the cache still holds", () => {
    const { channel, client } = setup();
    const removeLb = channel.add([LB]);
    channel.add([liveSub.dashboard]);
    settle();
    const first = FakeSource.opened[0];
    first.emit("view", { sub: LB, view: { v: 1 } }, `dashboard~aaa|${LB}~bbb`);
    removeLb();
    settle();
    expect(first.closed).toBe(true);
    const second = FakeSource.opened[1];
    const params = new URL(second.url, "http://x").searchParams;
    expect(params.getAll("sub")).toEqual(["dashboard"]);
    // The dashboard's view never reached the cache, so it must be sent again: no resume id for it.
    expect(params.get("lastEventId")).toBeNull();
    expect(client.getQueryData(queryKeys.live.sub(LB))).toEqual({ view: { v: 1 } });
  });

  it("says when the browser reconnects, and retries itself once the browser gave up", () => {
    const { channel } = setup();
    channel.add([LB]);
    settle();
    const source = FakeSource.opened[0];
    source.emit("view", { sub: LB, view: { v: 1 } }, `${LB}~abc`);
    source.onerror?.(new Event("error"));
    expect(channel.getState()).toBe("reconnecting");
    source.readyState = 2;
    source.onerror?.(new Event("error"));
    expect(channel.getState()).toBe("closed");
    vi.advanceTimersByTime(3_999);
    expect(FakeSource.opened).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeSource.opened).toHaveLength(2);
    expect(new URL(FakeSource.opened[1].url, "http://x").searchParams.get("lastEventId")).toBe(`${LB}~abc`);
  });

  it("applies a patch to the view it holds, and starts over when it holds none", () => {
    const { channel, entry } = setup();
    channel.add([liveSub.dashboard]);
    settle();
    const source = FakeSource.opened[0];
    const rows = [
      { namespace: "default", name: "a", state: "ACTIVE" },
      { namespace: "default", name: "b", state: "IN_PROGRESS" },
    ];
    source.emit("view", { sub: liveSub.dashboard, view: { rows } }, "dashboard~v1");
    const patch = {
      set: {},
      unset: [],
      lists: { rows: { remove: ["default/a"], update: [{ ...rows[1], state: "ACTIVE" }], insert: [] } },
    };
    source.emit("patch", { sub: liveSub.dashboard, patch }, "dashboard~v2");
    expect(entry(liveSub.dashboard)).toEqual({ view: { rows: [{ ...rows[1], state: "ACTIVE" }] } });

    // A channel whose cache holds no view (a patch after it was dropped) asks for the view whole.
    const { channel: other } = setup();
    other.add([liveSub.dashboard]);
    settle();
    const fresh = FakeSource.opened[0];
    fresh.emit("patch", { sub: liveSub.dashboard, patch }, "dashboard~v3");
    expect(fresh.closed).toBe(true);
    const reopened = FakeSource.opened[1];
    expect(new URL(reopened.url, "http://x").searchParams.get("lastEventId")).toBeNull();
  });

  it("resumes from a server-rendered view, unless it already knows a newer one", () => {
    const { channel, client } = setup();
    client.setQueryData(queryKeys.live.sub(liveSub.dashboard), { view: { rows: [] } });
    channel.resumeFrom(liveSub.dashboard, "rendered");
    channel.add([liveSub.dashboard]);
    settle();
    const first = FakeSource.opened[0];
    expect(new URL(first.url, "http://x").searchParams.get("lastEventId")).toBe("dashboard~rendered");
    first.emit("view", { sub: liveSub.dashboard, view: { rows: [1] } }, "dashboard~newer");
    channel.resumeFrom(liveSub.dashboard, "rendered");
    first.readyState = 2;
    first.onerror?.(new Event("error"));
    vi.advanceTimersByTime(4_000);
    expect(new URL(FakeSource.opened[1].url, "http://x").searchParams.get("lastEventId")).toBe("dashboard~newer");
  });
});
