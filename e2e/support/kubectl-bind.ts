// Runs the real kubectl-bind CLI (kube-bind's release, resolved by the sandbox) headless: with
// --skip-browser it prints the URL it would open on stderr, and Playwright does the browser part.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, expect } from "@playwright/test";
import { diesWithParent } from "../../sandbox/lib/process";
import { sandbox, user } from "./sandbox";
import { loginAtIdp } from "./sign-in";

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

/**
 * `kubectl bind login`: the CLI prints the authorize URL, a browser of its own signs in at the
 * identity provider, the CLI saves a token. Returns the CLI's config file.
 */
export async function kubectlBindLogin(
  browser: Browser,
  portalUrl: string,
  who: "admin" | "alice" | "bob",
): Promise<string> {
  const configFile = cliConfigFile();
  const cli = kubectlBind(["login", portalUrl, "--skip-browser"], { configFile });
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(await cli.url(/\/api\/authorize\?/));
    await loginAtIdp(page, user(who));
    const allow = page.getByRole("button", { name: "Allow" });
    await expect(allow.or(page.getByText(/success|logged in|authenticated|close/i)).first()).toBeVisible();
    if (await allow.isVisible()) await allow.click();
    expect(await cli.exited(60_000), cli.output()).toBe(0);
  } finally {
    cli.kill();
    await context.close();
  }
  return configFile;
}

/** The access token `kubectl bind login` saved in its config file. */
export function savedToken(configFile: string): string | undefined {
  const config = JSON.parse(readFileSync(configFile, "utf8")) as {
    current?: string;
    servers?: Record<string, { accessToken?: string }>;
  };
  return config.servers?.[config.current ?? ""]?.accessToken;
}
