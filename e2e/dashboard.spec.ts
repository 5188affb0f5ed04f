// The dashboard is an overview and the list is one table: counts by stage with Failed apart (a
// LoadBalancer aimed at a target Service namespace it may not use lands there, not under a stage),
// the Failed tile and chip filter to it, its one status pill explains it in plain words, columns
// sort, every time reads in one format, and the New button leads to the form.
import { expect, type Page, test } from "@playwright/test";
import { guideLoadBalancer } from "../test-support/guide";
import { expectAccessible } from "./support/axe";
import { consumerAsAlice, createLoadBalancer, loadBalancerSpec } from "./support/live";
import { LB } from "./support/loadbalancer";
import { expectNoHorizontalScroll } from "./support/page-health";
import { user } from "./support/sandbox";
import { signIn } from "./support/sign-in";

// Names sort: the failing one first by name, the healthy one created last.
const FAILING = "dash-e2e-a-failing";
const HEALTHY = "dash-e2e-b-healthy";
const MISSING_NS = "team-b";
loadBalancerSpec(FAILING);
loadBalancerSpec(HEALTHY);

test.beforeAll(async () => {
  const alice = await consumerAsAlice();
  const failing = await alice.create(
    { ...LB, namespace: "default" },
    guideLoadBalancer(FAILING, { spec: { targetServiceNamespace: MISSING_NS } }),
  );
  // Creation times count in seconds: the healthy one is created in a later second, so it sorts newer.
  const after = Date.parse(String(failing.metadata.creationTimestamp)) + 1_000;
  await expect.poll(() => Date.now(), { timeout: 5_000 }).toBeGreaterThan(after);
  await createLoadBalancer(alice, HEALTHY);
});

/** The one relative time format: "just now" or a number and one unit, then "ago". */
const ONE_FORMAT = /^(just now|\d+[smhd] ago)$/;

async function expectOneTimeFormat(page: Page, scope: string) {
  const times = page.locator(`${scope} time`);
  await expect(times.first()).toHaveText(ONE_FORMAT);
  for (const text of await times.allInnerTexts()) expect(text.trim()).toMatch(ONE_FORMAT);
}

/** The data-row ids of the list, top to bottom. */
const order = (page: Page) =>
  page
    .locator("tr[data-row]")
    .evaluateAll((rows) =>
      rows.map((r) => r.getAttribute("data-row")).filter((r) => r?.startsWith("default/dash-e2e")),
    );

test("the overview counts a failing LoadBalancer as Failed and leads to it in the list", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, user("alice"), "/");
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await expect(page.getByRole("link", { name: "New LoadBalancer" })).toHaveAttribute("href", "/loadbalancers/new");

  // Counts by stage, from the server: the failing one is counted under Failed.
  const tiles = page.getByRole("list", { name: "Your LoadBalancers by stage" });
  await expect(tiles.locator('[data-count="failed"]')).not.toHaveText("0", { timeout: 90_000 });
  const total = Number(await tiles.locator('[data-count="all"]').innerText());
  expect(total).toBeGreaterThanOrEqual(2);

  // Recent changes link to the LoadBalancers' pages; the binding shows its konnector.
  const recent = page.getByRole("list", { name: "Recent changes" });
  await expect(recent.getByRole("link", { name: HEALTHY })).toHaveAttribute(
    "href",
    `/loadbalancers/default/${HEALTHY}`,
  );
  await expect(page.getByRole("list", { name: "Bindings of your cluster" })).toContainText("Bound");
  await expect(page.getByTestId("konnector-health")).toBeVisible();
  await expectOneTimeFormat(page, "main");
  await expectAccessible(page);

  // The Failed tile opens the list filtered to Failed: the failing one, not the healthy one.
  await tiles.locator('[data-tile="failed"]').click();
  await expect(page).toHaveURL(/\/loadbalancers\?stage=failed$/);
  const chips = page.getByRole("list", { name: "Your LoadBalancers by stage" });
  await expect(chips.getByRole("button", { name: /^Failed/ })).toHaveAttribute("aria-pressed", "true");
  const failing = page.locator(`tr[data-row="default/${FAILING}"]`);
  await expect(failing).toBeVisible();
  await expect(page.locator(`tr[data-row="default/${HEALTHY}"]`)).toHaveCount(0);
  for (const bucket of await page.locator("tr[data-row]").evaluateAll((rows) => rows.map((r) => r.dataset.bucket)))
    expect(bucket).toBe("failed");

  // One status: the pill says Failed; its tooltip says why in plain words, naming the field.
  const pill = failing.getByTestId("status-pill");
  await expect(pill).toContainText("Failed");
  await pill.focus();
  const tooltip = page.getByRole("tooltip");
  await expect(tooltip).toContainText(`target Service namespace ${MISSING_NS}`);
  await expect(tooltip).toContainText("spec.targetServiceNamespace");
  await expect(tooltip).not.toContainText("not found");
  await page.keyboard.press("Escape");
  await expect(tooltip).toBeHidden();

  // The same chip again shows all; the search narrows by name.
  await chips.getByRole("button", { name: /^Failed/ }).click();
  await expect(chips.getByRole("button", { name: /^All/ })).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator(`tr[data-row="default/${HEALTHY}"]`)).toBeVisible();
  await page.getByLabel("Search", { exact: true }).fill("dash-e2e-");
  await expect.poll(() => order(page)).toHaveLength(2);
});

test("the list sorts by name and by creation, and shows one time format", async ({ page }) => {
  await signIn(page, user("alice"), "/loadbalancers");
  await page.getByLabel("Search", { exact: true }).fill("dash-e2e-");
  await expect.poll(() => order(page)).toHaveLength(2);

  const header = (name: string) => page.getByRole("columnheader", { name, exact: true });
  await header("Name").getByRole("button").click();
  await expect(header("Name")).toHaveAttribute("aria-sort", "ascending");
  await expect.poll(() => order(page)).toEqual([`default/${FAILING}`, `default/${HEALTHY}`]);
  await header("Name").getByRole("button").click();
  await expect(header("Name")).toHaveAttribute("aria-sort", "descending");
  await expect.poll(() => order(page)).toEqual([`default/${HEALTHY}`, `default/${FAILING}`]);

  // Created: newest first on the first press, the healthy one was created last.
  await header("Created").getByRole("button").click();
  await expect(header("Created")).toHaveAttribute("aria-sort", "descending");
  await expect(header("Name")).not.toHaveAttribute("aria-sort", /./);
  await expect.poll(() => order(page)).toEqual([`default/${HEALTHY}`, `default/${FAILING}`]);

  await expectOneTimeFormat(page, "table");
  // Narrow: the table scrolls inside its own box, the page never sideways.
  await page.setViewportSize({ width: 360, height: 800 });
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);
});

test("the New LoadBalancer button opens the form", async ({ page }) => {
  await signIn(page, user("alice"), "/");
  await page.getByRole("link", { name: "New LoadBalancer" }).click();
  await expect(page).toHaveURL(/\/loadbalancers\/new$/);
  await expect(page.getByRole("form", { name: "New LoadBalancer" })).toBeVisible();
});
