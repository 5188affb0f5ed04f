// The README's screenshots, written to docs/screenshots/ by `npm run screenshots` (never part of
// `npm test`: playwright.config.ts picks this file only when PORTAL_README_SCREENSHOTS is set).
// Viewport-sized PNGs, so they stay small; the LoadBalancer is Ready before anything is taken.
import { expect, type Page, test } from "@playwright/test";
import { expectAllStagesDone, loadBalancerSpec } from "./support/live";
import { fillLoadBalancerForm } from "./support/loadbalancer";
import { user } from "./support/sandbox";
import { signIn } from "./support/sign-in";

const NAME = "web-frontend";
const DIR = "docs/screenshots";
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

loadBalancerSpec(NAME, { create: true });

async function shoot(page: Page, file: string) {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${DIR}/${file}`, animations: "disabled", caret: "hide", scale: "css" });
}

const live = (page: Page) => expect(page.locator('[data-connection="open"]')).toBeVisible({ timeout: 30_000 });

test("README screenshots", async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize(DESKTOP);
  await signIn(page, user("alice"), `/loadbalancers/default/${NAME}`);
  await page.evaluate(() => localStorage.setItem("theme", "light"));
  await page.reload();
  await expectAllStagesDone(page, 200_000);
  await live(page);
  await shoot(page, "detail-desktop.png");

  await page.goto("/");
  await live(page);
  await expect(page.locator(`li[data-recent="default/${NAME}"] [data-bucket="ready"]`)).toBeVisible();
  await shoot(page, "dashboard-desktop.png");

  await page.goto("/loadbalancers/new");
  await fillLoadBalancerForm(page, { name: "shop", domain: "shop.example.com", header: "hello from the shop" });
  // Filling scrolled the form down; the picture starts at its top, with nothing focused.
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  await shoot(page, "create-desktop.png");

  await page.evaluate(() => localStorage.setItem("theme", "dark"));
  await page.setViewportSize(PHONE);
  await page.goto("/");
  await expect(page.locator("html")).toHaveClass(/dark/);
  await live(page);
  await expect(page.locator(`li[data-recent="default/${NAME}"] [data-bucket="ready"]`)).toBeVisible();
  await shoot(page, "dashboard-phone.png");
});
