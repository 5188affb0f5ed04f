import { defineConfig } from "@playwright/test";
import { CHROMIUM } from "./sandbox/lib/chromium";
import { diesWithParent } from "./sandbox/lib/process";
import { portalEnv } from "./sandbox/portal-env";
import { readSandboxState } from "./sandbox/state";

// The e2e suite runs against a sandbox that scripts/test.ts started (SANDBOX_STATE) and a
// production build of the portal (next build ran first) on PORTAL_URL.
const portalUrl = process.env.PORTAL_URL ?? "http://127.0.0.1:3100";
const port = new URL(portalUrl).port;
const state = process.env.SANDBOX_STATE ? readSandboxState() : undefined;

export default defineConfig({
  testDir: "./e2e",
  // The README's screenshots (e2e/readme-screenshots.ts) are taken only by `npm run screenshots`.
  testMatch: process.env.PORTAL_README_SCREENSHOTS ? "readme-screenshots.ts" : "**/*.spec.ts",
  // One baseline set, named without platform or browser: every run uses the same /usr/bin/chromium.
  snapshotPathTemplate: "{testDir}/__screenshots__/{testFileName}/{arg}{ext}",
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL: portalUrl,
    trace: "retain-on-failure",
    launchOptions: CHROMIUM,
  },
  webServer: state
    ? {
        // Tied to this process's life (exec: Playwright runs it through a shell, which would
        // otherwise stay its parent), so a killed test run leaves no portal behind.
        command: [
          "exec",
          ...diesWithParent("node", ["node_modules/next/dist/bin/next", "start", "-p", port, "-H", "127.0.0.1"]).flat(),
        ].join(" "),
        url: `${portalUrl}/api/healthz`,
        timeout: 120_000,
        reuseExistingServer: false,
        // PORTAL_EXPOSE_STATS: GET /api/live/stats for the shared-watch test; never set in production.
        env: { ...portalEnv(state, portalUrl), PORTAL_EXPOSE_STATS: "1" },
        stdout: "pipe",
        stderr: "pipe",
      }
    : undefined,
});
