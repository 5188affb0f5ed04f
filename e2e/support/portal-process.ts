import { type ChildProcess, spawn } from "node:child_process";
import { diesWithParent } from "../../sandbox/lib/process";
import { portalEnv } from "../../sandbox/portal-env";
import { sandbox } from "./sandbox";

/** The spare URL scripts/test.ts registered with the sandbox's identity provider. */
export function spareUrl(): string {
  const url = process.env.PORTAL_SPARE_URL;
  if (!url) throw new Error("PORTAL_SPARE_URL is not set (scripts/test.ts sets it)");
  return url;
}

/**
 * Another portal process (same build) with some settings overridden, for tests of what happens
 * when the portal is misconfigured or its identity provider is down. It serves the spare URL,
 * or listens on `listenUrl` while the public URL stays the spare one (a replica behind a proxy).
 */
export async function startPortal(overrides: (url: string) => Record<string, string>, listenUrl?: string) {
  const url = spareUrl();
  const listen = new URL(listenUrl ?? url);
  const child: ChildProcess = spawn(
    ...diesWithParent("node", ["node_modules/next/dist/bin/next", "start", "-p", listen.port, "-H", listen.hostname]),
    { env: { ...process.env, ...portalEnv(sandbox(), url), ...overrides(url) }, stdio: "ignore" },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      if ((await fetch(`${listen.origin}/api/healthz`)).ok) break;
    } catch {}
    if (child.exitCode !== null) throw new Error(`the portal on ${listen.origin} exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error(`the portal on ${listen.origin} did not start`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    listenUrl: listen.origin,
    stop: () => {
      child.kill("SIGTERM");
      return exited;
    },
  };
}
