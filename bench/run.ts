// `npm run bench`: the portal's benchmark against a sandbox of its own (not part of `npm test`).
// Starts the sandbox and a production portal, signs in through the real IdP, binds the consumer,
// runs (d) bundle, (a) latency, (b) fan-out, (c) dashboard, (s) scaling, prints the tables, writes
// bench/results/latest.json and README "Benchmarks", and stops everything it started, whatever
// happens. `npm run bench -- a d` runs only some phases (then the README is left alone).
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "undici";
import { log as portalLog } from "../lib/log";
import { type RunningSandbox, startSandbox } from "../sandbox/index";
import { freePort } from "../sandbox/lib/ports";
import { signInWithoutBrowser as signIn } from "../sandbox/oidc/portal-sign-in";
import { bindConsumer } from "./bind";
import { measureBundle } from "./bundle";
import { cleanupDashboard, measureDashboard } from "./dashboard";
import { measureFanout } from "./fanout";
import { aliceLoadBalancer, client } from "./fixtures";
import { measureLatency } from "./latency";
import { type Portal, preparePortal, startPortal } from "./portal";
import { machineNote, type Results, table, updateReadme, writeJson } from "./report";
import { measureScaling, sizes } from "./scaling";

const PHASES = ["a", "b", "c", "d", "s"];
// Sandbox, portal build and logs; after a clean run only the portal's log is kept.
const runDir = mkdtempSync(join(tmpdir(), "kube-bind-portal-bench-"));
const t0 = Date.now();
const step = (line: string) => console.log(`[bench +${((Date.now() - t0) / 1000).toFixed(1)}s] ${line}`);

let sandbox: RunningSandbox | undefined;
let portal: Portal | undefined;
let stopping: Promise<void> | undefined;
/** Stops the portal, then the sandbox: only what this run started, once. */
const stopAll = () => {
  stopping ??= (async () => {
    await portal?.stop().catch((e) => step(`stopping the portal failed: ${(e as Error).message}`));
    if (sandbox) step("stopping the sandbox");
    await sandbox?.stop();
  })();
  return stopping;
};

/** Whether the build has the SSE route (it was being written when the bench was). */
async function liveRoute(url: string, cookie: string): Promise<boolean> {
  const ctrl = new AbortController();
  const res = await request(`${url}/api/live?sub=dashboard`, { headers: { cookie }, signal: ctrl.signal });
  ctrl.abort();
  res.body.on("error", () => {});
  return res.statusCode !== 404;
}

async function main(): Promise<number> {
  const only = process.argv.slice(2).filter((p) => PHASES.includes(p));
  const want = (p: string) => only.length === 0 || only.includes(p);
  // The scaling phase's sizes; the defaults are the figures the README reports.
  const lbSizes = sizes(process.env.BENCH_SIZES, [200, 2000, 10_000]);
  const viewerSizes = sizes(process.env.BENCH_VIEWERS, [50, 500, 5000]);
  const fullSizes = !process.env.BENCH_SIZES && !process.env.BENCH_VIEWERS;
  // The bench's own cluster calls would otherwise print one JSON line each (thousands in (c)).
  portalLog.level = "warn";
  step("checking the sandbox binaries (a first run builds them from Go modules)");
  if (spawnSync("bash", ["sandbox/bin/build-binaries.sh"], { stdio: "inherit" }).status !== 0) return 1;
  step(`run directory ${runDir}`);
  const portalDir = preparePortal(join(runDir, "portal"), step);

  const runId = randomBytes(3).toString("hex");
  const portalUrl = `http://127.0.0.1:${await freePort()}`;
  step("starting the sandbox");
  sandbox = await startSandbox({
    runDir: join(runDir, "sandbox"),
    portalUrls: [portalUrl],
    log: (l) => step(`  ${l}`),
  });
  const state = sandbox.state;
  const results: Results = {
    date: new Date().toISOString().slice(0, 10),
    machine: machineNote(state.clusters.provider.version),
    skipped: {},
  };
  const user = (name: string) => {
    const u = state.oidc.users.find((x) => x.username === name);
    if (!u) throw new Error(`the sandbox has no user ${name}`);
    return u;
  };
  const phase = async (name: string, title: string, body: () => Promise<void>) => {
    if (!want(name)) return;
    step(`(${name}) ${title}`);
    try {
      await body();
    } catch (e) {
      results.skipped[name] = `failed: ${(e as Error).message.split("\n")[0]}`;
      step(`(${name}) failed: ${(e as Error).stack}`);
    }
  };

  step("starting the portal (next start, PORTAL_EXPOSE_STATS=1)");
  portal = await startPortal(state, portalUrl, portalDir);
  const p = portal;
  step(`portal ${portalUrl} (pid ${p.pid}, log ${join(runDir, "portal.log")})`);
  const [consumerAdmin, providerAdmin, alice] = await Promise.all([
    client(state, "consumer", "admin"),
    client(state, "provider", "admin"),
    client(state, "consumer", "alice"),
  ]);
  step("binding the consumer as admin (Chromium, catalog → Allow and bind)");
  await bindConsumer(portalUrl, user("admin"), consumerAdmin);
  const lb = await aliceLoadBalancer(consumerAdmin, providerAdmin, `bench-${runId}`, step);
  // A fresh session before each phase: the IdP's tokens last 10 minutes and the portal would
  // refresh an older one on every request of every client.
  const aliceCookie = () => signIn(portalUrl, user("alice"));
  const live = await liveRoute(portalUrl, await aliceCookie());
  if (!live)
    for (const n of ["a", "b", "c", "s"]) if (want(n)) results.skipped[n] = "GET /api/live is 404 in this build";
  const sub = `${portalUrl}/api/live?sub=${encodeURIComponent(`lb:${lb.consumer.namespace}/${lb.consumer.name}`)}`;
  /** what every phase gets, with a fresh session */
  const context = async () => ({
    portal: p,
    provider: providerAdmin,
    cookie: await aliceCookie(),
    runId,
    log: step,
    copy: lb.provider,
    sseUrl: sub,
  });

  await phase("d", "first-load JS of the dashboard", async () => {
    const res = await request(`${portalUrl}/`, { headers: { cookie: await aliceCookie() } });
    const html = await res.body.text();
    if (res.statusCode !== 200) throw new Error(`GET / answered ${res.statusCode}`);
    results.bundle = measureBundle(html, join(p.dir, ".next"));
  });
  if (live) {
    await phase("a", "provider write → SSE event vs direct watch (200 writes)", async () => {
      results.latency = await measureLatency({ ...(await context()), writes: 200, timeLimitMs: 5 * 60_000 });
    });
    await phase("b", "500 SSE clients on one portal process", async () => {
      results.fanout = await measureFanout({ ...(await context()), clients: 500, writes: 5 });
    });
    await phase("c", "dashboard with 2,000 LoadBalancers", async () => {
      try {
        const dashboard = await measureDashboard({
          ...(await context()),
          admin: consumerAdmin,
          alice,
          count: 2000,
          updates: 5,
        });
        results.dashboard = dashboard;
      } finally {
        const cleaned = await cleanupDashboard(consumerAdmin, step).catch(() => false);
        if (results.dashboard) results.dashboard.cleanedUp = cleaned;
      }
    });
    await phase(
      "s",
      `scaling: ${lbSizes.join(" / ")} LoadBalancers, ${viewerSizes.join(" / ")} SSE viewers`,
      async () => {
        results.scaling = await measureScaling({
          ...(await context()),
          cookies: aliceCookie,
          admin: consumerAdmin,
          alice,
          lbSizes,
          viewerSizes,
          provisionBudgetS: Number(process.env.BENCH_PROVISION_S ?? 1200),
          heapDir: process.env.BENCH_PROF,
        });
        const failure = results.scaling.notes.find((n) => n.includes(" failed: "));
        if (failure) results.skipped.s = `partly measured: ${failure}`;
      },
    );
  }

  results.seconds = Math.round((Date.now() - t0) / 1000);
  console.log(`\n${table(results)}\n`);
  step(`wrote ${writeJson(results)}`);
  const complete = only.length === 0 && fullSizes && Object.keys(results.skipped).length === 0;
  if (complete) updateReadme(results);
  step(
    complete
      ? "updated README.md (Benchmarks)"
      : "README.md left alone: not every phase was measured at the full sizes",
  );
  return Object.values(results.skipped).some((why) => why.startsWith("failed")) ? 1 : 0;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    step(`${signal}: stopping what the bench started`);
    void stopAll().finally(() => process.exit(130));
  });
}

main()
  .catch((e) => {
    step(`bench failed: ${(e as Error).stack ?? e}`);
    return 1;
  })
  .then(async (code) => {
    await stopAll();
    // The build copy and cluster data are large; the portal's log stays for a look.
    if (code === 0) for (const d of ["portal", "sandbox"]) rmSync(join(runDir, d), { recursive: true, force: true });
    step(
      code === 0
        ? `done; portal log: ${join(runDir, "portal.log")}`
        : `done with failures; everything kept in ${runDir}`,
    );
    process.exit(code);
  });
