// Runs the real kubectl-bind CLI (kube-bind's release, resolved by the sandbox) headless: with
// --skip-browser it prints the URL it would open on stderr, and Playwright does the browser part.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { diesWithParent } from "../../sandbox/lib/process";
import { sandbox } from "./sandbox";

export interface CliRun {
  /** everything the CLI wrote so far, stdout and stderr interleaved */
  output(): string;
  /** the first URL on its output that matches, once it is there */
  url(match: RegExp, timeoutMs?: number): Promise<string>;
  /** the exit code, once it exited (null if killed by a signal) */
  exited(timeoutMs: number): Promise<number | null>;
  kill(): void;
}

/** A fresh kube-bind CLI config file (the CLI keeps its login tokens there). */
export function cliConfigFile(): string {
  return join(mkdtempSync(join(tmpdir(), "kubectl-bind-")), "config");
}

export function kubectlBind(args: string[], opts: { configFile: string; kubeconfig?: string }): CliRun {
  const bin = sandbox().kubeBind.bin["kubectl-bind"];
  const all = [
    ...args,
    "--config-file",
    opts.configFile,
    ...(opts.kubeconfig ? ["--kubeconfig", opts.kubeconfig] : []),
  ];
  const child: ChildProcess = spawn(...diesWithParent(bin, all), { stdio: ["ignore", "pipe", "pipe"] });
  let text = "";
  const waiters = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    text += chunk.toString("utf8");
    for (const w of waiters) w();
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

  const until = <T>(what: string, check: () => T | undefined, timeoutMs: number): Promise<T> =>
    new Promise((resolve, reject) => {
      const done = (value: T) => {
        clearTimeout(timer);
        waiters.delete(poke);
        resolve(value);
      };
      const poke = () => {
        const value = check();
        if (value !== undefined) done(value);
      };
      const timer = setTimeout(() => {
        waiters.delete(poke);
        reject(new Error(`kubectl-bind ${args[0] ?? ""}: no ${what} within ${timeoutMs / 1000}s; output:\n${text}`));
      }, timeoutMs);
      waiters.add(poke);
      void exit.then(() => {
        if (waiters.has(poke)) poke();
        if (waiters.has(poke)) {
          clearTimeout(timer);
          waiters.delete(poke);
          reject(new Error(`kubectl-bind ${args[0] ?? ""} exited before printing ${what}; output:\n${text}`));
        }
      });
      poke();
    });

  return {
    output: () => text,
    url: (match, timeoutMs = 30_000) =>
      until("URL", () => text.match(new RegExp(`https?://\\S*${match.source}\\S*`))?.[0], timeoutMs),
    exited: (timeoutMs) =>
      Promise.race([
        exit,
        new Promise<never>((_, reject) =>
          setTimeout(
            () => reject(new Error(`kubectl-bind did not exit within ${timeoutMs / 1000}s; output:\n${text}`)),
            timeoutMs,
          ).unref(),
        ),
      ]),
    kill: () => {
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}
