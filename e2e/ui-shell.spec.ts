// The shell and its design system across pages, widths and themes: no sideways scrolling at
// 360, 768 (where the header folds) and 1440 px, no console errors, axe clean, a header that folds into a keyboard menu below 768 px,
// 404s with navigation, errors that stay beside their button, and the catalog's bind state.
import { expect, type Page, test } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { testTrafficButton } from "./support/detail-page";
import { loadBalancerSpec } from "./support/live";
import { expectNoHorizontalScroll, watchConsole } from "./support/page-health";
import { localBindingNamespace } from "./support/provider-console";
import { user } from "./support/sandbox";
import { signIn } from "./support/sign-in";

const NAME = "ui-shell-e2e";
const WIDTHS = [360, 768, 1440];
const THEMES = ["light", "dark"] as const;
const NOT_FOUND = new Set(["/no-such-page"]);
loadBalancerSpec(NAME, { create: true });

/** Visits each path at each width and theme: fits, no console errors, accessible. */
async function sweep(page: Page, paths: string[], ready: (page: Page) => Promise<void> = async () => {}) {
  const console = watchConsole(page);
  for (const theme of THEMES) {
    await page.evaluate((t) => localStorage.setItem("theme", t), theme);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      for (const path of paths) {
        await page.goto(path);
        await expect(page.locator("html")).toHaveClass(theme === "dark" ? /dark/ : /^(?!.*dark).*$/);
        await expect(page.locator("main").first()).toBeVisible();
        await ready(page);
        await expectNoHorizontalScroll(page);
        await expectAccessible(page);
        // A 404 page's own document is reported by the browser as a failed load; nothing else may be.
        const problems = console
          .problems()
          .filter(
            (p) =>
              !(
                NOT_FOUND.has(path) &&
                p === "console: Failed to load resource: the server responded with a status of 404 (Not Found)"
              ),
          );
        expect(problems, `${path} at ${width} px, ${theme}`).toEqual([]);
        console.clear();
      }
    }
  }
}

test("public pages fit 360 px, log no errors and are accessible in both themes", async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto("/signin");
  await sweep(page, ["/signin", "/signout", "/auth/error?error=access_denied", "/no-such-page"]);
});

test("every signed-in page fits 360 px, logs no errors and is accessible in both themes", async ({ page }) => {
  test.setTimeout(450_000);
  await signIn(page, user("alice"));
  await sweep(page, [
    "/",
    "/catalog",
    "/catalog/loadbalancer",
    "/loadbalancers",
    "/loadbalancers/new",
    `/loadbalancers/default/${NAME}`,
    "/apis/networking.kro.run/v1alpha1/loadbalancers",
    "/?session_id=ui-shell&redirect_url=http://127.0.0.1:9/callback",
  ]);
});

test("the provider console fits 360 px, logs no errors and is accessible for the admin", async ({ page }) => {
  test.setTimeout(360_000);
  await signIn(page, user("admin"));
  const namespace = await localBindingNamespace();
  await sweep(page, ["/provider", `/provider/consumers/${namespace}`], async (p) => {
    await expect(p.getByRole("heading", { level: 1 })).toBeVisible({ timeout: 30_000 });
  });
});

test("below 768 px the header folds into a menu that works from the keyboard", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, user("alice"), "/loadbalancers");
  const header = page.locator("header");
  // The wide navigation and account menu are hidden; the brand stays on one line.
  await expect(header.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByTestId("user-menu")).toBeHidden();
  const brand = header.getByText("kube-bind portal", { exact: true });
  const box = await brand.boundingBox();
  expect(box?.height ?? 0).toBeLessThan(30);
  const menu = page.getByRole("button", { name: "Open menu" });
  await menu.focus();
  await page.keyboard.press("Enter");
  const items = page.getByRole("menu", { name: "Menu" });
  await expect(items.getByRole("menuitem", { name: "LoadBalancers" })).toHaveAttribute("aria-current", "page");
  await expect(items.getByTestId("user-name")).toHaveText(user("alice").name);
  await expect(items.getByTestId("user-groups")).toContainText("team-a");
  // Arrow down to Catalog (the second item) and follow it with Enter.
  await expect(items.getByRole("menuitem", { name: "Dashboard" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(items.getByRole("menuitem", { name: "Catalog" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/catalog$/);
  // Escape closes it and gives focus back to the button.
  await menu.click();
  await expect(items).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(items).toBeHidden();
  await expect(menu).toBeFocused();

  // From 768 px the links and the account menu are back in the header.
  await page.setViewportSize({ width: 1024, height: 800 });
  await expect(header.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Catalog" })).toBeVisible();
  await expect(menu).toBeHidden();
});

test("on a phone condition messages stay readable: no column squeezed to a word per line", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, user("alice"), `/loadbalancers/default/${NAME}`);
  const rows = page.locator("tr[data-condition]");
  await expect(rows.first()).toBeVisible({ timeout: 60_000 });
  const lines = (cell: ReturnType<Page["locator"]>) =>
    cell.evaluate((td) => {
      const range = document.createRange();
      range.selectNodeContents(td);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
  for (const row of await rows.all()) {
    // The status and reason on one line each; a message column wide enough for several words.
    expect(await lines(row.locator("td").nth(1))).toBe(1);
    expect(await lines(row.locator("td").nth(2))).toBe(1);
    expect((await row.locator("td").nth(3).boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(200);
  }
  await expectNoHorizontalScroll(page);
});

test("server HTML carries no style attributes, which a strict Content-Security-Policy would block", async ({
  page,
}) => {
  await signIn(page, user("alice"));
  for (const path of ["/signin", "/catalog", "/catalog/loadbalancer", `/loadbalancers/default/${NAME}`]) {
    const html = (await (await page.goto(path))?.text()) ?? "";
    expect(html.match(/<[a-z][^>]*\sstyle="[^"]*"[^>]*>/g) ?? [], path).toEqual([]);
  }
});

test("the favicon is served", async ({ request, page }) => {
  await page.goto("/signin");
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(href).toBeTruthy();
  const icon = await request.get(href ?? "/icon.svg");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
});

test("unknown addresses answer 404 inside the shell, with the navigation", async ({ page }) => {
  await signIn(page, user("alice"));
  for (const path of ["/apis/x/y/z", `/loadbalancers/default/${NAME}-missing`, "/catalog/no-such-export", "/nowhere"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Catalog" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Go to the dashboard" })).toBeVisible();
  }
  // In the dark theme too (Next renders these pages in the browser, without the theme script).
  await page.evaluate(() => localStorage.setItem("theme", "dark"));
  await page.goto("/apis/x/y/z");
  await expect(page.locator("html")).toHaveClass(/dark/);
  await expectAccessible(page);
});

test("a failed Test traffic call is shown beside the button and the page stays", async ({ page }) => {
  await signIn(page, user("alice"), `/loadbalancers/default/${NAME}`);
  const heading = page.getByRole("heading", { level: 1, name: `LoadBalancer ${NAME}` });
  await expect(heading).toBeVisible();
  const button = testTrafficButton(page);
  await expect(button).toBeEnabled();
  // Server actions are POSTs with a Next-Action header: cut those, then make them fail on the server.
  const isAction = (r: { method(): string; headers(): Record<string, string> }) =>
    r.method() === "POST" && "next-action" in r.headers();
  await page.route("**/*", (route) =>
    isAction(route.request()) ? route.abort("internetdisconnected") : route.fallback(),
  );
  await expect(async () => {
    await button.click({ timeout: 2_000 });
    await expect(page.getByTestId("traffic-error")).toContainText("could not be reached", { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  await expect(heading).toBeVisible();
  await expect(page.getByText("This page could not be shown")).toHaveCount(0);

  await page.unroute("**/*");
  await page.route("**/*", (route) =>
    isAction(route.request()) ? route.fulfill({ status: 500, body: "boom" }) : route.fallback(),
  );
  await button.click();
  await expect(page.getByTestId("traffic-error")).toContainText("could not finish this request");
  await expect(heading).toBeVisible();
  await expect(page.getByText("This page could not be shown")).toHaveCount(0);
});

test("the catalog knows the binding: the admin sees it bound by the portal, with no Bind offered", async ({ page }) => {
  await signIn(page, user("admin"), "/catalog");
  const card = page.locator('[data-export="loadbalancer"]');
  await expect(card.locator('[data-bind-state="bound"]')).toContainText("APIServiceBinding loadbalancer");
  await expect(card.getByTestId("konnector-health")).toBeVisible();
  await expect(card.getByRole("link", { name: /^Bind / })).toHaveCount(0);
  await card.getByRole("link", { name: "Details of loadbalancer" }).click();
  await expect(page.getByRole("heading", { name: "Already bound" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Allow and bind to my cluster" })).toHaveCount(0);
});

test("alice, whose cluster serves the API, sees it bound by her cluster administrator", async ({ page }) => {
  await signIn(page, user("alice"), "/catalog");
  const card = page.locator('[data-export="loadbalancer"]');
  await expect(card.locator('[data-bind-state="bound-by-admin"]')).toContainText("Bound by your cluster administrator");
  await page.goto("/catalog/loadbalancer");
  await expect(page.getByText("Bound by your cluster administrator")).toBeVisible();
  await expect(page.getByText("kubectl bind", { exact: false })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Allow and bind to my cluster" })).toHaveCount(0);
});

test("the consent step speaks plainly: the cluster, what is installed, Cancel, no code marks", async ({ page }) => {
  await signIn(page, user("alice"), "/?session_id=ui-shell&redirect_url=http://127.0.0.1:9/callback");
  const main = page.getByRole("main");
  await expect(main.getByRole("button", { name: "Allow and bind" })).toBeVisible();
  await expect(main.getByRole("button", { name: "Cancel" })).toBeVisible();
  await expect(main).toContainText("The provider reads the ConfigMap named in the LoadBalancer's configMapRef");
  await expect(main).toContainText("the cluster of your current kubectl context");
  await expect(main).toContainText("konnector Deployment");
  await expect(main).toContainText("kubeconfig the konnector uses");
  await expect(main).toContainText("lowercase letters, digits and '-', at most 63 characters");
  expect(await main.innerText()).not.toMatch(/[`]|RFC 1123|The provider may/);
});
