// (a) Write on the provider → event, for an SSE client of the portal and, in the same loop, a
// direct watch on the same apiserver. Each write waits for both events (no sleeps), so the
// writes are spaced by the slower of the two and never queue up behind each other.
import type { PageContext } from "./context";
import { LB, MARK } from "./fixtures";
import { openLive } from "./sse";
import { MarkerWatch, type Summary, summarize } from "./stats";
import { directWatch } from "./watch";

export interface LatencyResult {
  writes: number;
  missed: { direct: number; sse: number };
  /** write acknowledged → event received, ms */
  direct: Summary;
  sse: Summary;
  /** write sent → event received, ms (includes the write's own round trip) */
  directFromSend: Summary;
  sseFromSend: Summary;
  /** the portal's latency budget: SSE p99 ≤ 1.1 × direct p99 + 10 ms (a tenth more, plus one render) */
  targetMs: number;
  pass: boolean;
}

export async function measureLatency(o: PageContext & { writes: number; timeLimitMs: number }): Promise<LatencyResult> {
  const ref = { ...LB, ...o.copy };
  const direct = new MarkerWatch();
  const sse = new MarkerWatch();
  const current = await o.provider.get(ref);
  const watch = await directWatch(o.provider.conn, ref, current.metadata.resourceVersion ?? "0", (line, at) =>
    direct.feed(line, at),
  );
  const client = await openLive(o.sseUrl, o.cookie, (m) => {
    if (m.event === "view" || m.event === "patch") sse.feed(m.data, m.at);
    else if (m.event === "problem" || m.event === "revoked") o.log(`SSE ${m.event}: ${m.data.slice(0, 200)}`);
  }).catch((e) => {
    watch.close();
    throw e;
  });
  const samples = { direct: [] as number[], sse: [] as number[], directSend: [] as number[], sseSend: [] as number[] };
  const missed = { direct: 0, sse: 0 };
  let writes = 0;
  try {
    const deadline = Date.now() + o.timeLimitMs;
    for (let i = 0; i < o.writes && Date.now() < deadline; i++) {
      const value = `${o.runId}-a-${i}`;
      const marker = `"${value}"`;
      const waits = [direct.expect(marker, 10_000), sse.expect(marker, 10_000)];
      const sent = performance.now();
      await o.provider.mergePatch(ref, { metadata: { annotations: { [MARK]: value } } });
      const acked = performance.now();
      writes++;
      const [d, s] = await Promise.all(waits);
      if (d === undefined) missed.direct++;
      else {
        samples.direct.push(d - acked);
        samples.directSend.push(d - sent);
      }
      if (s === undefined) missed.sse++;
      else {
        samples.sse.push(s - acked);
        samples.sseSend.push(s - sent);
      }
      if ((i + 1) % 50 === 0) o.log(`${i + 1}/${o.writes} writes`);
    }
  } finally {
    watch.close();
    client.close();
  }
  const result = {
    writes,
    missed,
    direct: summarize(samples.direct),
    sse: summarize(samples.sse),
    directFromSend: summarize(samples.directSend),
    sseFromSend: summarize(samples.sseSend),
  };
  const targetMs = 1.1 * result.direct.p99 + 10;
  return { ...result, targetMs, pass: missed.sse === 0 && result.sse.p99 <= targetMs };
}
