// (b) Many SSE clients of the same page on one portal process: upstream watches with one client
// and with all of them (the hub shares one per stream, so it must not grow), the portal's memory
// per client, and the delay of a provider write fanned out to every client, each against a direct
// watch on the provider apiserver in the same run (one watch for the writes, a sample of fresh
// watches for connecting).
import type { PageContext } from "./context";
import { LB, MARK } from "./fixtures";
import { type WatchCount, watchCount } from "./portal";
import { openRawViewer, type RawViewer } from "./raw-sse";
import { MarkerWatch, pool, type Summary, summarize } from "./stats";
import { directWatch } from "./watch";

export interface FanoutResult {
  clients: number;
  failed: number;
  firstError?: string;
  /** stream opened → first view, ms */
  connect: Summary;
  /** baseline: a direct watch of the same object opened → its first event, ms (a sample) */
  directConnect: Summary;
  watches: { oneClient: WatchCount; allClients: WatchCount };
  rss: { oneClient: number; allClients: number; perClient: number };
  writes: number;
  /** write acknowledged → event, over every client and write, ms */
  delay: Summary;
  /** baseline: write acknowledged → event on one direct watch, ms */
  directDelay: Summary;
  missed: number;
}

/**
 * `beforeFirst` / `whenAllOpen` run with no client and with every client connected (the
 * profile mode takes a heap snapshot of the portal there).
 */
export async function measureFanout(
  o: PageContext & {
    clients: number;
    writes: number;
    beforeFirst?: () => Promise<void>;
    whenAllOpen?: () => Promise<void>;
  },
): Promise<FanoutResult> {
  const ref = { ...LB, ...o.copy };
  const open: { client: RawViewer; marks: MarkerWatch }[] = [];
  const connect: number[] = [];
  let failed = 0;
  let firstError: string | undefined;
  const openOne = async () => {
    const marks = new MarkerWatch();
    const started = performance.now();
    try {
      const client = await openRawViewer(o.sseUrl, o.cookie, (text, at) => marks.feed(text, at), 90_000);
      connect.push(client.firstViewAt - started);
      open.push({ client, marks });
    } catch (e) {
      failed++;
      firstError ??= (e as Error).message;
    }
  };
  const direct = new MarkerWatch();
  const watch = await directWatch(o.provider.conn, ref, undefined, (line, at) => direct.feed(line, at));
  try {
    await o.beforeFirst?.();
    await openOne();
    if (open.length === 0) throw new Error(`the first SSE client failed: ${firstError}`);
    const oneClient = await watchCount(o.portal, o.cookie);
    const rssOne = o.portal.rss();
    const rest = Array.from({ length: o.clients - 1 }, (_, i) => i);
    // Connect in waves of 25: each subscription is authorized as the user (SelfSubjectAccessReview),
    // and a thundering herd would measure the consumer apiserver, not the portal.
    const every = Math.max(100, 10 ** Math.floor(Math.log10(o.clients)) / 2);
    await pool(rest, 25, async (i) => {
      await openOne();
      if ((i + 2) % every === 0) o.log(`${i + 2}/${o.clients} clients connected (${failed} failed)`);
    });
    const allClients = await watchCount(o.portal, o.cookie);
    const rssAll = o.portal.rss();
    o.log(`${open.length} clients open; RSS ${(rssOne / 2 ** 20).toFixed(0)} → ${(rssAll / 2 ** 20).toFixed(0)} MiB`);
    await o.whenAllOpen?.();

    const delays: number[] = [];
    const directDelays: number[] = [];
    let missed = 0;
    for (let w = 0; w < o.writes; w++) {
      const value = `${o.runId}-b${o.clients}-${w}`;
      const waits = open.map(({ marks }) => marks.expect(`"${value}"`, 30_000));
      const directWait = direct.expect(`"${value}"`, 30_000);
      await o.provider.mergePatch(ref, { metadata: { annotations: { [MARK]: value } } });
      const acked = performance.now();
      const directAt = await directWait;
      if (directAt !== undefined) directDelays.push(directAt - acked);
      let reached = 0;
      for (const at of await Promise.all(waits)) {
        if (at === undefined) {
          missed++;
          continue;
        }
        delays.push(at - acked);
        reached++;
      }
      o.log(`write ${w + 1}/${o.writes} reached ${reached}/${open.length} clients`);
    }
    return {
      clients: open.length,
      failed,
      firstError,
      connect: summarize(connect),
      directConnect: await directConnects(o, ref, Math.min(50, o.clients)),
      watches: { oneClient, allClients },
      rss: { oneClient: rssOne, allClients: rssAll, perClient: (rssAll - rssOne) / Math.max(1, open.length - 1) },
      writes: o.writes,
      delay: summarize(delays),
      directDelay: summarize(directDelays),
      missed,
    };
  } finally {
    watch.close();
    for (const { client } of open) client.close();
  }
}

/** `n` direct watches of the object, opened as the SSE clients are (25 at a time): opened → first event. */
async function directConnects(o: PageContext, ref: typeof LB & PageContext["copy"], n: number): Promise<Summary> {
  const samples: number[] = [];
  await pool(
    Array.from({ length: n }, (_, i) => i),
    25,
    async () => {
      const started = performance.now();
      let first: (at: number) => void = () => {};
      const arrived = new Promise<number>((resolve) => {
        first = resolve;
      });
      // No resourceVersion: the apiserver starts with the object itself, like the SSE snapshot.
      const watch = await directWatch(o.provider.conn, ref, undefined, (_line, at) => first(at));
      const timer = setTimeout(() => first(Number.NaN), 30_000);
      const at = await arrived;
      clearTimeout(timer);
      watch.close();
      if (Number.isFinite(at)) samples.push(at - started);
    },
  );
  return summarize(samples);
}
