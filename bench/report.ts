// The bench's output: one markdown table (stdout and README "Benchmarks") and the raw figures
// (bench/results/latest.json), all from the same run.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { REPO_DIR } from "../sandbox/setup/manifests";
import type { BundleResult } from "./bundle";
import type { DashboardResult } from "./dashboard";
import type { FanoutResult } from "./fanout";
import type { LatencyResult } from "./latency";
import type { ScalingResult } from "./scaling";
import { markdown, scalingTables } from "./scaling-report";
import { kb, ms } from "./stats";

export interface Results {
  date: string;
  machine: string;
  seconds?: number;
  latency?: LatencyResult;
  fanout?: FanoutResult;
  dashboard?: DashboardResult;
  bundle?: BundleResult;
  scaling?: ScalingResult;
  /** phases that did not run or failed, with why */
  skipped: Record<string, string>;
}

export function machineNote(kubernetes: string): string {
  const cpu = cpus();
  const model = (cpu[0]?.model ?? "unknown CPU").replace(/\s+/g, " ").trim();
  const gib = (totalmem() / 2 ** 30).toFixed(1);
  return `${cpu.length} × ${model}, ${gib} GiB RAM, Node ${process.version}, ${kubernetes}; sandbox, portal and clients on the same machine`;
}

/** Open streams when the stats route reports them; else watch requests opened (log lines). */
const watchesGrew = ({ oneClient: one, allClients: all }: FanoutResult["watches"]) =>
  one.streams !== undefined && all.streams !== undefined
    ? all.streams > one.streams
    : all.watchRequests > one.watchRequests;

const x = (v: number) => (Number.isFinite(v) ? `×${v.toFixed(2)}` : "n/a");
const pass = (ok: boolean) => (ok ? "**pass**" : "**FAIL**");

export function table(r: Results): string {
  const rows: string[][] = [];
  const { latency: a, fanout: b, dashboard: c, bundle: d } = r;
  if (a) {
    rows.push([
      "a",
      `provider write acknowledged → direct watch event, p50 / p99 (${a.writes} writes)`,
      `${ms(a.direct.p50)} / ${ms(a.direct.p99)}`,
      `baseline; from sending the write: ${ms(a.directFromSend.p50)} / ${ms(a.directFromSend.p99)}`,
    ]);
    rows.push([
      "a",
      `provider write acknowledged → SSE event via the portal, p50 / p99${a.missed.sse ? ` (${a.missed.sse} missed)` : ""}`,
      `${ms(a.sse.p50)} / ${ms(a.sse.p99)}`,
      `p99 ${x(a.sse.p99 / a.direct.p99)} of direct; target ≤ 1.1× + 10 ms = ${ms(a.targetMs)}: ${pass(a.pass)}; from sending: ${ms(a.sseFromSend.p50)} / ${ms(a.sseFromSend.p99)}`,
    ]);
  }
  if (b) {
    const w = b.watches;
    const count = (c: typeof w.oneClient) => (c.streams !== undefined ? `${c.streams}` : `${c.watchRequests} opened`);
    rows.push([
      "b",
      `apiserver watches, 1 → ${b.clients} SSE clients (${w.allClients.source === "stats" ? "/api/live/stats" : "portal log"})`,
      `${count(w.oneClient)} → ${count(w.allClients)}`,
      `${pass(!watchesGrew(w))} (must not grow)`,
    ]);
    rows.push([
      "b",
      "portal memory per SSE client (RSS delta ÷ clients)",
      kb(b.rss.perClient),
      `RSS ${(b.rss.oneClient / 2 ** 20).toFixed(0)} → ${(b.rss.allClients / 2 ** 20).toFixed(0)} MiB`,
    ]);
    rows.push([
      "b",
      `one write → all ${b.clients} clients, p50 / p99 (${b.writes} writes${b.missed ? `, ${b.missed} missed` : ""})`,
      `${ms(b.delay.p50)} / ${ms(b.delay.p99)}`,
      a ? `p99 ${x(b.delay.p99 / a.direct.p99)} of one direct watch` : "",
    ]);
    rows.push([
      "b",
      "SSE connect → first view, p50 / p99",
      `${ms(b.connect.p50)} / ${ms(b.connect.p99)}`,
      `${b.failed} failed`,
    ]);
  }
  if (c) {
    rows.push([
      "c",
      `GET / (server render) with ${c.loadBalancers.toLocaleString("en")} LoadBalancers, p50 / max (${c.page.n})`,
      `${ms(c.page.p50)} / ${ms(c.page.max)} (${kb(c.page.bytes)})`,
      `${x(c.page.p50 / c.list.p50)} of a direct LIST; meanwhile portal CPU ${c.portalCores.page.toFixed(2)} cores, GET /api/healthz p50 / max ${ms(c.healthz.p50)} / ${ms(c.healthz.max)}`,
    ]);
    rows.push([
      "c",
      `direct LIST of ${c.loadBalancers.toLocaleString("en")} LoadBalancers as alice, p50 / max`,
      `${ms(c.list.p50)} / ${ms(c.list.max)} (${kb(c.list.bytes)})`,
      "baseline",
    ]);
    rows.push([
      "c",
      `one LoadBalancer change → open dashboard stream, p50 / max (${c.update.n}${c.update.missed ? `, ${c.update.missed} missed` : ""})`,
      `${ms(c.update.p50)} / ${ms(c.update.max)}`,
      `${x(c.update.p50 / c.list.p50)} of a direct LIST; ${kb(c.events.meanBytes)} per dashboard event; portal busy ${c.portalCores.update.toFixed(2)} cores`,
    ]);
    rows.push([
      "c",
      "dashboard stream opened → all rows",
      ms(c.firstFullView),
      `then ${c.settle.quiet ? "settled" : "not settled"} after ${c.settle.seconds.toFixed(0)} s; ${c.providerCopies} provider copies when measured`,
    ]);
  }
  if (d) {
    rows.push([
      "d",
      `first-load JS of the dashboard, gzip (${d.chunks.length} chunks)`,
      kb(d.total),
      `${x(d.ratio)} of the framework runtime alone (${kb(d.framework)}; portal's own ${kb(d.app)}); target ≤ 200 KB: ${pass(d.pass)}`,
    ]);
  }
  for (const [phase, why] of Object.entries(r.skipped)) rows.push([phase, "not measured", "—", why]);
  const main = markdown(["", "measure", "figure", "ratio / target"], rows);
  return r.scaling ? `${main}\n\n### Scaling (s)\n\n${scalingTables(r.scaling)}` : main;
}

export function writeJson(r: Results): string {
  const file = join(REPO_DIR, "bench/results/latest.json");
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(r, null, 2)}\n`);
  return file;
}

/** Replaces (or appends) the README's "## Benchmarks" section; nothing else in the file changes. */
export function updateReadme(r: Results): void {
  const file = join(REPO_DIR, "README.md");
  const readme = readFileSync(file, "utf8");
  const section = `## Benchmarks

\`npm run bench\` (not part of \`npm test\`) starts its own sandbox and a production build of the
portal, signs in through the real identity provider, binds the consumer, measures, and stops
everything it started. (a) compares the portal's SSE stream with a direct watch on the same
apiserver; (b) opens many SSE clients of one page on one portal process; (c) seeds 2,000
LoadBalancers in one namespace; (d) gzips the scripts the signed-in dashboard loads; (s) shows how
the cost grows: GET / and the list's first page at 200 / 2,000 / 10,000 LoadBalancers and one
page at 50 / 500 / 5,000 SSE viewers, each figure beside a direct LIST (of one page, limit=100)
or watch of the same run, with the growth from
the previous size as an exponent (n^0 flat, n^1 linear), and the watch cache's bytes per object
(the listed objects trimmed and held as the portal's streams hold them, measured in the bench's
process) against their JSON size. \`BENCH_SIZES=200,2000 BENCH_VIEWERS=50,500 npm run bench -- s\`
runs smaller sizes (the README is then left alone); \`BENCH_PROVISION_S\` (default 1200) bounds how
long the series waits for kro and the konnector to provision the provider side. Raw figures:
\`bench/results/latest.json\`. \`BENCH_PROF=<dir> npm run bench -- c\` also writes a CPU profile of
the portal into \`<dir>\` (open it in Chrome DevTools); with phase s it also writes heap snapshots
of the portal at 0 and 500 idle viewers and sums up what a viewer's memory is made of.

Latest run: ${r.date}, ${r.machine}.

${table(r)}
`;
  const start = readme.indexOf("\n## Benchmarks\n");
  let next: string;
  if (start < 0) next = `${readme.trimEnd()}\n\n${section}`;
  else {
    const end = readme.indexOf("\n## ", start + 1);
    next = `${readme.slice(0, start + 1)}${section}${end < 0 ? "" : `\n${readme.slice(end + 1)}`}`;
  }
  writeFileSync(file, next);
}
