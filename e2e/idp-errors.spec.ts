import { expect, test } from "@playwright/test";
import { startPortal } from "./support/portal-process";
import { user } from "./support/sandbox";
import { loginAtIdp } from "./support/sign-in";

// Each test runs its own portal process with one setting broken, against the real IdP.

test("a wrong client secret ends on the error page, not a stack trace", async ({ page }) => {
  const portal = await startPortal(() => ({ OIDC_CLIENT_SECRET: "not-the-secret" }));
  try {
    await page.goto(`${portal.url}/signin`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await loginAtIdp(page, user("alice"));
    const allow = page.getByRole("button", { name: "Allow" });
    await expect(allow.or(page.getByRole("heading", { level: 1 })).first()).toBeVisible();
    if (await allow.isVisible()) await allow.click();
    await expect(page).toHaveURL(new RegExp(`^${portal.url}/auth/error`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("The identity provider refused the sign-in");
    await expect(page.getByText(/client id and secret/)).toBeVisible();
    await expect(page.locator("body")).not.toContainText(/at .*\.js:\d+/);
  } finally {
    await portal.stop();
  }
});

test("an unreachable identity provider ends on the error page with what to do", async ({ page }) => {
  // A port nothing listens on.
  const portal = await startPortal(() => ({ OIDC_ISSUER_URL: "http://127.0.0.1:9" }));
  try {
    await page.goto(`${portal.url}/signin`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(new RegExp(`^${portal.url}/auth/error`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("The identity provider could not be reached");
    await expect(page.getByText("What to do:")).toBeVisible();
    const ready = await page.request.get(`${portal.url}/api/readyz`);
    expect(ready.status()).toBe(503);
    const body = await ready.json();
    expect(body.checks.find((c: { name: string }) => c.name === "oidc-discovery")).toMatchObject({ ok: false });
  } finally {
    await portal.stop();
  }
});

test("a missing setting stops the portal with one message naming every bad variable", async () => {
  const { spawnSync } = await import("node:child_process");
  const port = new URL(process.env.PORTAL_SPARE_URL ?? "http://127.0.0.1:3999").port;
  const result = spawnSync("node", ["node_modules/next/dist/bin/next", "start", "-p", port, "-H", "127.0.0.1"], {
    env: {
      PATH: process.env.PATH,
      NEXT_TELEMETRY_DISABLED: "1",
      SESSION_SECRET: "short",
    } as unknown as NodeJS.ProcessEnv,
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain("Invalid portal configuration");
  for (const v of ["PORTAL_URL", "SESSION_SECRET", "OIDC_ISSUER_URL", "OIDC_CLIENT_ID", "CONSUMER_KUBECONFIG"]) {
    expect(result.stderr).toContain(`${v}:`);
  }
});
