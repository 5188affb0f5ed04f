// Bad inputs: each shows its message on its own field (aria-invalid, described by the
// message) and nothing is created on either cluster.
import { expect, type Page, test } from "@playwright/test";
import type { KubeClient } from "../lib/k8s/client";
import { expectAccessible } from "./support/axe";
import { boundConsumer } from "./support/bind-consumer";
import {
  expectFieldError,
  expectNothingCreated,
  fillLoadBalancerForm,
  LB,
  openNewForm,
  removeIfPresent,
  takeName,
} from "./support/loadbalancer";
import { providerAdmin } from "./support/provider";
import { user } from "./support/sandbox";

const rand = Math.random().toString(36).slice(2, 7);
const TAKEN = `taken-${rand}`;
let consumer: KubeClient;
let provider: KubeClient;

test.beforeAll(async ({ browser }) => {
  consumer = await boundConsumer(browser);
  provider = await providerAdmin();
  await takeName(consumer, TAKEN);
});

test.afterAll(async () => {
  await removeIfPresent(consumer, LB, "default", TAKEN);
});

const openForm = (page: Page) => openNewForm(page, user("alice"));

const name = `bad-${rand}`;
const cases: {
  what: string;
  change: (page: Page) => Promise<void>;
  field: string;
  message: string | RegExp;
  lb?: string;
}[] = [
  {
    what: "an empty name",
    change: (p) => p.getByLabel("Name", { exact: true }).fill(""),
    field: "field-name",
    message: "Name is required.",
  },
  {
    what: "an overlong name",
    change: (p) => p.getByLabel("Name", { exact: true }).fill("a".repeat(64)),
    field: "field-name",
    message: "Name must be at most 63 characters (it has 64).",
    lb: "a".repeat(64),
  },
  {
    what: "an uppercase name",
    change: (p) => p.getByLabel("Name", { exact: true }).fill("My-LB"),
    field: "field-name",
    message: /Use lowercase letters only\.$/,
    lb: "My-LB",
  },
  {
    what: "an invalid hostname",
    change: (p) => p.getByLabel("Domain", { exact: true }).fill("www..example.com"),
    field: "field-spec-domain",
    message: /^Domain must be a hostname such as www\.example\.com/,
  },
  {
    what: "port 0",
    change: (p) => p.getByLabel("Target port", { exact: true }).fill("0"),
    field: "field-spec-targetPort",
    message: "Target port must be a whole number from 1 to 65535 (got 0).",
  },
  {
    what: "port 70000",
    change: (p) => p.getByLabel("Target port", { exact: true }).fill("70000"),
    field: "field-spec-targetPort",
    message: "Target port must be a whole number from 1 to 65535 (got 70000).",
  },
  {
    what: "a ConfigMap value without a key",
    change: (p) => p.getByLabel("Key 1").fill(""),
    field: "field-configMap-entries-0-key",
    message: 'Enter a key for the value "hello-kube-bind" (for example custom-header), or remove the row.',
  },
  {
    what: "a name that already exists",
    change: (p) => p.getByLabel("Name", { exact: true }).fill(TAKEN),
    field: "field-name",
    // followed by the link to the existing one
    message: `A LoadBalancer named ${TAKEN} already exists in namespace default. Choose another name, or open the existing one. Open ${TAKEN}`,
    lb: TAKEN,
  },
  {
    what: "a namespace alice may not write",
    // The picker offers only allowed namespaces; a stale page or a crafted request can still send
    // another one, and the server must refuse it as alice.
    change: async (p) => {
      const select = p.getByLabel("Namespace", { exact: true });
      await select.evaluate((el: HTMLSelectElement) => el.add(new Option("team-b", "team-b")));
      await select.selectOption("team-b");
    },
    field: "field-namespace",
    message:
      "alice@example.com may not create LoadBalancers in namespace team-b on the consumer cluster. Choose a namespace where you have the edit role, or ask the namespace's owners for access.",
  },
];

for (const c of cases) {
  test(`${c.what}: the message is on its field and nothing is created`, async ({ page }) => {
    await openForm(page);
    await fillLoadBalancerForm(page, { namespace: "default", name });
    await c.change(page);
    await page.getByRole("button", { name: "Review" }).click();
    await expectFieldError(page, c.field, c.message);
    await expect(page.locator(`#${c.field}`)).toBeFocused();
    await expect(page.getByRole("region", { name: /^Review:/ })).toHaveCount(0);
    const lb = c.lb ?? name;
    const ns = c.field === "field-namespace" ? "team-b" : "default";
    if (lb !== TAKEN) await expectNothingCreated(consumer, provider, ns, { lb, cm: `${name}-config` });
    else await expectNothingCreated(consumer, provider, ns, { lb: "unused", cm: `${TAKEN}-config` });
  });
}

test("field errors are accessible in dark mode too", async ({ page }) => {
  await openForm(page);
  await page.evaluate(() => localStorage.setItem("theme", "dark"));
  await page.reload();
  await page.getByRole("button", { name: "Review" }).click();
  await expect(page.locator("#field-name-error")).toHaveText("Name is required.");
  await expectAccessible(page);
});
