// Form friction, as a user meets it: each error at its own field naming that field, a taken name
// at the name field, values kept through Review and Back, the review's buttons in view, an edit
// review of only what changes, and a delete without a stale error that says it is done.
import { expect, type Page, test } from "@playwright/test";
import type { KubeClient } from "../lib/k8s/client";
import { expectAccessible } from "./support/axe";
import { boundConsumer } from "./support/bind-consumer";
import { openTab } from "./support/detail-page";
import {
  createThroughForm,
  exists,
  expectFieldError,
  fillLoadBalancerForm,
  formReady,
  LB,
  openNewForm,
  removeIfPresent,
  removeLoadBalancer,
  signInTo,
  takeName,
} from "./support/loadbalancer";
import { user } from "./support/sandbox";

test.describe.configure({ mode: "serial" });
test.use({ viewport: { width: 1440, height: 900 } });

const rand = Math.random().toString(36).slice(2, 7);
const TAKEN = `taken-${rand}`;
const NAME = `forms-${rand}`;
let consumer: KubeClient;

test.beforeAll(async ({ browser }) => {
  consumer = await boundConsumer(browser);
  await takeName(consumer, TAKEN);
});

test.afterAll(async () => {
  await removeIfPresent(consumer, LB, "default", TAKEN);
  await removeLoadBalancer(consumer, NAME);
});

const openForm = (page: Page) => openNewForm(page, user("alice"));

const picker = (page: Page) => page.getByLabel(/Pick a Service from your cluster/);

test("a missing name: the error is at the name field and names it, the ConfigMap's names its own field", async ({
  page,
}) => {
  await openForm(page);
  await fillLoadBalancerForm(page, { namespace: "default", name: "" });
  await page.getByRole("button", { name: "Review" }).click();
  await expectFieldError(page, "field-name", "Name is required.");
  await expect(page.getByLabel("Name", { exact: true })).toBeFocused();
  await expectFieldError(
    page,
    "field-spec-configMapRef",
    "ConfigMap name is required: it is filled in from the LoadBalancer's name until you change it.",
  );
  await expect(page.getByText("ConfigMap with settings is required")).toHaveCount(0);
  // The other fields kept their values through the failed review.
  await expect(picker(page)).toHaveValue("default/backend");
  await expect(page.getByLabel("Value 1")).toHaveValue("hello-kube-bind");
});

test("a taken name: the error is at the name field, marked and focused, with the way to the existing one", async ({
  page,
}) => {
  await openForm(page);
  await fillLoadBalancerForm(page, { namespace: "default", name: TAKEN });
  await page.getByRole("button", { name: "Review" }).click();
  await expectFieldError(
    page,
    "field-name",
    `A LoadBalancer named ${TAKEN} already exists in namespace default. Choose another name, or open the existing one. Open ${TAKEN}`,
  );
  await expect(page.getByLabel("Name", { exact: true })).toBeFocused();
  await expect(page.locator("#field-name-error").getByRole("link", { name: `Open ${TAKEN}` })).toHaveAttribute(
    "href",
    `/loadbalancers/default/${TAKEN}`,
  );
  // Said once, at the field: no panel repeats it below the form.
  await expect(page.getByRole("alert").filter({ hasText: "already exists" })).toHaveCount(0);
  await expect(picker(page)).toHaveValue("default/backend");
  await expect(page.getByRole("region", { name: /^Review:/ })).toHaveCount(0);
});

test("the Service picker keeps its choice through Review and Back; Create is in view after Review", async ({
  page,
}) => {
  await openForm(page);
  await fillLoadBalancerForm(page, { namespace: "default", name: NAME, domain: `${NAME}.example.com` });
  await expect(picker(page)).toHaveValue("default/backend");
  await page.getByRole("button", { name: "Review" }).click();
  const review = page.getByRole("region", { name: "Review: what will be created" });
  await expect(review.getByRole("heading", { name: "Review: what will be created" })).toBeFocused();
  await expect(review.getByRole("button", { name: "Create LoadBalancer" })).toBeInViewport();
  await expect(picker(page)).toHaveValue("default/backend");

  await review.getByRole("button", { name: "Back to the form" }).click();
  await expect(review).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Review", exact: true })).toBeFocused();
  await expect(picker(page)).toHaveValue("default/backend");
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(NAME);
  await expect(page.getByLabel("Target Service", { exact: true })).toHaveValue("backend");
  await expect(page.getByLabel("Value 1")).toHaveValue("hello-kube-bind");
  expect(await exists(consumer, LB, "default", NAME)).toBe(false);

  // Editing the target away from the picked Service leaves the picker without a choice.
  await page.getByLabel("Target Service", { exact: true }).fill("elsewhere");
  await expect(picker(page)).toHaveValue("");
});

test("the edit review shows only what changes, before → after", async ({ page }) => {
  await signInTo(page, user("alice"), "/loadbalancers/new");
  await createThroughForm(page, NAME);
  await openTab(page, "Settings");
  await formReady(page, "Review changes");
  await page.getByLabel("Domain", { exact: true }).fill(`shop-${NAME}.example.com`);
  await page.getByLabel("Header value (custom-header)").fill("hello-again");
  await page.getByRole("button", { name: "Review changes" }).click();
  const review = page.getByRole("region", { name: "Review: what will change" });
  const changes = review.getByRole("list", { name: "Changes" }).getByRole("listitem");
  await expect(changes).toHaveCount(2);
  await expect(changes.nth(0)).toHaveAttribute("data-change", "data.custom-header");
  await expect(changes.nth(0)).toContainText(`ConfigMap ${NAME}-config`);
  await expect(changes.nth(0).locator("del")).toHaveText("hello-kube-bind");
  await expect(changes.nth(0).locator("ins")).toHaveText("hello-again");
  await expect(changes.nth(1)).toHaveAttribute("data-change", "spec.domain");
  await expect(changes.nth(1).locator("del")).toHaveText(`${NAME}.example.com`);
  await expect(changes.nth(1).locator("ins")).toHaveText(`shop-${NAME}.example.com`);
  // Unchanged fields are not listed; the whole objects wait behind a disclosure.
  await expect(review.locator('[data-change="spec.targetPort"]')).toHaveCount(0);
  await expect(review.locator("pre").first()).toBeHidden();
  await expect(review.getByRole("button", { name: "Apply changes" })).toBeInViewport();
  await expectAccessible(page);
  // A review changes nothing.
  expect((await consumer.get({ ...LB, namespace: "default", name: NAME })).spec).toMatchObject({
    domain: `${NAME}.example.com`,
  });
});

test("deleting: no stale error once the name matches, then the list says it was deleted", async ({ page }) => {
  await signInTo(page, user("alice"), `/loadbalancers/default/${NAME}?tab=settings`);
  await formReady(page, "Delete…");
  await page.getByRole("button", { name: "Delete…" }).click();
  const form = page.getByRole("form", { name: `Delete LoadBalancer ${NAME}` });
  const confirm = page.getByLabel(`Type ${NAME} to confirm`);
  await confirm.fill(`${NAME}x`);
  await form.getByRole("button", { name: "Delete LoadBalancer" }).click();
  await expectFieldError(page, "field-confirm", `Type ${NAME} exactly to confirm the deletion.`);
  await expect(confirm).toBeFocused();
  await expectAccessible(page);

  await confirm.fill(NAME);
  await expect(page.locator("#field-confirm-error")).toHaveCount(0);
  await expect(confirm).not.toHaveAttribute("aria-invalid", "true");
  await form.getByRole("button", { name: "Delete LoadBalancer" }).click();
  await expect(page).toHaveURL(/\/loadbalancers$/);
  // A toast, in the notifications region that outlives the navigation.
  const notices = page.getByRole("region", { name: /^Notifications/ });
  await expect(notices.getByText(`LoadBalancer ${NAME} deleted`)).toBeVisible();
  await expect.poll(() => exists(consumer, LB, "default", NAME), { timeout: 60_000 }).toBe(false);
});
