// The portal under test: a production build started with `next start`, as the demo does.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { cpSync, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { createInterface } from "node:readline";
import { portalEnv } from "../sandbox/portal-env";
import { REPO_DIR as REPO } from "../sandbox/setup/manifests";
import type { SandboxState } from "../sandbox/state";
import { until } from "./stats";

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function buildIsCurrent(): boolean {
  const id = join(REPO, ".next/BUILD_ID");
  if (!existsSync(id)) return false;
  const sources = ["app", "components", "lib", "public"].map((d) => join(REPO, d)).filter(existsSync);
  return statSync(id).mtimeMs > Math.max(...sources.map(newest), statSync(join(REPO, "package-lock.json")).mtimeMs);
}

// Never copied: dependencies (hard-linked instead), builds, git, test output, local state.
const SKIP =
  /^(node_modules|\.git|test-results|playwright-report|\.sandbox|\.test-summary|bench\/results)(\/|$)|\.tsbuildinfo$/;

/**
 * Fills `dir` with what `next start` runs from: the working tree is shared, so the
 * bench neither rebuilds the shared .next under someone else's running portal nor lets their
 * rebuild pull pages from under the portal being measured. The current build is copied when
 * .next/BUILD_ID is newer than every source (like sandbox/demo.ts), else the sources are copied
 * and built there. node_modules is hard-linked (instant): Turbopack compiles nothing outside the
 * project root, so a symlink would not do.
 */
export function preparePortal(dir: string, log: (line: string) => void): string {
  mkdirSync(dir, { recursive: true });
  if (spawnSync("cp", ["-al", join(REPO, "node_modules"), join(dir, "node_modules")]).status !== 0) {
    throw new Error("could not link node_modules into the run directory");
  }
  const current = buildIsCurrent();
  const keep = (rel: string) => {
    if (rel === ".next" || rel.startsWith(".next/")) return current && !/^\.next\/(cache|dev|lock|trace)/.test(rel);
    return !SKIP.test(rel);
  };
  cpSync(REPO, dir, { recursive: true, filter: (src) => keep(relative(REPO, src)) });
  if (current) {
    log("using the current build (.next/BUILD_ID is newer than the sources)");
    return dir;
  }
  log("building the portal from a copy of the working tree (next build)");
  const build = spawnSync("node", ["node_modules/next/dist/bin/next", "build"], {
    cwd: dir,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) throw new Error("next build failed");
  return dir;
}

export interface Portal {
  url: string;
  pid: number;
  dir: string;
  /** "kubernetes call" log lines with verb watch, seen so far on the portal's stdout */
  watchLines(): number;
  /** resident memory of the portal process, bytes (/proc/<pid>/status VmRSS) */
  rss(): number;
  /** CPU time the portal process used so far, seconds (/proc/<pid>/stat utime + stime) */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

export async function startPortal(state: SandboxState, url: string, dir: string): Promise<Portal> {
  const port = new URL(url).port;
  const out = createWriteStream(join(dir, "..", "portal.log"));
  const child: ChildProcess = spawn(
    "node",
    [
      // BENCH_PROF=<dir>: the portal writes a V8 CPU profile there when it stops (Node refuses
      // --cpu-prof in NODE_OPTIONS, so it goes on the command line).
      // SIGUSR2 makes it write a heap snapshot there too (bench/heap.ts).
      ...(process.env.BENCH_PROF
        ? [
            "--cpu-prof",
            `--cpu-prof-dir=${process.env.BENCH_PROF}`,
            "--heapsnapshot-signal=SIGUSR2",
            `--diagnostic-dir=${process.env.BENCH_PROF}`,
          ]
        : []),
      "node_modules/next/dist/bin/next",
      "start",
      "-p",
      port,
      "-H",
      "127.0.0.1",
    ],
    {
      cwd: dir,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...portalEnv(state, url), PORTAL_EXPOSE_STATS: "1" },
    },
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error("could not start next start");
  let watches = 0;
  // Counting watch calls from the log works whether or not the stats route exists.
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (line) => {
    out.write(`${line}\n`);
    if (line.includes('"kubernetes call"') && line.includes('"verb":"watch"')) watches++;
  });
  child.stderr?.pipe(out);
  let exited = false;
  const gone = new Promise<void>((done) =>
    child.once("exit", () => {
      exited = true;
      done();
    }),
  );
  const stop = async () => {
    if (exited) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await gone;
    clearTimeout(timer);
    out.end();
  };
  const healthy = await until(async () => !exited && (await fetch(`${url}/api/healthz`)).ok, 120_000, 300);
  if (!healthy) {
    await stop();
    throw new Error(`the portal did not become healthy; log: ${join(dir, "..", "portal.log")}`);
  }
  return {
    url,
    pid,
    dir,
    watchLines: () => watches,
    rss: () => {
      const kbs = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
      return Number(kbs ?? Number.NaN) * 1024;
    },
    cpuSeconds: () => {
      // Fields after "pid (comm) ": state is the 1st, utime the 12th, stime the 13th; 100 ticks/s.
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      return (Number(fields[11]) + Number(fields[12])) / 100;
    },
    stop,
  };
}

export interface WatchCount {
  source: "stats" | "log";
  /** open upstream watches (one per shared stream) — only from the stats route */
  streams?: number;
  /** upstream watch requests opened so far (stats: sum over streams; log: watch call lines) */
  watchRequests: number;
}

/** Upstream watches, from GET /api/live/stats when the portal exposes it, else from its log. */
export async function watchCount(portal: Portal, cookie: string): Promise<WatchCount> {
  try {
    const res = await fetch(`${portal.url}/api/live/stats`, { headers: { cookie } });
    if (res.ok) {
      const streams = findStreams(await res.json());
      if (streams) {
        const watchRequests = streams.reduce((n, s) => n + (Number(s.watchRequests) || 0), 0);
        return { source: "stats", streams: streams.length, watchRequests };
      }
    } else await res.body?.cancel();
  } catch {
    // not there (yet): fall back to the log
  }
  return { source: "log", watchRequests: portal.watchLines() };
}

type Stream = { subscribers?: unknown; watchRequests?: unknown };

/** The hub's per-stream stats, wherever the route puts them (top level or one level down). */
function findStreams(body: unknown): Stream[] | undefined {
  const isStreams = (v: unknown): v is Stream[] =>
    Array.isArray(v) && (v.length === 0 || (typeof v[0] === "object" && v[0] !== null && "subscribers" in v[0]));
  if (isStreams(body)) return body;
  if (typeof body !== "object" || body === null) return undefined;
  for (const v of Object.values(body)) {
    if (isStreams(v)) return v;
    if (typeof v === "object" && v !== null) for (const w of Object.values(v)) if (isStreams(w)) return w;
  }
  return undefined;
}
