import { spawn } from "node:child_process";
import { once } from "node:events";
import { expect, test } from "@playwright/test";
import { diesWithParent } from "../sandbox/lib/process";
import { startPortal } from "./support/portal-process";

/** The sandbox's OIDC server as a process of this test: it prints its issuer, then its client. */
async function startOwnIdp(portalUrl: string) {
  const child = spawn(...diesWithParent("node_modules/.bin/tsx", ["sandbox/oidc/server.ts"]), {
    env: { ...process.env, PORTAL_URLS: portalUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout?.on("data", (d) => {
    out += d;
  });
  child.stderr?.on("data", (d) => {
    err += d;
  });
  await expect.poll(() => /^http:\S+\n/.test(out) && /client \S+ \/ \S+;/.test(err), { timeout: 30_000 }).toBe(true);
  const [, clientId, clientSecret] = /client (\S+) \/ (\S+);/.exec(err) ?? [];
  return {
    issuer: out.trim(),
    clientId,
    clientSecret,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await once(child, "exit");
    },
  };
}

// The sandbox's identity provider is shared and must keep running: this test stops its own.
test("/api/readyz reports a dead identity provider within 10 seconds", async ({ request }) => {
  test.setTimeout(120_000);
  const spare = process.env.PORTAL_SPARE_URL ?? "";
  const idp = await startOwnIdp(spare);
  let stopped = false;
  const portal = await startPortal(() => ({
    OIDC_ISSUER_URL: idp.issuer,
    OIDC_CLIENT_ID: idp.clientId,
    OIDC_CLIENT_SECRET: idp.clientSecret,
  }));
  try {
    const oidcCheck = async () => {
      const res = await request.get(`${portal.url}/api/readyz`);
      const body = (await res.json()) as { checks: { name: string; ok: boolean; message?: string }[] };
      return { status: res.status(), oidc: body.checks.find((c) => c.name === "oidc-discovery") };
    };
    await expect.poll(oidcCheck, { timeout: 15_000 }).toMatchObject({ status: 200, oidc: { ok: true } });
    await idp.stop();
    stopped = true;
    await expect
      .poll(oidcCheck, { timeout: 10_000 })
      .toMatchObject({ status: 503, oidc: { ok: false, message: expect.stringMatching(/issuer/) } });
  } finally {
    await portal.stop();
    if (!stopped) await idp.stop();
  }
});
