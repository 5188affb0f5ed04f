import { type ChildProcess, spawn } from "node:child_process";
import { diesWithParent } from "../../sandbox/lib/process";
import { portalEnv } from "../../sandbox/portal-env";
import { sandbox } from "./sandbox";

/**
 * A second portal process (same build) with some settings overridden, for tests of what happens
 * when the portal is misconfigured or its identity provider is down. It runs on the spare URL
 * that scripts/test.ts registered with the sandbox's identity provider.
 */
export async function startPortal(overrides: (url: string) => Record<string, string>) {
  const url = process.env.PORTAL_SPARE_URL;
  if (!url) throw new Error("PORTAL_SPARE_URL is not set (scripts/test.ts sets it)");
  const port = new URL(url).port;
  const child: ChildProcess = spawn(
    ...diesWithParent("node", ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"]),
    { env: { ...process.env, ...portalEnv(sandbox(), url), ...overrides(url) }, stdio: "ignore" },
  );
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/api/healthz`)).ok) break;
    } catch {}
    if (Date.now() > deadline) throw new Error("the second portal did not start");
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
