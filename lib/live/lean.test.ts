// Many viewers of one shared view in one process, without a cluster: the view's computation reads
// no stream, so the hub is never asked to connect. What each idle viewer costs in memory and
// timers, and what one change costs in computations, encodings and frames.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, describe, expect, it } from "vitest";
import { asUser } from "../k8s/types";
import { WatchHub } from "../k8s/watch-hub";
import { liveSub } from "../live-wire/live-protocol";
import { openViewer, sharedViews } from "./shared-views";
import { type LiveConnection, openLiveStream } from "./sse";
import { timerWheel } from "./timer-wheel";
import { liveWork } from "./view-change";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const VIEWERS = 2_000;
const SUB = liveSub.loadBalancer("default", "lean");
const hub = new WatchHub({
  connect: () => Promise.reject(new Error("this test's views read no stream")),
});
// Ticks recompute the view (as time-based stages need): the change below goes out on the next one.
const ctx = { hub, tickMs: 200 };
let generation = 0;
const scope = {
  key: "lean",
  joinable: new Set<string>(),
  // A view of a realistic size (a LoadBalancer page is a few KB of objects).
  compute: () => ({ found: true, generation, objects: { consumer: { note: "x".repeat(6_000) } } }),
};
const connections: LiveConnection[] = [];

afterAll(() => {
  for (const c of connections) c.close();
  hub.close();
});

/** The next chunk of each stream that carries a view (retry lines and heartbeats skipped). */
function nextViews(readers: ReadableStreamDefaultReader<Uint8Array>[]): Promise<Uint8Array[]> {
  const decoder = new TextDecoder();
  return Promise.all(
    readers.map(async (reader) => {
      for (;;) {
        const next = await reader.read();
        if (next.done) throw new Error("a stream ended");
        if (/^event: (view|patch)$/m.test(decoder.decode(next.value))) return next.value;
      }
    }),
  );
}

describe("lean connections of a shared view", () => {
  const readers: ReadableStreamDefaultReader<Uint8Array>[] = [];

  it(`holds ${VIEWERS} idle viewers in at most 20 KB each, with no timer of their own`, async () => {
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const heartbeats = timerWheel(15_000).size;
    const rechecks = timerWheel(60_000).size;
    for (let i = 0; i < VIEWERS; i++) {
      const conn = openLiveStream({
        subs: [SUB],
        subscribe: async (sub, onUpdate) => ({
          ok: true,
          data: openViewer(ctx, {
            sub,
            user: asUser(`viewer-${i % 50}@example.com`, ["team-a"]),
            rights: {},
            scope: () => scope,
            recheck: { everyMs: 60_000, read: async (r) => ({ ok: true, data: r }) },
            emit: onUpdate,
          }),
        }),
      });
      connections.push(conn);
      readers.push(conn.stream.getReader());
    }
    await nextViews(readers);
    expect(sharedViews(ctx).inspect()).toEqual([expect.objectContaining({ viewers: VIEWERS, identities: 50 })]);
    gc();
    const perViewer = (process.memoryUsage().heapUsed - heapBefore) / VIEWERS;
    expect(perViewer).toBeLessThan(20 * 1024);
    // Every heartbeat and every rights re-check on the process's one wheel per period.
    expect(timerWheel(15_000).size - heartbeats).toBe(VIEWERS);
    expect(timerWheel(60_000).size - rechecks).toBe(VIEWERS);
  });

  it("computes, encodes and frames one change once, and writes the same bytes to every connection", async () => {
    const before = { ...liveWork };
    generation++;
    // The view's next tick recomputes it; nothing else changed, so exactly one new view.
    const frames = await nextViews(readers);
    expect(new Set(frames).size).toBe(1);
    expect(liveWork.encodedViews - before.encodedViews).toBe(1);
    expect(liveWork.patches - before.patches).toBe(1);
    expect(liveWork.frames - before.frames).toBe(1);
  });
});
