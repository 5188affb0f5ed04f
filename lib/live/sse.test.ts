import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeSource, frameReader, views } from "../../test-support/sse";
import { type LiveSub, liveSub, parseEventId } from "../live-wire/live-protocol";
import { applyPatch } from "../live-wire/view-patch";
import type { PortalError } from "../result";
import { SentViews } from "./sent-views";
import { type LiveConnection, type LiveStreamOptions, openLiveStream, viewHash } from "./sse";

const DASH = liveSub.dashboard;
const LB = liveSub.loadBalancer("default", "my-lb");
const opened: LiveConnection[] = [];

function open(opts: LiveStreamOptions, holding: [string, unknown][] = []) {
  const conn = openLiveStream(opts);
  opened.push(conn);
  return { conn, read: frameReader(conn.stream, holding) };
}

afterEach(() => {
  for (const c of opened.splice(0)) c.close();
  vi.useRealTimers();
});

const until = async (what: string, check: () => boolean, timeoutMs = 2_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe("event ids and resume", () => {
  it("starts with retry, then one view event per change, with every sub's hash in the id", async () => {
    const src = fakeSource();
    const { read } = open({ subs: [DASH, LB], subscribe: src.subscribe });
    expect(await read.next()).toEqual({ retry: "2000" });
    await until("both subscribed", () => src.open() === 2);
    src.emit(DASH, { rows: [] });
    const first = await read.next();
    expect(first?.event).toBe("view");
    expect(JSON.parse(first?.data ?? "")).toEqual({ sub: DASH, view: { rows: [] } });
    expect(first?.id).toBe(`dashboard~${viewHash('{"rows":[]}')}`);
    src.emit(LB, { found: true });
    const second = await read.next();
    expect(second?.id).toBe(`dashboard~${viewHash('{"rows":[]}')}|${LB}~${viewHash('{"found":true}')}`);
    expect([...parseEventId(second?.id).keys()]).toEqual([DASH, LB]);
  });

  it("a reconnect with Last-Event-ID gets only the subs whose view changed, exactly once", async () => {
    const src = fakeSource();
    const a = open({ subs: [DASH, LB], subscribe: src.subscribe });
    await until("subscribed", () => src.open() === 2);
    src.emit(DASH, { v: 1 });
    src.emit(LB, { v: 1 });
    const before = await a.read.until((f) => f.event === "view" && f.data?.includes(LB) === true);
    const lastId = before.at(-1)?.id;
    a.conn.close();

    // Meanwhile only the LoadBalancer changed.
    const b = open({ subs: [DASH, LB], lastEventId: lastId, subscribe: src.subscribe });
    await until("resubscribed", () => src.open() === 2);
    src.emit(DASH, { v: 1 });
    src.emit(LB, { v: 2 });
    src.emit(DASH, { v: 1 }); // an unchanged view again: still nothing to send
    src.emit(LB, { v: 3 });
    const frames = await b.read.until((f) => f.data?.includes('"v":3') === true);
    expect(views(frames)).toEqual([
      { sub: LB, view: { v: 2 } },
      { sub: LB, view: { v: 3 } },
    ]);
    expect(parseEventId(frames.at(-1)?.id)).toEqual(
      new Map([
        [DASH, viewHash('{"v":1}')],
        [LB, viewHash('{"v":3}')],
      ]),
    );
  });

  it("sends a small change to a big view as a patch of the view this connection sent last", async () => {
    const src = fakeSource();
    const { read } = open({ subs: [DASH], subscribe: src.subscribe });
    await until("subscribed", () => src.open() === 1);
    const rows = Array.from({ length: 50 }, (_, i) => ({ namespace: "default", name: `lb-${i}`, state: "ACTIVE" }));
    const first = { rows, namespaces: ["default"] };
    const second = {
      rows: rows.map((r) => (r.name === "lb-7" ? { ...r, state: "FAILED" } : r)),
      namespaces: ["default"],
    };
    src.emit(DASH, first);
    await read.until((f) => f.event === "view");
    src.emit(DASH, second);
    const [patch] = await read.until((f) => f.event === "patch");
    const message = JSON.parse(patch.data ?? "");
    expect(message.patch.lists.rows.update).toEqual([{ namespace: "default", name: "lb-7", state: "FAILED" }]);
    expect(applyPatch(first, message.patch)).toEqual(second);
    expect(patch.id).toBe(`dashboard~${viewHash(JSON.stringify(second))}`);
  });

  it("patches a resumed sub from the view its id names, if that view was sent to the same user", async () => {
    const store = new SentViews();
    const src = fakeSource();
    const rows = Array.from({ length: 50 }, (_, i) => ({ namespace: "default", name: `lb-${i}`, state: "ACTIVE" }));
    const first = { rows };
    const second = { rows: rows.map((r) => (r.name === "lb-3" ? { ...r, state: "FAILED" } : r)) };
    const a = open({ subs: [DASH], subscribe: src.subscribe, sentViews: { owner: "alice", store } });
    await until("subscribed", () => src.open() === 1);
    src.emit(DASH, first);
    const [sent] = (await a.read.until((f) => f.event === "view")).slice(-1);
    a.conn.close();

    const b = open(
      { subs: [DASH], lastEventId: sent.id, subscribe: src.subscribe, sentViews: { owner: "alice", store } },
      [[DASH, first]],
    );
    const c = open({
      subs: [DASH],
      lastEventId: sent.id,
      subscribe: src.subscribe,
      sentViews: { owner: "bob", store },
    });
    await until("resubscribed", () => src.open() === 2);
    src.emit(DASH, second);
    const [patched] = (await b.read.until((f) => f.view !== undefined)).slice(-1);
    expect(patched.event).toBe("patch");
    expect(applyPatch(first, JSON.parse(patched.data ?? "").patch)).toEqual(second);
    // Bob's browser sent alice's id: he gets his own view whole, never a patch from hers.
    const [whole] = (await c.read.until((f) => f.view !== undefined)).slice(-1);
    expect(whole.event).toBe("view");
  });

  it("ignores malformed ids and subs the stream does not carry", async () => {
    const src = fakeSource();
    const { read } = open({
      subs: [DASH],
      lastEventId: `garbage|${LB}~${viewHash("{}")}|dashboard~not a hash`,
      subscribe: src.subscribe,
    });
    await until("subscribed", () => src.open() === 1);
    src.emit(DASH, {});
    const frames = await read.until((f) => f.event === "view");
    expect(frames.at(-1)?.id).toBe(`dashboard~${viewHash("{}")}`);
  });
});

describe("problems and revocation", () => {
  const notBound: PortalError = { cluster: "consumer", status: 404, reason: "NotBound", message: "bind first" };
  const down: PortalError = { cluster: "consumer", status: 0, reason: "Unreachable", message: "no answer" };

  it("reports a refused sub as a problem without the cluster detail and does not retry it", async () => {
    vi.useFakeTimers();
    const src = fakeSource(new Map([[LB, [notBound]]]));
    const { read } = open({ subs: [LB], subscribe: src.subscribe, resubscribe: { initialMs: 5, maxMs: 5 } });
    const frames = await read.until((f) => f.event === "problem");
    expect(JSON.parse(frames.at(-1)?.data ?? "")).toEqual({
      sub: LB,
      error: { status: 404, reason: "NotBound", message: "bind first" },
    });
    expect(frames.at(-1)?.id).toBeUndefined();
    await vi.advanceTimersByTimeAsync(60_000); // far beyond any backoff
    expect(src.calls).toEqual([LB]);
  });

  it("retries an unreachable cluster until it answers, then sends the view even if the client had it", async () => {
    const src = fakeSource(new Map([[LB, [down, down]]]));
    const { read } = open({
      subs: [LB],
      lastEventId: `${LB}~${viewHash('{"v":1}')}`,
      subscribe: src.subscribe,
      resubscribe: { initialMs: 5, maxMs: 20 },
    });
    await until("subscribed on the third try", () => src.open() === 1);
    expect(src.calls).toEqual([LB, LB, LB]);
    src.emit(LB, { v: 1 });
    const frames = await read.until((f) => f.event === "view");
    // The same failure twice is reported once; the view clears it.
    expect(frames.map((f) => f.event).filter(Boolean)).toEqual(["problem", "view"]);
  });

  it("sends revoked, drops the sub from later ids and closes nothing else", async () => {
    const src = fakeSource();
    const { read } = open({ subs: [DASH, LB], subscribe: src.subscribe });
    await until("subscribed", () => src.open() === 2);
    src.emit(DASH, { v: 1 });
    src.emit(LB, { v: 1 });
    await read.until((f) => f.data?.includes(LB) === true);
    src.revoke(LB, { cluster: "consumer", status: 403, reason: "Forbidden", message: "gone" });
    const revoked = (await read.until((f) => f.event === "revoked")).at(-1);
    expect(JSON.parse(revoked?.data ?? "").sub).toBe(LB);
    expect(revoked?.id).toBe(`dashboard~${viewHash('{"v":1}')}`);
    src.emit(DASH, { v: 2 });
    expect((await read.until((f) => f.event === "view")).at(-1)?.id).toBe(`dashboard~${viewHash('{"v":2}')}`);
  });
});

describe("bounded buffers", () => {
  // Each view differs throughout, so none goes as a (small) patch: ~1 KB per frame.
  const big = (n: number) => ({ n, pad: String(n % 10).repeat(1_000) });

  it("a slow reader gets the latest view, and the connection holds at most one pending view per sub", async () => {
    const src = fakeSource();
    const hwm = 4_096;
    const { conn, read } = open({ subs: [DASH, LB], subscribe: src.subscribe, highWaterMark: hwm });
    await until("subscribed", () => src.open() === 2);
    let peak = 0;
    for (let n = 1; n <= 2_000; n++) {
      src.emit(n % 2 ? DASH : LB, big(n));
      const s = conn.inspect();
      expect(s.pending).toBeLessThanOrEqual(2);
      peak = Math.max(peak, s.queuedBytes);
    }
    // Never more than the high-water mark plus the one frame that crossed it.
    expect(peak).toBeLessThanOrEqual(hwm + 1_200);

    const frames = await read.until((f) => (f.view as { n?: number } | undefined)?.n === 2000);
    const got = views(frames) as { sub: LiveSub; view: { n: number } }[];
    expect(got.length).toBeLessThan(10);
    expect(got.filter((v) => v.sub === DASH).at(-1)?.view.n).toBe(1_999);
    expect(got.at(-1)?.view.n).toBe(2_000);
    expect(conn.inspect().pending).toBe(0);
  });

  it("a slow reader does not hold back another connection", async () => {
    const src = fakeSource();
    const slow = open({ subs: [LB], subscribe: src.subscribe, highWaterMark: 2_048 });
    const fast = open({ subs: [LB], subscribe: src.subscribe });
    await until("both subscribed", () => src.subscribers(LB) === 2);
    const received: number[] = [];
    for (let n = 1; n <= 200; n++) {
      src.emit(LB, big(n));
      const frames = await fast.read.until((f) => f.view !== undefined);
      received.push(...views(frames).map((v) => (v.view as { n: number }).n));
    }
    expect(received).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(slow.conn.inspect().pending).toBeLessThanOrEqual(1);
    expect(slow.conn.inspect().queuedBytes).toBeLessThanOrEqual(2_048 + 1_200);
  });
});

describe("heartbeats and closing", () => {
  it("sends a `: hb` comment once every 15 s, and skips them while the client is not reading", async () => {
    vi.useFakeTimers();
    const src = fakeSource();
    const { conn, read } = open({ subs: [DASH], subscribe: src.subscribe, highWaterMark: 64 });
    expect(await read.next()).toEqual({ retry: "2000" });
    // The process's one heartbeat wheel spreads connections over the period: the first comes
    // within 15 s, then exactly one per 15 s.
    vi.advanceTimersByTime(15_000);
    expect(await read.next()).toEqual({ comment: "hb" });
    expect(conn.inspect().queuedBytes).toBe(0);
    vi.advanceTimersByTime(15_000);
    expect(await read.next()).toEqual({ comment: "hb" });
    expect(conn.inspect().queuedBytes).toBe(0);
    // Not reading for 25 minutes: heartbeats stop at the high-water mark instead of piling up.
    vi.advanceTimersByTime(100 * 15_000);
    expect(conn.inspect().queuedBytes).toBeGreaterThan(0);
    expect(conn.inspect().queuedBytes).toBeLessThanOrEqual(64 + 6);
  });

  it("closes every subscription when the request is aborted, including one still being set up", async () => {
    const src = fakeSource();
    const abort = new AbortController();
    const { read } = open({ subs: [DASH, LB], subscribe: src.subscribe, signal: abort.signal });
    await until("subscribed", () => src.open() === 2);
    abort.abort();
    expect(src.open()).toBe(0);
    expect(await read.ended()).toBe(true);

    const late = new AbortController();
    open({ subs: [DASH], subscribe: src.subscribe, signal: late.signal });
    late.abort(); // before the subscription resolved
    await until("the late subscription was made", () => src.calls.length === 3);
    await until("and closed at once", () => src.open() === 0);
  });

  it("closes every subscription when the client cancels the body", async () => {
    const src = fakeSource();
    const { conn, read } = open({ subs: [DASH, LB], subscribe: src.subscribe });
    await until("subscribed", () => src.open() === 2);
    await read.cancel();
    expect(src.open()).toBe(0);
    expect(conn.inspect().closed).toBe(true);
  });
});
