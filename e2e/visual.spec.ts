// Visual baselines: the main pages at desktop, tablet and phone widths in both themes, compared
// with the committed screenshots in e2e/__screenshots__/. After an intended UI change, regenerate
// them with `npm run test:visual -- --update-snapshots` and look at the new images before
// committing. What changes from run to run (clock-relative times, other specs' LoadBalancers,
// stage counts) is hidden by e2e/support/visual.css, not tolerated by a looser threshold.
import { expect, type Page, test } from "@playwright/test";
import { expectAllStagesDone, loadBalancerSpec } from "./support/live";
import { formReady } from "./support/loadbalancer";
import { user } from "./support/sandbox";
import { signIn } from "./support/sign-in";
import { VISUAL_LB, visualScreenshot } from "./support/visual";

const WIDTHS = [1440, 768, 390];
const THEMES = ["light", "dark"] as const;
const HEIGHT = 900;
const DETAIL = `/loadbalancers/default/${VISUAL_LB}`;

loadBalancerSpec(VISUAL_LB, { create: true });

// The stylesheet that hides volatile parts is added to the page; the portal's CSP would refuse it.
test.use({ bypassCSP: true });

interface Shot {
  name: string;
  path: string;
  /** the whole page (short pages) or the first screen (long ones) */
  fullPage: boolean;
  /** waits until the page shows what the screenshot is about */
  ready: (page: Page) => Promise<void>;
}

const heading = (page: Page) => expect(page.locator("main h1").first()).toBeVisible();
/**
 * Live pages: the stream is open, both clusters' watches connected (no "Connecting to your
 * cluster…" or outage note) and the konnector running, so the notes say the usual thing.
 */
const streaming = async (page: Page) => {
  await heading(page);
  await expect(page.locator('[data-connection="open"]')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator("[data-health]")).toHaveCount(0, { timeout: 30_000 });
};
const live = async (page: Page) => {
  await streaming(page);
  await expect(page.getByTestId("konnector-health").first()).toHaveAttribute("data-state", "healthy");
};
const ownRow = (page: Page) =>
  expect(page.locator(`tr[data-row="default/${VISUAL_LB}"]`).first()).toHaveAttribute("data-stage", "ready", {
    timeout: 30_000,
  });

const SIGNED_IN: Shot[] = [
  {
    name: "dashboard",
    path: "/",
    fullPage: true,
    ready: async (p) => {
      await live(p);
      await expect(p.locator(`li[data-recent="default/${VISUAL_LB}"] [data-bucket="ready"]`)).toBeVisible({
        timeout: 30_000,
      });
    },
  },
  {
    name: "loadbalancers",
    path: "/loadbalancers",
    fullPage: true,
    ready: async (p) => {
      // The list has no konnector line (the dashboard and the detail page do).
      await streaming(p);
      await ownRow(p);
    },
  },
  {
    name: "detail",
    path: DETAIL,
    fullPage: false,
    ready: async (p) => {
      await live(p);
      await expectAllStagesDone(p, 30_000);
    },
  },
  {
    name: "create",
    path: "/loadbalancers/new",
    fullPage: false,
    ready: async (p) => {
      await heading(p);
      await formReady(p, "Review");
    },
  },
  {
    name: "catalog",
    path: "/catalog",
    fullPage: true,
    ready: (p) => expect(p.locator('[data-export="loadbalancer"] [data-bind-state]')).toBeVisible(),
  },
  {
    name: "catalog-entry",
    path: "/catalog/loadbalancer",
    fullPage: true,
    ready: (p) => expect(p.locator("[data-bind-state]").first()).toBeVisible(),
  },
];

/** Every width and theme of one page. */
async function compare(page: Page, shot: Shot) {
  for (const theme of THEMES) {
    await page.evaluate((t) => localStorage.setItem("theme", t), theme);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: HEIGHT });
      await page.goto(shot.path);
      await expect(page.locator("html")).toHaveClass(theme === "dark" ? /dark/ : /^(?!.*dark).*$/);
      await shot.ready(page);
      await visualScreenshot(page, `${shot.name}-${width}-${theme}.png`, { fullPage: shot.fullPage });
    }
  }
}

test("the sign-in page looks as it did", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/signin");
  await compare(page, { name: "signin", path: "/signin", fullPage: true, ready: heading });
});

test.describe("signed-in pages", () => {
  test.beforeAll(async ({ browser }) => {
    // The LoadBalancer is Ready before any page is compared, so every page shows it the same way.
    test.setTimeout(240_000);
    const page = await browser.newPage();
    await signIn(page, user("alice"), DETAIL);
    await expectAllStagesDone(page, 200_000);
    await page.close();
  });

  for (const shot of SIGNED_IN) {
    test(`${shot.path} looks as it did`, async ({ page }) => {
      test.setTimeout(180_000);
      await signIn(page, user("alice"), "/catalog");
      await compare(page, shot);
    });
  }
});
