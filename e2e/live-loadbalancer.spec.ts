// Live status: alice creates a LoadBalancer through the form; its detail page advances
// to Ready without a reload, Test traffic goes through the real gateway, and a second browser
// sees the list's row appear, change and vanish live.
import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { openTab, testTrafficButton } from "./support/detail-page";
import { expectAllStagesDone, loadBalancerSpec, markDocument, signInLive } from "./support/live";
import { createThroughForm, LB } from "./support/loadbalancer";
import { user } from "./support/sandbox";

const NAME = "live-e2e";
const consumer = loadBalancerSpec(NAME);

test("created through the form, a LoadBalancer goes live to Ready on both pages, and serves traffic", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  // The second browser: alice's list of LoadBalancers, open before this one exists.
  const watcher = await browser.newContext();
  const dashboard = await watcher.newPage();
  await signInLive(dashboard, user("alice"), "/loadbalancers");
  await expect(dashboard.getByRole("heading", { level: 1, name: "LoadBalancers" })).toBeVisible();
  await expect(dashboard.getByText("Live: this page updates by itself")).toBeVisible();
  const row = dashboard.locator(`[data-row="default/${NAME}"]`);
  await expect(row).toHaveCount(0);
  const dashboardNotReloaded = await markDocument(dashboard);
  await expectAccessible(dashboard);

  await signInLive(page, user("alice"), "/loadbalancers/new");
  await createThroughForm(page, NAME);
  const detailNotReloaded = await markDocument(page);

  // The row appears on the other browser's list by itself.
  await expect(row).toBeVisible({ timeout: 30_000 });
  await expect(row.getByRole("link", { name: NAME })).toBeVisible();

  // The detail page walks through the stages and ends Ready, without a reload.
  const status = page.getByTestId("status-summary");
  await expect(status).toHaveAttribute("data-ready", "true", { timeout: 120_000 });
  await expectAllStagesDone(page);
  await expect(page.locator('[data-stage="ready"]')).toContainText("Done");
  await openTab(page, "Objects");
  const provider = page.getByRole("heading", { name: "On the provider cluster" }).locator("..");
  for (const kind of ["LoadBalancer", "ConfigMap", "ReferenceGrant", "Gateway", "Service", "HTTPRoute"]) {
    await expect(provider.locator(`[data-object="${kind}"][data-present="true"]`).first()).toBeVisible();
  }
  await provider.getByText(`YAML of Gateway ${NAME}-gw`).click();
  const gatewayYaml = provider.locator("details", { hasText: `YAML of Gateway ${NAME}-gw` }).locator("pre");
  await expect(gatewayYaml).toBeVisible();
  await expect(gatewayYaml).toContainText("kind: Gateway");
  await expectAccessible(page);

  // The list's row followed: Ready with an address, at the last stage, said once.
  await expect(row).toHaveAttribute("data-bucket", "ready", { timeout: 60_000 });
  await expect(row).toHaveAttribute("data-stage", "ready");
  await expect(row.locator('[data-col="address"]')).not.toHaveText("—");
  await expect(row.getByTestId("status-pill")).toHaveText(/^Ready/);

  // Test traffic: through the gateway with the domain as Host; the echo shows the ConfigMap's header.
  await testTrafficButton(page).click();
  const response = page.getByRole("region", { name: "Test traffic response" });
  await expect(response.getByTestId("traffic-status")).toHaveText("200 OK", { timeout: 20_000 });
  // A check, not a dump: the header received against the ConfigMap's value; the raw exchange folded.
  const check = response.getByTestId("header-check");
  await expect(check).toHaveAttribute("data-state", "match");
  await expect(check).toContainText("Matches");
  await expect(check).toContainText("X-Custom-Message: hello-kube-bind");
  await expect(response.getByTestId("echoed-headers")).toBeHidden();
  await response.getByText("Raw exchange").click();
  await expect(
    response.getByTestId("echoed-headers").getByText("X-Custom-Message: hello-kube-bind", { exact: true }),
  ).toBeVisible();
  await expect(response).toContainText(`Host: ${NAME}.example.com`);

  // The whole detail page in dark mode, in the other browser (the first page stays unreloaded).
  const dark = await watcher.newPage();
  await dark.goto("/catalog");
  await dark.evaluate(() => localStorage.setItem("theme", "dark"));
  await dark.goto(`/loadbalancers/default/${NAME}`);
  await expect(dark.locator("html")).toHaveClass(/dark/);
  await expect(dark.getByTestId("status-summary")).toHaveAttribute("data-ready", "true");
  await testTrafficButton(dark).click();
  await expect(dark.getByRole("region", { name: "Test traffic response" }).getByTestId("header-check")).toHaveAttribute(
    "data-state",
    "match",
  );
  await expectAccessible(dark);
  await dark.close();

  // Filtering the list: by stage (one chip) and by text.
  const chips = dashboard.getByRole("list", { name: "Your LoadBalancers by stage" });
  await chips.getByRole("button", { name: /^Ready/ }).click();
  await expect(row).toBeVisible();
  await chips.getByRole("button", { name: /^Failed/ }).click();
  await expect(row).toHaveCount(0);
  await chips.getByRole("button", { name: /^Ready/ }).click();
  await dashboard.getByLabel("Search", { exact: true }).fill("no-such-load-balancer");
  await expect(row).toHaveCount(0);
  await dashboard.getByLabel("Search", { exact: true }).fill(`${NAME}.example`);
  await expect(row).toBeVisible();
  await chips.getByRole("button", { name: /^All/ }).click();

  // Deleted elsewhere: the row vanishes and the detail page says so, both live.
  await consumer().delete({ ...LB, namespace: "default", name: NAME });
  await expect(row).toHaveCount(0, { timeout: 90_000 });
  await expect(page.getByText(`There is no LoadBalancer ${NAME} in namespace default`)).toBeVisible({
    timeout: 90_000,
  });
  await dashboardNotReloaded();
  await detailNotReloaded();
  await watcher.close();
});
