// Fault injection for tests against a running sandbox: stop a cluster's kube-apiserver and start
// it again exactly as the sandbox did, to prove that the portal notices the outage and recovers.
//
//   const stopped = await stopKubeApiserver(state, "provider");   // SIGTERM, waits for the exit
//   …                                                             // the cluster is down
//   await stopped.start();                                        // same binary, args, env, log; /readyz
//
// Only the PID the sandbox recorded in <runDir>/processes.json is signalled, and only after its
// command line was checked (a reused PID is never touched): SIGTERM, then SIGKILL if it still
// drains its clients after SIGTERM_GRACE_MS. The restarted process appends to the
// same <runDir>/<name>.log, replaces the old PID in processes.json (so `cli.ts down` finds it),
// and gets a small guard that stops it when the sandbox's launcher or the cluster's etcd goes
// away: the launcher's own stop() only knows the process it started itself.
import { spawn } from "node:child_process";
import { readFileSync, readlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { kubeconfigClient } from "./lib/kube";
import { startProcess, waitFor } from "./lib/process";
import type { SandboxState } from "./state";

type ClusterName = "provider" | "consumer";

interface Recorded {
  launcher: number;
  pids: { name: string; pid: number; command: string }[];
}

export interface StoppedApiserver {
  name: string;
  /** the command line it ran with (and will run with again) */
  argv: string[];
  /** starts it again and resolves once /readyz answers; returns the new PID */
  start(): Promise<number>;
}

/** How long SIGTERM may take before SIGKILL (the sandbox's own stop() waits 20 s). */
const SIGTERM_GRACE_MS = 10_000;

const processesFile = (state: SandboxState) => join(state.runDir, "processes.json");
const readRecorded = (state: SandboxState) => JSON.parse(readFileSync(processesFile(state), "utf8")) as Recorded;

/** Running and not a zombie. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

const nulSplit = (text: string) => text.split("\0").filter((part) => part.length > 0);

export async function stopKubeApiserver(state: SandboxState, cluster: ClusterName): Promise<StoppedApiserver> {
  const name = `${cluster}-kube-apiserver`;
  const entry = readRecorded(state).pids.find((p) => p.name === name);
  if (!entry) throw new Error(`${processesFile(state)} records no ${name}`);
  const { pid, command } = entry;
  const argv = alive(pid) ? nulSplit(readFileSync(`/proc/${pid}/cmdline`, "utf8")) : [];
  const port = new URL(state.clusters[cluster].server).port;
  // The recorded binary, serving this cluster's port: otherwise the PID is not (any more) ours.
  if (argv[0] !== command || !argv.includes(`--secure-port=${port}`)) {
    throw new Error(`pid ${pid} is not the ${name} of this sandbox (command line: ${argv.join(" ") || "none"})`);
  }
  // Its environment as it was (the launcher's), not the test runner's.
  const env = Object.fromEntries(
    nulSplit(readFileSync(`/proc/${pid}/environ`, "utf8")).map((kv) => [
      kv.slice(0, kv.indexOf("=")),
      kv.slice(kv.indexOf("=") + 1),
    ]),
  ) as NodeJS.ProcessEnv;
  const cwd = readlinkSync(`/proc/${pid}/cwd`);

  process.kill(pid, "SIGTERM");
  // With clients connected, kube-apiserver drains for up to a minute; an outage test needs it gone.
  const exited = await waitFor(`${name} (pid ${pid}) to exit`, () => !alive(pid), {
    timeoutMs: SIGTERM_GRACE_MS,
    intervalMs: 100,
  }).catch(() => false);
  if (!exited && alive(pid)) {
    process.kill(pid, "SIGKILL");
    await waitFor(`${name} (pid ${pid}) to exit after SIGKILL`, () => !alive(pid), {
      timeoutMs: 30_000,
      intervalMs: 100,
    });
  }

  return {
    name,
    argv,
    async start() {
      const proc = startProcess({ name, command, args: argv.slice(1), runDir: state.runDir, env, cwd, unref: true });
      const admin = await kubeconfigClient(state.clusters[cluster].kubeconfigs.admin, cluster);
      await waitFor(`${name} /readyz`, () => admin.getPath("/readyz").then(() => true), {
        process: proc,
        timeoutMs: 120_000,
      });
      record(state, name, proc.pid);
      guard(state, cluster, proc.pid, command);
      return proc.pid;
    },
  };
}

/** Convenience: stop, run `whileDown`, start again. */
export async function restartKubeApiserver(
  state: SandboxState,
  cluster: ClusterName,
  whileDown: () => Promise<void> = async () => {},
): Promise<number> {
  const stopped = await stopKubeApiserver(state, cluster);
  try {
    await whileDown();
  } finally {
    await stopped.start();
  }
  return readRecorded(state).pids.find((p) => p.name === stopped.name)?.pid ?? -1;
}

function record(state: SandboxState, name: string, pid: number) {
  const recorded = readRecorded(state);
  recorded.pids = recorded.pids.map((p) => (p.name === name ? { ...p, pid } : p));
  writeFileSync(processesFile(state), `${JSON.stringify(recorded, null, 2)}\n`);
}

/** A detached watcher: once the launcher or the cluster's etcd is gone, it stops the apiserver (SIGTERM, then SIGKILL). */
function guard(state: SandboxState, cluster: ClusterName, pid: number, command: string) {
  const recorded = readRecorded(state);
  const etcd = recorded.pids.find((p) => p.name === `${cluster}-etcd`)?.pid;
  if (!etcd) throw new Error(`processes.json records no ${cluster}-etcd`);
  const script = `
const fs = require("node:fs");
const [launcher, etcd, target, command] = process.argv.slice(1);
const alive = (pid) => { try { process.kill(Number(pid), 0); return !/^\\d+ \\(.*\\) Z/.test(fs.readFileSync("/proc/" + pid + "/stat", "utf8")); } catch { return false; } };
const ours = () => { try { return fs.readFileSync("/proc/" + target + "/cmdline", "utf8").split("\\0")[0] === command; } catch { return false; } };
let termAt = 0;
setInterval(() => {
  if (!alive(target) || !ours()) process.exit(0);
  if (termAt === 0 && (!alive(launcher) || !alive(etcd))) { termAt = Date.now(); process.kill(Number(target), "SIGTERM"); }
  // Without its etcd an apiserver can hang in shutdown: like the sandbox's stop(), kill after 20 s.
  if (termAt > 0 && Date.now() - termAt > 20000) { process.kill(Number(target), "SIGKILL"); process.exit(0); }
}, 1000);`;
  const child = spawn(process.execPath, ["-e", script, String(recorded.launcher), String(etcd), String(pid), command], {
    detached: true,
    stdio: "ignore",
  });
  child.unref();
}
