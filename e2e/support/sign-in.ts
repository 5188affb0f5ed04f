import { expect, type Page } from "@playwright/test";
import type { SandboxUser } from "../../sandbox/state";

/** Fills the sandbox identity provider's login form (and consent, when asked). */
export async function loginAtIdp(page: Page, u: { username: string; password: string }) {
  await page.getByLabel("Username").fill(u.username);
  await page.getByLabel("Password").fill(u.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in through the portal's sign-in page and the real OIDC provider; ends on `path`. */
export async function signIn(page: Page, u: SandboxUser, path = "/") {
  await page.goto(path);
  await expect(page).toHaveURL(/\/signin/);
  await page.getByRole("button", { name: "Sign in" }).click();
  await loginAtIdp(page, u);
  const allow = page.getByRole("button", { name: "Allow" });
  // The consent page appears on a first sign-in; wait for either it or the portal.
  await expect(allow.or(page.getByTestId("signed-in-as")).or(page.locator("main h1")).first()).toBeVisible();
  if (await allow.isVisible()) await allow.click();
  await page.waitForURL((url) => !url.pathname.startsWith("/interaction") && !url.pathname.startsWith("/signin"));
}
