// The LoadBalancer page: a header with name, live status pill, address and the actions above the
// fold; tabs reachable by click, keyboard and URL; the request path drawn with each hop's state;
// Edit and Delete lead to the settings form and the delete flow; no sideways scroll on a phone.
import { expect, type Page, test } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { openTab, testTrafficButton } from "./support/detail-page";
import { consumerAsAlice, createLoadBalancer, loadBalancerSpec, signInLive } from "./support/live";
import { removeLoadBalancer } from "./support/loadbalancer";
import { user } from "./support/sandbox";

const NAME = "detail-e2e";
const BROKEN = "detail-e2e-broken";
const consumer = loadBalancerSpec(NAME, { create: true });
const page = (name: string, query = "") => `/loadbalancers/default/${name}${query}`;

test.beforeAll(async () => {
  // A LoadBalancer whose target Service namespace does not exist, made as alice with kubectl's rights.
  const alice = await consumerAsAlice();
  await removeLoadBalancer(consumer(), BROKEN);
  await createLoadBalancer(alice, BROKEN, { header: "x", spec: { targetServiceNamespace: "no-such-namespace" } });
});

test.afterAll(async () => {
  test.setTimeout(120_000);
  await removeLoadBalancer(consumer(), BROKEN);
});

async function openReady(p: Page, query = "") {
  await signInLive(p, user("alice"), page(NAME, query));
  await expect(p.getByTestId("status-summary")).toHaveAttribute("data-ready", "true", { timeout: 120_000 });
}

const selectedTab = (p: Page) => p.getByRole("tab", { selected: true });

test("the header shows name, Ready pill, address and the three actions above the fold at 1440×900", async ({
  page: p,
}) => {
  test.setTimeout(180_000);
  await p.setViewportSize({ width: 1440, height: 900 });
  await openReady(p);
  const header = p.locator("header", { has: p.getByRole("heading", { level: 1, name: `LoadBalancer ${NAME}` }) });
  await expect(header.locator("[data-bucket]")).toHaveText("Ready");
  await expect(header.getByTestId("lb-address").locator("code")).toHaveText(/\S+/);
  await expect(header).toContainText(`${NAME}.example.com`);
  for (const action of ["Test traffic", "Edit", "Delete"]) {
    const button = header.getByRole("button", { name: action, exact: true });
    await expect(button).toBeInViewport({ ratio: 1 });
  }
  expect(await p.evaluate(() => window.scrollY)).toBe(0);
  await expectAccessible(p);

  // Test traffic runs from the header; its result stays while the tabs change.
  await testTrafficButton(p).click();
  const response = p.getByRole("region", { name: "Test traffic response" });
  await expect(response.getByTestId("traffic-status")).toHaveText("200 OK", { timeout: 20_000 });
  await expect(response.getByTestId("header-check")).toHaveAttribute("data-state", "match");
  await openTab(p, "Events");
  await expect(response.getByTestId("traffic-status")).toHaveText("200 OK");
});

test("each tab opens by click, by keyboard and by URL, and a reload keeps it", async ({ page: p }) => {
  test.setTimeout(180_000);
  await openReady(p);
  await expect(selectedTab(p)).toHaveText("Overview");
  await expect(p.getByRole("list", { name: "Provisioning stages" })).toBeVisible();

  // By click: the URL names the tab, and a reload opens it again.
  await openTab(p, "Objects");
  await expect(p).toHaveURL(/\?tab=objects$/);
  await expect(p.getByRole("heading", { name: "Request path" })).toBeVisible();
  await p.reload();
  await expect(selectedTab(p)).toHaveText("Objects");
  await expect(p.getByRole("list", { name: "Request path" })).toBeVisible();

  // By keyboard: arrows move along the tabs, Home and End to either end.
  await selectedTab(p).focus();
  await p.keyboard.press("ArrowRight");
  await expect(selectedTab(p)).toHaveText("Settings");
  await expect(selectedTab(p)).toBeFocused();
  await expect(p).toHaveURL(/\?tab=settings$/);
  await expect(p.getByRole("heading", { name: "Change settings" })).toBeVisible();
  await p.keyboard.press("ArrowRight");
  await expect(selectedTab(p)).toHaveText("YAML");
  await p.keyboard.press("End");
  await expect(selectedTab(p)).toHaveText(/^Events \(\d+\)$/);
  await expect(p.getByRole("heading", { name: "Events", exact: true })).toBeVisible();
  await p.keyboard.press("Home");
  await expect(selectedTab(p)).toHaveText("Overview");
  await expect(p).toHaveURL(new RegExp(`/loadbalancers/default/${NAME}$`));

  // By URL.
  await p.goto(page(NAME, "?tab=yaml"));
  await expect(selectedTab(p)).toHaveText("YAML");
  const yaml = p.getByRole("region", { name: "YAML of LoadBalancer", exact: true });
  await expect(yaml.locator("pre")).toContainText("kind: LoadBalancer");
  await expect(yaml.locator("pre")).toContainText(`domain: ${NAME}.example.com`);
  await expect(p.getByRole("region", { name: "YAML of Gateway" }).locator("pre")).toContainText("kind: Gateway");
  await p.goto(page(NAME, "?tab=settings"));
  await expect(selectedTab(p)).toHaveText("Settings");
  await p.goto(page(NAME, "?tab=no-such-tab"));
  await expect(selectedTab(p)).toHaveText("Overview");
  await expectAccessible(p);
});

test("the request path of a Ready LoadBalancer: every hop done, said in words", async ({ page: p }) => {
  test.setTimeout(180_000);
  await openReady(p, "?tab=objects");
  const path = p.getByRole("list", { name: "Request path" });
  const ids = ["client", "envoy", "gateway", "route", "backend"];
  await expect(path.locator("[data-node]")).toHaveCount(ids.length);
  for (const id of ids) {
    const node = path.locator(`[data-node="${id}"]`);
    await expect(node).toHaveAttribute("data-state", "done");
    await expect(node).toContainText("Done");
  }
  await expect(path.locator('[data-node="gateway"]')).toContainText(`${NAME}-gw`);
  await expect(path.locator('[data-node="backend"]')).toContainText("default/backend:30080");
  // The two-cluster object tree is on the same tab.
  await expect(p.getByRole("heading", { name: "On the provider cluster" })).toBeVisible();
});

test("a target Service namespace that does not exist: one hop is red and says why, the overview says what blocks", async ({
  page: p,
}) => {
  test.setTimeout(180_000);
  await signInLive(p, user("alice"), page(BROKEN, "?tab=objects"));
  const path = p.getByRole("list", { name: "Request path" });
  const stopped = path.locator('[data-node][data-state="blocked"], [data-node][data-state="failed"]');
  await expect(stopped).toHaveCount(1, { timeout: 120_000 });
  await expect(stopped).toContainText(/Blocked|Failed/);
  await expect(stopped).toContainText("no-such-namespace");
  await openTab(p, "Overview");
  await expect(p.getByTestId("what-blocks")).toContainText("What blocks it");
  await expect(p.getByTestId("status-summary")).toHaveAttribute("data-ready", "false");
});

test("Edit opens the Settings tab at the form; Delete opens the delete flow", async ({ page: p }) => {
  test.setTimeout(180_000);
  await openReady(p);
  await p.getByRole("button", { name: "Edit", exact: true }).click();
  await expect(selectedTab(p)).toHaveText("Settings");
  await expect(p).toHaveURL(/\?tab=settings$/);
  await expect(p.getByRole("heading", { name: "Change settings" })).toBeFocused();
  await expect(p.getByLabel("Header value (custom-header)")).toHaveValue("hello-kube-bind");
  await expect(p.getByRole("button", { name: "Review changes" })).toBeVisible();

  await openTab(p, "Overview");
  await p.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(selectedTab(p)).toHaveText("Settings");
  const form = p.getByRole("form", { name: `Delete LoadBalancer ${NAME}` });
  await expect(form).toBeVisible();
  await expect(form.getByLabel(`Type ${NAME} to confirm`)).toBeFocused();
  await expect(form).toContainText(`Gateway ${NAME}-gw`);
  await form.getByRole("button", { name: "Cancel" }).click();
  await expect(form).toHaveCount(0);
  // Nothing was deleted.
  await expect(p.getByTestId("status-summary")).toHaveAttribute("data-ready", "true");
});

test("at 390 px wide no tab scrolls the page sideways; the diagram runs top to bottom", async ({ page: p }) => {
  test.setTimeout(180_000);
  await p.setViewportSize({ width: 390, height: 844 });
  await openReady(p);
  for (const tab of ["Overview", "Objects", "Settings", "YAML", "Events"] as const) {
    await openTab(p, tab);
    const overflow = await p.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `${tab} scrolls sideways`).toBe(0);
  }
  await openTab(p, "Objects");
  const client = await p.locator('[data-node="client"]').boundingBox();
  const backend = await p.locator('[data-node="backend"]').boundingBox();
  expect(backend?.y).toBeGreaterThan((client?.y ?? 0) + (client?.height ?? 0));
  await expectAccessible(p);
});
