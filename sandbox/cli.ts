// `tsx sandbox/cli.ts up [--state-file F] [--run-dir D] [--portal-url U]...` runs the sandbox in
// the foreground until SIGINT/SIGTERM; `down [--state-file F]` stops one started elsewhere.
import { existsSync, readFileSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { alive, waitFor } from "./lib/process";
import { REPO_DIR } from "./setup/manifests";
import { readSandboxState, type SandboxState } from "./state";

const DEFAULT_STATE_FILE = join(REPO_DIR, ".sandbox", "sandbox.json");
const DEFAULT_PORTAL_URLS = ["http://localhost:3000", "http://127.0.0.1:3000"];

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    "state-file": { type: "string" },
    "run-dir": { type: "string" },
    "portal-url": { type: "string", multiple: true },
    help: { type: "boolean", short: "h" },
  },
});
const command = positionals[0];
const stateFile = resolve(values["state-file"] ?? DEFAULT_STATE_FILE);
const t0 = Date.now();
const elapsed = () => ((Date.now() - t0) / 1000).toFixed(1);
const log = (line: string) => process.stderr.write(`[sandbox +${elapsed()}s] ${line}\n`);

function summary(state: SandboxState, seconds: string): string {
  const lines = [`sandbox ready in ${seconds}s`, `state file: ${stateFile}`, `run dir:    ${state.runDir}`];
  for (const cluster of Object.values(state.clusters)) {
    lines.push(`${cluster.name}: ${cluster.server} (${cluster.version}, etcd ${cluster.etcd})`);
    for (const [key, file] of Object.entries(cluster.kubeconfigs)) lines.push(`  kubeconfig ${key.padEnd(10)} ${file}`);
  }
  lines.push(`OIDC issuer: ${state.oidc.issuer} (client ${state.oidc.clientId})`);
  for (const u of state.oidc.users) {
    lines.push(`  user ${u.username} / ${u.password}  ${u.email}  groups: ${u.groups.join(", ") || "-"}`);
  }
  lines.push(`echo backend: ${state.echo.url}`, `portal URLs: ${state.portalUrls.join(", ")}`);
  lines.push(`tests: SANDBOX_STATE=${stateFile} npx vitest run sandbox/`);
  return lines.join("\n");
}

async function up(): Promise<void> {
  const portalUrls = values["portal-url"] ?? (process.env.PORTAL_URL ? [process.env.PORTAL_URL] : DEFAULT_PORTAL_URLS);
  let signalled = false;
  let stopAndExit: ((code: number) => Promise<void>) | undefined;
  const onSignal = (signal: string) => {
    if (signalled) return;
    signalled = true;
    log(`${signal}: stopping${stopAndExit ? "" : " once the current start step ends"}`);
    void stopAndExit?.(0);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  // Imported here so that `down` does not load (and depend on) the whole sandbox.
  const { startSandbox } = await import("./index");
  const sandbox = await startSandbox({ runDir: values["run-dir"], portalUrls, log });
  stopAndExit = async (code) => {
    await sandbox.stop();
    // Only remove what this run wrote: the state file if it is still ours, the run dir if temporary.
    if (existsSync(stateFile) && readFileSync(stateFile, "utf8").includes(sandbox.state.runDir)) await rm(stateFile);
    if (!values["run-dir"]) await rm(sandbox.state.runDir, { recursive: true, force: true });
    log("all stopped");
    process.exit(code);
  };
  process.on("uncaughtException", (error) => {
    log(`uncaught: ${error.stack ?? error}`);
    void stopAndExit?.(1);
  });
  if (signalled) return stopAndExit(0);

  await mkdir(dirname(stateFile), { recursive: true });
  await writeFile(stateFile, `${JSON.stringify(sandbox.state, null, 2)}\n`, { mode: 0o600 });
  process.stdout.write(`${summary(sandbox.state, elapsed())}\n`);
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return "";
  }
}

async function terminate(targets: { name: string; pid: number }[]): Promise<void> {
  for (const target of targets) {
    log(`SIGTERM ${target.name} (pid ${target.pid})`);
    process.kill(target.pid, "SIGTERM");
    await waitFor(`${target.name} to exit`, () => !alive(target.pid), { timeoutMs: 60_000 }).catch(() => {
      log(`SIGKILL ${target.name} (pid ${target.pid})`);
      process.kill(target.pid, "SIGKILL");
    });
  }
}

async function down(): Promise<void> {
  const state = readSandboxState(stateFile);
  const processesFile = join(state.runDir, "processes.json");
  if (existsSync(processesFile)) {
    const recorded = JSON.parse(readFileSync(processesFile, "utf8")) as {
      launcher: number;
      pids: { name: string; pid: number; command: string }[];
    };
    // Ask the launcher first, which stops everything in order; then whatever it left behind
    // (checked against the recorded command line, so a reused PID is never signalled).
    const { launcher } = recorded;
    await terminate(
      alive(launcher) && cmdline(launcher).includes("cli.ts") ? [{ name: "launcher", pid: launcher }] : [],
    );
    await terminate(recorded.pids.filter((p) => alive(p.pid) && cmdline(p.pid).startsWith(p.command)).reverse());
  }
  if (existsSync(stateFile)) await rm(stateFile);
  log("down");
}

async function main(): Promise<void> {
  if (command === "up") return up();
  if (command === "down") return down();
  process.stderr.write("usage: tsx sandbox/cli.ts up|down [--state-file F] [--run-dir D] [--portal-url URL]...\n");
  process.exit(values.help ? 0 : 2);
}

main().catch((error: unknown) => {
  log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
