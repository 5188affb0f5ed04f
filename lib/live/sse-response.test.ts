// The live stream written straight to a Node response (what the live route does), over a real
// loopback HTTP connection: frames arrive, a client that stops reading holds at most one pending
// view per sub and a bounded buffer, resumes with the latest view, and leaving closes everything.
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { fakeSource, frameReader, views } from "../../test-support/sse";
import { liveSub } from "../live-wire/live-protocol";
import { type LiveConnection, type LiveStreamOptions, openLiveResponse } from "./sse";

const LB = liveSub.loadBalancer("default", "my-lb");
const servers: Server[] = [];

afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((done) => s.close(done).closeAllConnections());
});

/** A server whose one route is the live stream with `opts`; its connections and responses are kept for a look. */
async function serve(opts: LiveStreamOptions) {
  const held: { conn: LiveConnection; res: ServerResponse }[] = [];
  const server = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/event-stream" });
    held.push({ conn: openLiveResponse(opts, res), res });
  });
  servers.push(server);
  await new Promise<void>((up) => server.listen(0, "127.0.0.1", up));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, held };
}

const until = async (what: string, check: () => boolean, timeoutMs = 5_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe("openLiveResponse", () => {
  it("sends retry and views; the client leaving closes its subscriptions", async () => {
    const src = fakeSource();
    const { url } = await serve({ subs: [LB], subscribe: src.subscribe });
    const ctrl = new AbortController();
    const res = await fetch(url, { signal: ctrl.signal });
    const read = frameReader(res.body as ReadableStream<Uint8Array>);
    await until("subscribed", () => src.open() === 1);
    src.emit(LB, { n: 1 });
    const frames = await read.until((f) => f.view !== undefined);
    expect(frames[0].retry).toBe("2000");
    expect(views(frames)).toEqual([{ sub: LB, view: { n: 1 } }]);
    ctrl.abort();
    await until("unsubscribed", () => src.open() === 0);
  });

  it("holds one pending view and a bounded buffer for a client that stops reading, then sends the latest", async () => {
    const src = fakeSource();
    const { url, held } = await serve({ subs: [LB], subscribe: src.subscribe });
    const res = await fetch(url);
    await until("subscribed", () => src.open() === 1);
    // ~10 KB per view: the socket's own buffers fill after a few hundred, the response's next.
    const big = (n: number) => ({ n, pad: String(n % 10).repeat(10_000) });
    let peak = 0;
    for (let n = 1; n <= 2_000; n++) {
      src.emit(LB, big(n));
      peak = Math.max(peak, held[0].res.writableLength);
      expect(held[0].conn.inspect().pending).toBeLessThanOrEqual(1);
    }
    await until("the response is full", () => held[0].conn.inspect().pending === 1);
    // Never more than the response's high-water mark plus the one frame that crossed it.
    expect(peak).toBeLessThanOrEqual(held[0].res.writableHighWaterMark + 10_200);
    const read = frameReader(res.body as ReadableStream<Uint8Array>);
    const frames = await read.until((f) => (f.view as { n?: number } | undefined)?.n === 2_000, 20_000);
    expect(views(frames).length).toBeLessThan(1_000);
    expect(held[0].conn.inspect().pending).toBe(0);
  });
});
