// (c) The dashboard with 2,000 LoadBalancers: the server response of GET / and the time one
// LoadBalancer change takes to reach an open dashboard stream, against the cost of a direct
// LIST of the same 2,000 objects as alice on the consumer apiserver (same run, same load).
import { request } from "undici";
import type { KubeClient } from "../lib/k8s/client";
import { KubeError } from "../lib/k8s/errors";
import { openRequest } from "../lib/k8s/request";
import { PORTAL } from "../lib/k8s/types";
import { applyPatch, type ViewPatch } from "../lib/live-wire/view-patch";
import type { PhaseContext } from "./context";
import { CM, createIfMissing, LB, loadBalancer, NAMESPACES, ROLEBINDINGS, settingsConfigMap } from "./fixtures";
import type { Portal } from "./portal";
import { openLive, type SseMessage } from "./sse";
import { MarkerWatch, pool, type Summary, sleep, summarize, until } from "./stats";

export const BENCH_NAMESPACE = "bench-lbs";

interface Timed {
  ttfb: number;
  total: number;
  bytes: number;
}

export interface DashboardResult {
  loadBalancers: number;
  createSeconds: number;
  /** list stream opened → its first page counting every bench row, ms */
  firstFullView: number;
  viewBytes: number;
  /** GET / as alice (server render, whole body), ms */
  page: Summary & { bytes: number; ttfbP50: number };
  /** LIST of the bench namespace's LoadBalancers as alice, straight at the consumer apiserver, ms */
  list: Summary & { bytes: number };
  /** consumer write acknowledged → the change on the open dashboard stream, ms */
  update: Summary & { missed: number };
  /** dashboard events received while the updates were measured, and their mean size */
  events: { count: number; meanBytes: number };
  /** provider copies that existed when the page was measured (kro may lag on 2 cores) */
  providerCopies: number;
  /** how long the bench waited for all provider copies and a portal below half a core */
  settle: { seconds: number; quiet: boolean };
  /** portal CPU ÷ wall time while pages and updates were measured (1 = one core fully busy) */
  portalCores: { page: number; update: number };
  /** GET /api/healthz (a no-op) while the pages were measured: the portal's event-loop lag, ms */
  healthz: Summary;
  cleanedUp: boolean;
}

export async function timed(
  send: () => Promise<{ statusCode: number; body: { text(): Promise<string> } }>,
): Promise<Timed> {
  const t0 = performance.now();
  const res = await send();
  const ttfb = performance.now() - t0;
  const text = await res.body.text();
  if (res.statusCode !== 200) throw new Error(`HTTP ${res.statusCode}: ${text.slice(0, 200)}`);
  return { ttfb, total: performance.now() - t0, bytes: Buffer.byteLength(text) };
}

/** Starts a measuring window; calling the result gives the portal's CPU ÷ wall time since. */
export const cpuWindow = (portal: Portal) => {
  const cpu = portal.cpuSeconds();
  const t0 = performance.now();
  return () => (portal.cpuSeconds() - cpu) / ((performance.now() - t0) / 1000);
};

/**
 * Times GET /api/healthz every 200 ms until stopped. The route does nothing, so its latency is
 * how long the portal's event loop keeps requests waiting (the cost of recomputing big views).
 */
const lagProbe = (url: string) => {
  const samples: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const t = performance.now();
      await request(`${url}/api/healthz`)
        .then((r) => r.body.dump())
        .catch(() => {});
      samples.push(performance.now() - t);
      await sleep(200);
    }
  })();
  return async () => {
    running = false;
    await loop;
    return summarize(samples);
  };
};

type HeldView = { total?: number } | undefined;

/** The dashboard view as a browser holds it after a `view` or `patch` message. */
const nextView = (held: HeldView, m: SseMessage): HeldView => {
  const data = JSON.parse(m.data) as { view?: HeldView; patch?: ViewPatch };
  return data.patch && held ? applyPatch(held, data.patch) : data.view;
};

// The list's stream holds one page of the rows its search matches (the bench namespace) and their total.
const benchRows = (view: HeldView) => view?.total ?? 0;
/** The list's first page, searched to the bench namespace: what the LoadBalancers page streams. */
const LIST_SUB = encodeURIComponent(`lbs?q=${BENCH_NAMESPACE}`);

/** The name of the `i`th seeded LoadBalancer (lb-00000 …), sorted as created. */
export const lbName = (i: number) => `lb-${String(i).padStart(5, "0")}`;

/**
 * A namespace alice's team may edit, a settings ConfigMap, then LoadBalancers `from` … `to` − 1,
 * 32 creates in flight (well under the apiserver's 200 mutating requests); returns the seconds taken.
 */
export async function seed(
  admin: KubeClient,
  namespace: string,
  [from, to]: [number, number],
  log: (line: string) => void,
): Promise<number> {
  await createIfMissing(admin, NAMESPACES, { apiVersion: "v1", kind: "Namespace", metadata: { name: namespace } });
  await createIfMissing(admin, { ...ROLEBINDINGS, namespace }, {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "RoleBinding",
    metadata: { name: "bench:team-a-edit" },
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "edit" },
    subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: "team-a" }],
  } as never);
  await createIfMissing(admin, { ...CM, namespace }, settingsConfigMap("bench-config"));
  const t0 = performance.now();
  const indexes = Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
  await pool(indexes, 32, async (i) => {
    await createIfMissing(admin, { ...LB, namespace }, loadBalancer(lbName(i), "bench-config"));
    if ((i + 1) % 1000 === 0) log(`${i + 1}/${to} LoadBalancers created`);
  });
  return (performance.now() - t0) / 1000;
}

export async function measureDashboard(
  o: PhaseContext & { admin: KubeClient; alice: KubeClient; count: number; updates: number },
): Promise<DashboardResult> {
  const namespace = BENCH_NAMESPACE;
  const marks = new MarkerWatch();
  let full: (at: number) => void = () => {};
  const fullView = new Promise<number>((resolve) => {
    full = resolve;
  });
  const events = { counting: false, count: 0, bytes: 0 };
  let stream: { close(): void } | undefined;
  try {
    const createSeconds = await seed(o.admin, namespace, [0, o.count], o.log);
    o.log(`created ${o.count} LoadBalancers in ${createSeconds.toFixed(1)} s`);
    const opened = performance.now();
    let viewBytes = 0;
    let held: HeldView;
    const client = await openLive(`${o.portal.url}/api/live?sub=${LIST_SUB}`, o.cookie, (m) => {
      if (m.event !== "view" && m.event !== "patch") return;
      marks.feed(m.data, m.at);
      if (events.counting) {
        events.count++;
        events.bytes += m.data.length;
      }
      held = nextView(held, m);
      if (!viewBytes && benchRows(held) >= o.count) {
        viewBytes = JSON.stringify(held).length;
        full(m.at);
      }
    });
    stream = client;
    const fullAt = await Promise.race([fullView, new Promise<undefined>((r) => setTimeout(r, 180_000))]);
    if (fullAt === undefined) throw new Error(`the dashboard stream did not show ${o.count} rows within 180 s`);
    o.log(`dashboard stream complete after ${((fullAt - opened) / 1000).toFixed(1)} s`);

    // kro and the konnector keep reconciling 2,000 objects for minutes on 2 cores, and each change
    // recomputes the dashboard (ages alone change it every tick for young objects, so the stream is
    // never silent). Wait, bounded, until the konnector copied everything and the portal is no
    // longer saturated, so requests are timed on a portal that is not already busy.
    const settleFrom = performance.now();
    const copies = async () =>
      (await o.provider.list(LB)).items.filter((i) => i.metadata.namespace?.endsWith(`-${namespace}`)).length;
    let providerCopies = 0;
    let cores = 0;
    const quiet = await until(
      async () => {
        const busy = cpuWindow(o.portal);
        providerCopies = await copies();
        await sleep(5_000);
        cores = busy();
        return providerCopies >= o.count && cores < 0.5;
      },
      180_000,
      0,
    );
    const settleSeconds = (performance.now() - settleFrom) / 1000;
    o.log(
      `${quiet ? "settled" : "not settled, measuring anyway"} after ${settleSeconds.toFixed(0)} s: ${providerCopies} provider copies, portal at ${cores.toFixed(2)} cores`,
    );
    const pages: Timed[] = [];
    const lists: Timed[] = [];
    // Interleaved, so both see the same background load; at most 5 rounds or about 3 minutes.
    const pageWindow = cpuWindow(o.portal);
    const pageLag = lagProbe(o.portal.url);
    const pageDeadline = Date.now() + 180_000;
    for (let i = 0; i < 5 && (i === 0 || Date.now() < pageDeadline); i++) {
      pages.push(await timed(() => request(`${o.portal.url}/`, { headers: { cookie: o.cookie } })));
      lists.push(await timed(() => openRequest(o.alice.conn, PORTAL, { verb: "list", ref: { ...LB, namespace } })));
    }
    const pageCores = pageWindow();
    const healthz = await pageLag();
    o.log(
      `GET / ${pages.map((p) => p.total.toFixed(0)).join(", ")} ms; LIST ${lists.map((l) => l.total.toFixed(0)).join(", ")} ms`,
    );

    events.counting = true;
    const updateWindow = cpuWindow(o.portal);
    const delays: number[] = [];
    let missed = 0;
    for (let i = 0; i < o.updates; i++) {
      // On the first page (sorted by name), which is what the stream carries.
      const name = lbName((i * 397 + 11) % Math.min(o.count, 100));
      const domain = `u${i}-${o.runId}.bench.example.com`;
      const wait = marks.expect(`"${domain}"`, 30_000);
      await o.alice.mergePatch({ ...LB, namespace, name }, { spec: { domain } });
      const acked = performance.now();
      const at = await wait;
      if (at === undefined) missed++;
      else delays.push(at - acked);
    }
    events.counting = false;
    const updateCores = updateWindow();
    return {
      loadBalancers: o.count,
      createSeconds,
      firstFullView: fullAt - opened,
      viewBytes,
      page: {
        ...summarize(pages.map((p) => p.total)),
        bytes: pages[0].bytes,
        ttfbP50: summarize(pages.map((p) => p.ttfb)).p50,
      },
      list: { ...summarize(lists.map((l) => l.total)), bytes: lists[0].bytes },
      update: { ...summarize(delays), missed },
      events: { count: events.count, meanBytes: events.count ? events.bytes / events.count : 0 },
      providerCopies,
      settle: { seconds: settleSeconds, quiet: Boolean(quiet) },
      portalCores: { page: pageCores, update: updateCores },
      healthz,
      cleanedUp: false,
    };
  } finally {
    stream?.close();
  }
}

/** Deletes the bench namespace and waits a bounded while for it to go (finalizers, kro children). */
export async function cleanupDashboard(admin: KubeClient, log: (line: string) => void): Promise<boolean> {
  await admin.delete({ ...NAMESPACES, name: BENCH_NAMESPACE }).catch((e) => {
    if (!(e instanceof KubeError && e.notFound)) throw e;
  });
  const gone = await until(
    async () => {
      try {
        await admin.get({ ...NAMESPACES, name: BENCH_NAMESPACE });
        return false;
      } catch (e) {
        return e instanceof KubeError && e.notFound;
      }
    },
    60_000,
    1_000,
  );
  // The sandbox is stopped next anyway; the konnector's finalizers on 2,000 objects take a while.
  log(gone ? `namespace ${BENCH_NAMESPACE} deleted` : `namespace ${BENCH_NAMESPACE} still terminating after 60 s`);
  return Boolean(gone);
}
