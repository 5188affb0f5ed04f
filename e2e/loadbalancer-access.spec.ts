// Bob (team-b) cannot see, change or delete alice's LoadBalancers or ConfigMaps through
// any page or action — including server actions called with alice's namespace and name.
import { expect, type Page, test } from "@playwright/test";
import type { KubeClient } from "../lib/k8s/client";
import { boundConsumer } from "./support/bind-consumer";
import { createLoadBalancer } from "./support/live";
import { CM, exists, formReady, LB, removeLoadBalancer, signInTo } from "./support/loadbalancer";
import { user } from "./support/sandbox";

const rand = Math.random().toString(36).slice(2, 7);
const ALICE_LB = `alice-lb-${rand}`;
const BOB_LB = `bob-lb-${rand}`;
let consumer: KubeClient;

const seed = (namespace: string, name: string, header: string) =>
  createLoadBalancer(consumer, name, { namespace, header });

test.beforeAll(async ({ browser }) => {
  consumer = await boundConsumer(browser);
  await seed("default", ALICE_LB, "alice-secret-header");
  await seed("team-b", BOB_LB, "bob-header");
});

test.afterAll(async () => {
  for (const [ns, name] of [
    ["default", ALICE_LB],
    ["team-b", BOB_LB],
  ])
    await removeLoadBalancer(consumer, name, ns);
});

async function aliceObjectsUntouched() {
  const cm = await consumer.get({ ...CM, namespace: "default", name: `${ALICE_LB}-config` });
  expect(cm.data).toEqual({ "custom-header": "alice-secret-header" });
  const lb = await consumer.get({ ...LB, namespace: "default", name: ALICE_LB });
  expect(lb.metadata.deletionTimestamp).toBeUndefined();
  expect(lb.spec).toMatchObject({ domain: `${ALICE_LB}.example.com`, targetPort: 30080 });
}

/** Rewrites every server action call of this page so it names alice's LoadBalancer instead of bob's. */
async function retargetActionsToAlice(page: Page) {
  await page.route("**/loadbalancers/team-b/**", async (route) => {
    const req = route.request();
    if (req.method() !== "POST" || !req.headers()["next-action"]) return route.continue();
    const body = (req.postData() ?? "").replaceAll(BOB_LB, ALICE_LB).replaceAll('"team-b"', '"default"');
    await route.continue({ postData: body });
  });
}

test("bob sees neither alice's LoadBalancer nor her ConfigMap on any page", async ({ page }) => {
  await signInTo(page, user("bob"), "/loadbalancers");
  await expect(page.getByRole("link", { name: BOB_LB })).toBeVisible();
  await expect(page.getByText(ALICE_LB)).toHaveCount(0);

  await page.goto(`/loadbalancers/default/${ALICE_LB}`);
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  await expect(
    page.getByText("You may not read LoadBalancers in namespace default on the consumer cluster."),
  ).toBeVisible();
  for (const hidden of [`${ALICE_LB}.example.com`, "alice-secret-header", "Delete…", "Review changes"]) {
    await expect(page.getByText(hidden)).toHaveCount(0);
  }

  await page.goto("/loadbalancers/new");
  await expect(page.getByLabel("Namespace", { exact: true }).locator("option")).toHaveText(["team-b"]);
  await page.getByLabel("Use an existing ConfigMap").check();
  const options = page.getByLabel("ConfigMap in team-b").locator("option");
  await expect(options).toHaveText(["Choose a ConfigMap…", `${BOB_LB}-config`]);
  const services = await page
    .getByLabel(/Pick a Service from your cluster/)
    .locator("option")
    .allTextContents();
  expect(services.some((s) => s.includes("in default"))).toBe(false);

  await page.goto("/apis/networking.kro.run/v1alpha1/loadbalancers");
  await expect(page.getByLabel("Namespace", { exact: true }).locator("option")).toHaveText(["team-b"]);
});

test("bob's create action refuses alice's namespace", async ({ page }) => {
  await signInTo(page, user("bob"), "/loadbalancers/new");
  await formReady(page, "Review");
  const select = page.getByLabel("Namespace", { exact: true });
  await select.evaluate((el: HTMLSelectElement) => el.add(new Option("default", "default")));
  await select.selectOption("default");
  await page.getByLabel("Name", { exact: true }).fill(ALICE_LB);
  await page.getByLabel("Domain", { exact: true }).fill("evil.example.com");
  await page.getByLabel("Target Service", { exact: true }).fill("backend");
  await page.getByLabel("Target Service namespace", { exact: true }).fill("default");
  await page.getByLabel("Value 1").fill("bob-was-here");
  await page.getByRole("button", { name: "Review" }).click();
  await expect(page.locator("#field-namespace-error")).toHaveText(
    /^bob@example\.com may not create LoadBalancers in namespace default/,
  );
  await aliceObjectsUntouched();
});

test("bob's edit and delete actions, aimed at alice's LoadBalancer, are refused", async ({ page }) => {
  await signInTo(page, user("bob"), `/loadbalancers/team-b/${BOB_LB}?tab=settings`);
  await expect(page.getByRole("heading", { name: `LoadBalancer ${BOB_LB}` })).toBeVisible();
  await retargetActionsToAlice(page);
  await formReady(page, "Review changes");

  await page.getByLabel("Header value (custom-header)").fill("bob-was-here");
  await page.getByRole("button", { name: "Review changes" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Nothing was changed" })).toContainText(
    "bob@example.com may not update LoadBalancers in namespace default",
  );

  await page.getByRole("button", { name: "Delete…" }).click();
  await page.getByLabel(`Type ${BOB_LB} to confirm`).fill(BOB_LB);
  await page.getByLabel(`Also delete the ConfigMap ${BOB_LB}-config from your cluster`).check();
  await page.getByRole("button", { name: "Delete LoadBalancer" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Nothing was deleted" })).toContainText(
    "bob@example.com may not delete LoadBalancers in namespace default",
  );

  await aliceObjectsUntouched();
  expect(await exists(consumer, LB, "team-b", BOB_LB)).toBe(true);
});
