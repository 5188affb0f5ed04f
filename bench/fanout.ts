// (b) Many SSE clients of the same page on one portal process: upstream watches with one client
// and with all of them (the hub shares one per stream, so it must not grow), the portal's memory
// per client, and the delay of a provider write fanned out to every client.
import type { KubeClient } from "../lib/k8s/client";
import { LB, MARK } from "./fixtures";
import { type Portal, type WatchCount, watchCount } from "./portal";
import { openLive, type SseClient } from "./sse";
import { MarkerWatch, pool, type Summary, summarize } from "./stats";

export interface FanoutResult {
  clients: number;
  failed: number;
  firstError?: string;
  /** stream opened → first view, ms */
  connect: Summary;
  watches: { oneClient: WatchCount; allClients: WatchCount };
  rss: { oneClient: number; allClients: number; perClient: number };
  writes: number;
  /** write acknowledged → event, over every client and write, ms */
  delay: Summary;
  missed: number;
}

export async function measureFanout(o: {
  portal: Portal;
  provider: KubeClient;
  copy: { namespace: string; name: string };
  sseUrl: string;
  cookie: string;
  clients: number;
  writes: number;
  runId: string;
  log: (line: string) => void;
}): Promise<FanoutResult> {
  const ref = { ...LB, ...o.copy };
  const open: { client: SseClient; marks: MarkerWatch }[] = [];
  const connect: number[] = [];
  let failed = 0;
  let firstError: string | undefined;
  const openOne = async () => {
    const marks = new MarkerWatch();
    const started = performance.now();
    try {
      const client = await openLive(
        o.sseUrl,
        o.cookie,
        (m) => (m.event === "view" || m.event === "patch") && marks.feed(m.data, m.at),
        90_000,
      );
      connect.push(client.firstView.at - started);
      open.push({ client, marks });
    } catch (e) {
      failed++;
      firstError ??= (e as Error).message;
    }
  };
  try {
    await openOne();
    if (open.length === 0) throw new Error(`the first SSE client failed: ${firstError}`);
    const oneClient = await watchCount(o.portal, o.cookie);
    const rssOne = o.portal.rss();
    const rest = Array.from({ length: o.clients - 1 }, (_, i) => i);
    // Connect in waves of 25: each subscription is authorized as the user (SelfSubjectAccessReview),
    // and a thundering herd would measure the consumer apiserver, not the portal.
    await pool(rest, 25, async (i) => {
      await openOne();
      if ((i + 2) % 100 === 0) o.log(`${i + 2}/${o.clients} clients connected (${failed} failed)`);
    });
    const allClients = await watchCount(o.portal, o.cookie);
    const rssAll = o.portal.rss();
    o.log(`${open.length} clients open; RSS ${(rssOne / 2 ** 20).toFixed(0)} → ${(rssAll / 2 ** 20).toFixed(0)} MiB`);

    const delays: number[] = [];
    let missed = 0;
    for (let w = 0; w < o.writes; w++) {
      const value = `${o.runId}-b-${w}`;
      const waits = open.map(({ marks }) => marks.expect(`"${value}"`, 30_000));
      await o.provider.mergePatch(ref, { metadata: { annotations: { [MARK]: value } } });
      const acked = performance.now();
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
      watches: { oneClient, allClients },
      rss: { oneClient: rssOne, allClients: rssAll, perClient: (rssAll - rssOne) / Math.max(1, open.length - 1) },
      writes: o.writes,
      delay: summarize(delays),
      missed,
    };
  } finally {
    for (const { client } of open) client.close();
  }
}
