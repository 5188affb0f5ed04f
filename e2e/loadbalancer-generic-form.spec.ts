// Any bound export gets a form generated from the schema the consumer serves, at
// /apis/<group>/<version>/<resource>; an address that names no API answers 404.
import { expect, test } from "@playwright/test";
import type { KubeClient } from "../lib/k8s/client";
import { expectAccessible } from "./support/axe";
import { boundConsumer } from "./support/bind-consumer";
import { formReady, LB, removeIfPresent, signInTo } from "./support/loadbalancer";
import { user } from "./support/sandbox";

const name = `generic-${Math.random().toString(36).slice(2, 7)}`;
let consumer: KubeClient;

test.beforeAll(async ({ browser }) => {
  consumer = await boundConsumer(browser);
});

test.afterAll(async () => {
  await removeIfPresent(consumer, LB, "default", name);
});

test("the LoadBalancer export's generated form creates a LoadBalancer", async ({ page }) => {
  await signInTo(page, user("alice"), "/apis/networking.kro.run/v1alpha1/loadbalancers");
  const form = page.getByRole("form", { name: "New LoadBalancer" });
  await expect(form).toBeVisible();
  // Labels come from the schema's property names; the default from the CRD.
  for (const label of ["Config map ref", "Domain", "Target service", "Target service namespace"]) {
    await expect(form.getByLabel(label, { exact: true })).toHaveValue("");
  }
  await expect(form.getByLabel("Target port", { exact: true })).toHaveValue("8080");
  await expect(page.getByRole("link", { name: "The guided LoadBalancer form" })).toHaveAttribute(
    "href",
    "/loadbalancers/new",
  );
  await expectAccessible(page);

  await formReady(page, "Review");
  await form.getByLabel("Namespace", { exact: true }).selectOption("default");
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByLabel("Domain", { exact: true }).fill("generic.example.com");
  await form.getByLabel("Target port", { exact: true }).fill("abc");
  await form.getByRole("button", { name: "Review" }).click();
  await expect(page.locator("#field-spec-targetPort-error")).toHaveText(
    'Target port must be a whole number (got "abc").',
  );

  await form.getByLabel("Target port", { exact: true }).fill("30080");
  await form.getByRole("button", { name: "Review" }).click();
  const preview = page.getByRole("region", { name: "Review: what will be created" });
  await expect(preview.locator("pre").first()).toContainText("domain: generic.example.com");
  await preview.getByRole("button", { name: "Create LoadBalancer" }).click();
  await expect(page).toHaveURL(new RegExp(`/loadbalancers/default/${name}$`));
  const lb = await consumer.get({ ...LB, namespace: "default", name });
  expect(lb.spec).toEqual({ domain: "generic.example.com", targetPort: 30080 });
});

test("an API neither served nor exported answers 404 with the navigation", async ({ page }) => {
  await signInTo(page, user("alice"), "/");
  const response = await page.goto("/apis/example.dev/v1/widgets");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Open the catalog" })).toHaveAttribute("href", "/catalog");
  await expectAccessible(page);
});
