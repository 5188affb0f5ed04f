// Child processes of the sandbox: output goes to a log file in the run directory, readiness is
// polled (never a fixed sleep), and stop() only ever signals the PID we spawned ourselves.
import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync } from "node:fs";
import { join } from "node:path";

export type Log = (line: string) => void;

export interface ManagedProcess {
  name: string;
  pid: number;
  command: string;
  logFile: string;
  /** resolves with the exit code (or signal name) once the process has exited */
  exited: Promise<number | string>;
  isRunning(): boolean;
  stop(): Promise<void>;
}

export interface StartOptions {
  name: string;
  command: string;
  args: string[];
  runDir: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** let the starting process exit while this one runs on (sandbox/testing-faults.ts restarts) */
  unref?: boolean;
}

const STOP_GRACE_MS = 20_000;

// util-linux's setpriv sets the parent-death signal and then execs the command, so the process
// is killed by the kernel when the process that started it dies, however it dies (SIGKILL, a
// crash): a killed `npm test` or `npm run demo` leaves no control plane or konnector behind.
const SETPRIV = ["/usr/bin/setpriv", "/bin/setpriv"].find((file) => existsSync(file));

/**
 * The command line that runs `command` tied to this process's life (unchanged without setpriv).
 * KILL for servers; TERM for runners that clean up after themselves (Playwright stops its portal).
 */
export function diesWithParent(command: string, args: string[], signal: "KILL" | "TERM" = "KILL"): [string, string[]] {
  return SETPRIV ? [SETPRIV, ["--pdeathsig", signal, "--", command, ...args]] : [command, args];
}

export function startProcess(opts: StartOptions): ManagedProcess {
  const logFile = join(opts.runDir, `${opts.name}.log`);
  const fd = openSync(logFile, "a");
  let child: ChildProcess;
  try {
    // Own process group: a Ctrl-C in the terminal reaches only the launcher, which then stops
    // the children in order (apiserver before etcd) instead of all of them at once.
    // Processes meant to outlive their starter (unref) are not tied to it.
    const [command, args] = opts.unref ? [opts.command, opts.args] : diesWithParent(opts.command, opts.args);
    child = spawn(command, args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: ["ignore", fd, fd],
      detached: true,
    });
  } finally {
    closeSync(fd);
  }
  if (child.pid === undefined) throw new Error(`${opts.name}: could not spawn ${opts.command}`);
  if (opts.unref) child.unref();
  const pid = child.pid;
  let running = true;
  const exited = new Promise<number | string>((resolve) => {
    child.on("exit", (code, signal) => {
      running = false;
      resolve(code ?? signal ?? "unknown");
    });
    child.on("error", () => {
      running = false;
      resolve("spawn-error");
    });
  });

  async function stop(): Promise<void> {
    if (!running) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => running && child.kill("SIGKILL"), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  }

  return { name: opts.name, pid, command: opts.command, logFile, exited, isRunning: () => running, stop };
}

/** The last lines of a log file, for error messages. */
export function logTail(file: string, lines = 15): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

/** Running and not a zombie (an orphan's exit is only reaped later by init). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return true;
  }
}

export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** fail fast, with its log tail, if this process exits while we wait */
  process?: ManagedProcess;
}

/**
 * Polls `condition` until it returns a truthy value (which is returned). Exceptions count as
 * "not yet"; the last one is reported on timeout.
 */
export async function waitFor<T>(
  what: string,
  condition: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  opts: WaitOptions = {},
): Promise<T> {
  const { timeoutMs = 120_000, intervalMs = 250, process: proc } = opts;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    if (proc && !proc.isRunning()) {
      throw new Error(`${proc.name} exited while waiting for ${what}; log ${proc.logFile}:\n${logTail(proc.logFile)}`);
    }
    try {
      const value = await condition();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail = lastError instanceof Error ? `: ${lastError.message}` : "";
      const tail = proc ? `\nlog ${proc.logFile}:\n${logTail(proc.logFile)}` : "";
      throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}${detail}${tail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
