// The guide's example through the browser: alice creates my-lb with the ConfigMap
// my-lb-config (custom-header: hello-kube-bind), changes the header, and deletes it.
import { expect, test } from "@playwright/test";
import type { KubeClient } from "../lib/k8s/client";
import { expectAccessible } from "./support/axe";
import { boundConsumer } from "./support/bind-consumer";
import { CM, exists, fillLoadBalancerForm, formReady, LB, removeIfPresent, signInTo } from "./support/loadbalancer";
import { providerAdmin } from "./support/provider";
import { user } from "./support/sandbox";

test.describe.configure({ mode: "serial" });

let consumer: KubeClient;
let provider: KubeClient;

test.beforeAll(async ({ browser }) => {
  consumer = await boundConsumer(browser);
  provider = await providerAdmin();
  await removeIfPresent(consumer, LB, "default", "my-lb");
  await removeIfPresent(consumer, CM, "default", "my-lb-config");
});

test("alice creates my-lb as in the guide, through the form generated from the served CRD", async ({ page }) => {
  await signInTo(page, user("alice"), "/loadbalancers/new");
  // Right after binding the cluster may still be publishing the schema: reload until the form is there.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("form", { name: "New LoadBalancer" })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByLabel("Target port", { exact: true })).toHaveValue("8080"); // the CRD's default
  await expect(page.getByLabel("Namespace", { exact: true }).locator("option")).toHaveText(["default", "team-a"]);
  await expectAccessible(page);

  await fillLoadBalancerForm(page, { namespace: "default", name: "my-lb" });
  await expect(page.getByLabel("ConfigMap name")).toHaveValue("my-lb-config");
  await expect(page.getByLabel("Target Service", { exact: true })).toHaveValue("backend");
  await expect(page.getByLabel("Target Service namespace", { exact: true })).toHaveValue("default");
  await expect(page.getByLabel("Target port", { exact: true })).toHaveValue("30080");

  await page.getByRole("button", { name: "Review" }).click();
  const preview = page.getByRole("region", { name: "Review: what will be created" });
  await expect(preview.getByRole("heading", { name: "Review: what will be created" })).toBeFocused();
  await expect(preview.locator("pre").first()).toContainText("name: my-lb-config");
  await expect(preview.locator("pre").first()).toContainText("custom-header: hello-kube-bind");
  await expect(preview.locator("pre").first()).toContainText("kind: LoadBalancer");
  await preview.getByText("The same with kubectl").click();
  await expect(preview.locator("pre").nth(1)).toContainText("kubectl apply -f - <<'EOF'");
  expect(await exists(consumer, LB, "default", "my-lb")).toBe(false); // a preview creates nothing
  await expectAccessible(page);

  await preview.getByRole("button", { name: "Create LoadBalancer" }).click();
  await expect(page).toHaveURL(/\/loadbalancers\/default\/my-lb$/);
  await expect(page.getByRole("heading", { name: "LoadBalancer my-lb" })).toBeVisible();
  await expect(page.locator('[data-setting="custom-header"]')).toHaveText("hello-kube-bind");

  const cm = await consumer.get({ ...CM, namespace: "default", name: "my-lb-config" });
  expect(cm.data).toEqual({ "custom-header": "hello-kube-bind" });
  const lb = await consumer.get({ ...LB, namespace: "default", name: "my-lb" });
  expect(lb.spec).toEqual({
    domain: "www.example.com",
    configMapRef: "my-lb-config",
    targetService: "backend",
    targetServiceNamespace: "default",
    targetPort: 30080,
  });
  for (const theme of ["light", "dark"]) {
    await page.evaluate((t) => localStorage.setItem("theme", t), theme);
    await page.reload();
    await expectAccessible(page);
  }
});

test("editing the header value updates the ConfigMap", async ({ page }) => {
  await signInTo(page, user("alice"), "/loadbalancers/default/my-lb?tab=settings");
  await formReady(page, "Review changes");
  await page.getByLabel("Header value (custom-header)").fill("hello-again");
  await page.getByRole("button", { name: "Review changes" }).click();
  const preview = page.getByRole("region", { name: "Review: what will change" });
  await expect(preview.locator("pre").first()).toContainText("custom-header: hello-again");
  expect((await consumer.get({ ...CM, namespace: "default", name: "my-lb-config" })).data).toEqual({
    "custom-header": "hello-kube-bind",
  });
  await preview.getByRole("button", { name: "Apply changes" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await expect(page.locator('[data-setting="custom-header"]')).toHaveText("hello-again");
  expect((await consumer.get({ ...CM, namespace: "default", name: "my-lb-config" })).data).toEqual({
    "custom-header": "hello-again",
  });
  // The LoadBalancer itself is unchanged.
  expect((await consumer.get({ ...LB, namespace: "default", name: "my-lb" })).spec).toMatchObject({
    domain: "www.example.com",
    targetPort: 30080,
  });
});

test("deleting asks for the name, lists the provider side, and removes the LoadBalancer", async ({ page }) => {
  await signInTo(page, user("alice"), "/loadbalancers/default/my-lb");
  // kro builds the children within seconds of the sync; reload until the page lists them.
  await expect(async () => {
    await page.reload();
    await page.getByRole("button", { name: "Delete", exact: true }).click();
    const form = page.getByRole("form", { name: "Delete LoadBalancer my-lb" });
    for (const text of [
      "Gateway my-lb-gw",
      "HTTPRoute my-lb-route",
      // named after the LoadBalancer's provider namespace too: it lives in the Service's namespace
      /ReferenceGrant kube-bind-[a-z0-9]+-default-my-lb-grant/,
      "LoadBalancer my-lb",
    ]) {
      await expect(form.getByText(text)).toBeVisible({ timeout: 1_000 });
    }
  }).toPass({ timeout: 60_000 });
  const form = page.getByRole("form", { name: "Delete LoadBalancer my-lb" });
  await expect(page.getByLabel("Type my-lb to confirm")).toBeFocused();
  await expectAccessible(page);

  await page.getByLabel("Type my-lb to confirm").fill("my-lb2");
  await form.getByRole("button", { name: "Delete LoadBalancer" }).click();
  await expect(page.locator("#field-confirm-error")).toHaveText("Type my-lb exactly to confirm the deletion.");
  expect(await exists(consumer, LB, "default", "my-lb")).toBe(true);

  await page.getByLabel("Type my-lb to confirm").fill("my-lb");
  await form.getByLabel("Also delete the ConfigMap my-lb-config from your cluster").check();
  await form.getByRole("button", { name: "Delete LoadBalancer" }).click();
  await expect(page).toHaveURL(/\/loadbalancers$/);
  await expect.poll(() => exists(consumer, LB, "default", "my-lb"), { timeout: 60_000 }).toBe(false);
  expect(await exists(consumer, CM, "default", "my-lb-config")).toBe(false);
  await expect
    .poll(async () => (await provider.list(LB, { fieldSelector: "metadata.name=my-lb" })).items.length, {
      timeout: 60_000,
    })
    .toBe(0);
});
