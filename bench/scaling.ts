// (s) How the cost grows: the dashboard at growing numbers of LoadBalancers (one namespace, seeded
// step by step) and one page at growing numbers of SSE viewers, each figure next to what a direct
// LIST or watch on the apiserver costs in the same run. Sizes come from BENCH_SIZES and
// BENCH_VIEWERS (comma-separated) so that a quick run is possible.
import { request } from "undici";
import { APIS } from "../lib/k8s/apis";
import type { KubeClient } from "../lib/k8s/client";
import { openRequest } from "../lib/k8s/request";
import { type KubeObject, PORTAL } from "../lib/k8s/types";
import { defaultListRequest, listSub, PAGE_SIZE } from "../lib/live-wire/list-page";
import { type CacheMemory, cacheMemory } from "./cache-memory";
import type { PageContext, PhaseContext } from "./context";
import { lbName, seed, timed } from "./dashboard";
import { type FanoutResult, measureFanout } from "./fanout";
import { LB } from "./fixtures";
import { aggregate, type HeapResult, perViewer, takeSnapshot } from "./heap";
import { openLive, type SseMessage } from "./sse";
import { MarkerWatch, type Summary, summarize, until } from "./stats";
import { directWatch } from "./watch";

export const SCALE_NAMESPACE = "bench-scale";
const GATEWAYS = APIS.gateways;

/** Sizes from an environment variable ("200,2000"), else the defaults. */
export function sizes(value: string | undefined, defaults: number[]): number[] {
  if (!value) return defaults;
  const list = value.split(",").map((s) => Number(s.trim()));
  if (list.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`not a list of positive integers: ${value}`);
  return [...new Set(list)].sort((a, b) => a - b);
}

export interface SizeResult {
  loadBalancers: number;
  /** creating this step's LoadBalancers on the consumer, s */
  seedSeconds: number;
  /** the provider side when measured: konnector copies, and consumer LoadBalancers kro made ACTIVE */
  provisioned: { copies: number; active: number; seconds: number; complete: boolean };
  /** GET / as alice, ms, and its baseline: LIST of one page (limit=100) of the namespace's LoadBalancers as alice */
  page: Summary & { bytes: number };
  list: Summary & { bytes: number };
  /** the list's stream opened → its first page shown, ms */
  firstView: Summary & { bytes: number };
  /** one row's change: bytes the list stream sent for it, and the direct watch's event */
  change: { bytes: number; events: number; directBytes: number; ms: number; directMs: number } | undefined;
  /** portal RSS after the measurements, bytes */
  rss: number;
}

export interface ScalingResult {
  rssBefore: number;
  sizes: SizeResult[];
  /** the watch cache's bytes per object, at the largest size */
  cache: CacheMemory[];
  viewers: FanoutResult[];
  heap?: HeapResult;
  /** notes for the table (partial provisioning, skipped snapshots) */
  notes: string[];
}

export async function measureScaling(
  o: PageContext & {
    admin: KubeClient;
    alice: KubeClient;
    /** a fresh session for each step (a long series outlives the IdP's tokens) */
    cookies: () => Promise<string>;
    lbSizes: number[];
    viewerSizes: number[];
    /** seconds the whole series may wait for kro and the konnector */
    provisionBudgetS: number;
    /** BENCH_PROF: the directory the portal writes heap snapshots into */
    heapDir?: string;
  },
): Promise<ScalingResult> {
  const result: ScalingResult = { rssBefore: o.portal.rss(), sizes: [], cache: [], viewers: [], notes: [] };
  const provisionDeadline = Date.now() + o.provisionBudgetS * 1000;
  let seeded = 0;
  // A failed size ends the series (the next one builds on it) but keeps what was measured.
  const failed = (what: string, e: unknown) => {
    o.log(`(s) ${what} failed: ${(e as Error).stack}`);
    result.notes.push(`${what} failed: ${(e as Error).message.split("\n")[0]}`);
  };
  for (const size of o.lbSizes) {
    try {
      o.log(`(s) ${size.toLocaleString("en")} LoadBalancers: seeding ${size - seeded}`);
      const seedSeconds = await seed(o.admin, SCALE_NAMESPACE, [seeded, size], o.log);
      seeded = size;
      const provisioned = await provision(o, size, provisionDeadline);
      o.log(
        `(s) seeded in ${seedSeconds.toFixed(0)} s; ${provisioned.copies} provider copies, ${provisioned.active} ACTIVE after ${provisioned.seconds.toFixed(0)} s more`,
      );
      const step = { ...o, cookie: await o.cookies() };
      result.sizes.push({ loadBalancers: size, seedSeconds, provisioned, ...(await dashboardAt(step, size)) });
    } catch (e) {
      failed(`the dashboard at ${size.toLocaleString("en")} LoadBalancers`, e);
      break;
    }
  }
  const last = result.sizes.at(-1);
  if (last && !last.provisioned.complete)
    result.notes.push(
      `at ${last.loadBalancers.toLocaleString("en")} LoadBalancers the provider side was partly provisioned when measured (${last.provisioned.copies} copies, ${last.provisioned.active} ACTIVE): the provisioning budget of ${o.provisionBudgetS} s ran out`,
    );
  if (last) {
    const caches = [
      [o.alice, { ...LB, namespace: SCALE_NAMESPACE }],
      [o.provider, LB],
      [o.provider, GATEWAYS],
    ] as const;
    for (const [c, ref] of caches) {
      try {
        result.cache.push(await cacheMemory(c, ref));
      } catch (e) {
        result.notes.push(`cache memory of ${ref.resource} not measured: ${(e as Error).message}`);
      }
    }
  }

  // The heap snapshot (profile mode) at the first size of 500 viewers or more, else the largest.
  const snapshotAt = o.viewerSizes.find((n) => n >= 500) ?? o.viewerSizes.at(-1);
  for (const clients of o.viewerSizes) {
    o.log(`(s) ${clients.toLocaleString("en")} SSE viewers of one page`);
    const files: string[] = [];
    const snap = o.heapDir && clients === snapshotAt ? o.heapDir : undefined;
    const take = snap ? async () => void files.push(await takeSnapshot(o.portal, snap)) : undefined;
    const fanout = await measureFanout({
      ...o,
      cookie: await o.cookies(),
      clients,
      writes: 5,
      beforeFirst: take,
      whenAllOpen: take,
    }).catch((e) => failed(`${clients.toLocaleString("en")} SSE viewers`, e));
    if (!fanout) break;
    result.viewers.push(fanout);
    if (files.length === 2) {
      o.log(`(s) summarizing heap snapshots ${files.join(", ")}`);
      result.heap = perViewer(aggregate(files[0]), aggregate(files[1]), fanout.clients, [files[0], files[1]]);
    }
  }
  return result;
}

/** Waits, within the series' budget, until the konnector copied and kro provisioned `size` LoadBalancers. */
async function provision(o: PhaseContext & { admin: KubeClient }, size: number, deadline: number) {
  const t0 = performance.now();
  let copies = 0;
  let active = 0;
  const complete = await until(
    async () => {
      copies = (await o.provider.list(LB)).items.filter((i) =>
        i.metadata.namespace?.endsWith(`-${SCALE_NAMESPACE}`),
      ).length;
      const consumer = await o.admin.list<KubeObject & { status?: { state?: string } }>({
        ...LB,
        namespace: SCALE_NAMESPACE,
      });
      active = consumer.items.filter((i) => i.status?.state === "ACTIVE").length;
      return copies >= size && active >= size;
    },
    Math.max(0, deadline - Date.now()),
    10_000,
  );
  return { copies, active, seconds: (performance.now() - t0) / 1000, complete: Boolean(complete) };
}

type Row = { namespace: string; name: string };

/** The list's first page (by namespace, then name): what a user opening the list streams. */
const FIRST_PAGE = `/api/live?sub=${encodeURIComponent(listSub(defaultListRequest))}`;

/** GET / and a LIST of one page (interleaved), the list stream's first page, one row's change, RSS. */
async function dashboardAt(o: PhaseContext & { alice: KubeClient }, size: number) {
  const pages: Awaited<ReturnType<typeof timed>>[] = [];
  const lists: typeof pages = [];
  for (let i = 0; i < 3; i++) {
    pages.push(await timed(() => request(`${o.portal.url}/`, { headers: { cookie: o.cookie } })));
    lists.push(
      await timed(() =>
        openRequest(o.alice.conn, PORTAL, {
          verb: "list",
          ref: { ...LB, namespace: SCALE_NAMESPACE },
          query: { limit: PAGE_SIZE },
        }),
      ),
    );
  }
  const firstViews: number[] = [];
  let firstBytes = 0;
  let rows: Row[] = [];
  for (let i = 0; i < 3; i++) {
    const opened = performance.now();
    const stream = await openLive(`${o.portal.url}${FIRST_PAGE}`, o.cookie, () => {}, 180_000);
    firstViews.push(stream.firstView.at - opened);
    firstBytes = stream.firstView.data.length;
    rows = (JSON.parse(stream.firstView.data) as { view?: { rows?: Row[] } }).view?.rows ?? [];
    stream.close();
  }
  o.log(
    `(s) ${size}: GET / ${pages.map((p) => p.total.toFixed(0)).join(", ")} ms; LIST ${lists.map((l) => l.total.toFixed(0)).join(", ")} ms; first view ${firstViews.map((v) => v.toFixed(0)).join(", ")} ms`,
  );
  return {
    page: { ...summarize(pages.map((p) => p.total)), bytes: pages[0].bytes },
    list: { ...summarize(lists.map((l) => l.total)), bytes: lists[0].bytes },
    firstView: { ...summarize(firstViews), bytes: firstBytes },
    change: await rowChange(o, rows.find((r) => r.namespace === SCALE_NAMESPACE)?.name ?? lbName(0)),
    rss: o.portal.rss(),
  };
}

/**
 * Changes one LoadBalancer's domain as alice with the list stream and a direct watch of it open;
 * the bytes are everything the stream sent from the write until the change (a row the first view
 * shows, so a paged dashboard sends it too), and the one watch event.
 */
async function rowChange(o: PhaseContext & { alice: KubeClient }, name: string) {
  const direct = new MarkerWatch();
  const domain = `s-${o.runId}-${name}-${Date.now()}.bench.example.com`;
  // Everything the stream sends from the write up to the message carrying the change.
  const sent = { counting: false, bytes: 0, events: 0 };
  let arrived: (at: number) => void = () => {};
  const change = new Promise<number>((resolve) => {
    arrived = resolve;
  });
  let directBytes = 0;
  const ref = { ...LB, namespace: SCALE_NAMESPACE, name };
  const current = await o.alice.get(ref);
  const watch = await directWatch(o.alice.conn, ref, current.metadata.resourceVersion, (line, at) => {
    if (line.includes(domain)) directBytes = line.length;
    direct.feed(line, at);
  });
  const stream = await openLive(
    `${o.portal.url}${FIRST_PAGE}`,
    o.cookie,
    (m: SseMessage) => {
      if (!sent.counting || (m.event !== "view" && m.event !== "patch")) return;
      sent.bytes += m.data.length;
      sent.events++;
      if (m.data.includes(`"${domain}"`)) {
        sent.counting = false;
        arrived(m.at);
      }
    },
    180_000,
  ).catch((e) => {
    watch.close();
    throw e;
  });
  const timer = setTimeout(() => arrived(Number.NaN), 60_000);
  try {
    const directWait = direct.expect(`"${domain}"`, 60_000);
    sent.counting = true;
    await o.alice.mergePatch(ref, { spec: { domain } });
    const acked = performance.now();
    const [at, directAt] = await Promise.all([change, directWait]);
    if (!Number.isFinite(at) || directAt === undefined) {
      o.log(
        `(s) the change of ${name} did not arrive within 60 s (stream: ${Number.isFinite(at)}, watch: ${directAt !== undefined})`,
      );
      return undefined;
    }
    return { bytes: sent.bytes, events: sent.events, directBytes, ms: at - acked, directMs: directAt - acked };
  } finally {
    clearTimeout(timer);
    stream.close();
    watch.close();
  }
}
