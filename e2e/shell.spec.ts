import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { user } from "./support/sandbox";
import { signIn } from "./support/sign-in";

test("public pages have no serious accessibility violations", async ({ page }) => {
  for (const path of ["/signin", "/signout", "/auth/error?error=access_denied", "/no-such-page"]) {
    await page.goto(path);
    await expectAccessible(page);
  }
});

test("every signed-in page is accessible in light and dark mode", async ({ page }) => {
  await signIn(page, user("alice"));
  for (const theme of ["light", "dark"]) {
    await page.evaluate((t) => localStorage.setItem("theme", t), theme);
    for (const path of ["/", "/catalog", "/loadbalancers"]) {
      await page.goto(path);
      await expect(page.locator("html")).toHaveClass(theme === "dark" ? /dark/ : /^(?!.*dark).*$/);
      await expectAccessible(page);
    }
  }
});

test("the navigation works from the keyboard", async ({ page }) => {
  await signIn(page, user("alice"));
  await page.goto("/");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  // Tab to the Catalog link and follow it with Enter.
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press("Tab");
    if (await page.getByRole("link", { name: "Catalog", exact: true }).evaluate((el) => el === document.activeElement))
      break;
  }
  await expect(page.getByRole("link", { name: "Catalog", exact: true })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/catalog$/);
  await expect(page.getByRole("link", { name: "Catalog", exact: true })).toHaveAttribute("aria-current", "page");
});

test("the theme toggle switches to dark mode and remembers it", async ({ page }) => {
  await signIn(page, user("alice"));
  await page.evaluate(() => localStorage.setItem("theme", "light"));
  await page.goto("/catalog");
  await page.getByRole("button", { name: /Colour theme: light/ }).click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/dark/);
});

test("the catalog lists the LoadBalancer export", async ({ page }) => {
  await signIn(page, user("alice"), "/catalog");
  await expect(page.getByRole("heading", { name: "loadbalancer" })).toBeVisible();
  await expect(page.getByText("loadbalancers.networking.kro.run (v1alpha1)")).toBeVisible();
});

test("health endpoints answer with named checks", async ({ request }) => {
  const health = await request.get("/api/healthz");
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: "ok", checks: [{ name: "process", ok: true }] });
  const ready = await request.get("/api/readyz");
  expect(ready.status()).toBe(200);
  const body = await ready.json();
  expect(body.checks.map((c: { name: string }) => c.name).sort()).toEqual([
    "consumer-cluster",
    "oidc-discovery",
    "provider-cluster",
  ]);
  expect(body.checks.every((c: { ok: boolean }) => c.ok)).toBe(true);
});
