import { expect, type Page } from "@playwright/test";
import type { SandboxUser } from "../../sandbox/state";

/** Fills the sandbox identity provider's login form (and consent, when asked). */
export async function loginAtIdp(page: Page, u: { username: string; password: string }) {
  await page.getByLabel("Username").fill(u.username);
  await page.getByLabel("Password").fill(u.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * Signs in through the portal's sign-in page and the real OIDC provider; ends on `path`. The
 * sign-in button works once the page has hydrated, so the click is repeated until the browser
 * leaves /signin.
 */
export async function signIn(page: Page, u: SandboxUser, path = "/") {
  await page.goto(path);
  await expect(page).toHaveURL(/\/signin/);
  const button = page.getByRole("button", { name: "Sign in" });
  await expect(async () => {
    if (new URL(page.url()).pathname.startsWith("/signin")) await button.click({ timeout: 2_000 });
    await expect(page).not.toHaveURL(/\/signin/, { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  await loginAtIdp(page, u);
  const allow = page.getByRole("button", { name: "Allow" });
  // The consent page appears on a first sign-in; wait for either it or the portal.
  await expect(allow.or(page.getByTestId("signed-in-as")).or(page.locator("main h1")).first()).toBeVisible();
  if (await allow.isVisible()) await allow.click();
  await page.waitForURL((url) => !url.pathname.startsWith("/interaction") && !url.pathname.startsWith("/signin"));
}

/**
 * Clicks a client-side button until `done` shows: a click before hydration does nothing, so it
 * is repeated (only while nothing has happened yet).
 */
export async function clickWhenHydrated(page: Page, name: string, done: ReturnType<Page["getByText"]>) {
  const button = page.getByRole("button", { name });
  await expect(async () => {
    if (!(await done.isVisible())) await button.click({ timeout: 2_000 });
    await expect(done).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
}
