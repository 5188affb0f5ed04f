// Faults: the PROVIDER kube-apiserver is stopped and started again (same command line)
// while alice's detail page is open. The page says the provider is unreachable, keeps what it
// knew, catches up by itself afterwards, and shows every Event exactly once.
import { expect, type Page, test } from "@playwright/test";
import type { KubeClient } from "../lib/k8s/client";
import { type StoppedApiserver, stopKubeApiserver } from "../sandbox/testing-faults";
import { boundConsumer } from "./support/bind-consumer";
import { openTab } from "./support/detail-page";
import {
  consumerAsAlice,
  createLoadBalancer,
  expectAllStagesDone,
  markDocument,
  recordEvent,
  signInLive,
} from "./support/live";
import { CM, LB, removeLoadBalancer } from "./support/loadbalancer";
import { providerAdmin } from "./support/provider";
import { sandbox, user } from "./support/sandbox";

const NAME = "live-fault";
let consumer: KubeClient;
let stopped: StoppedApiserver | undefined;

test.beforeAll(async ({ browser }) => {
  consumer = await boundConsumer(browser, 240_000);
  await removeLoadBalancer(consumer, NAME);
});

test.afterAll(async () => {
  test.setTimeout(240_000);
  // Whatever happened, the provider must be back for everything after this file.
  await stopped?.start();
  await removeLoadBalancer(consumer, NAME);
});

/** Each message appears in exactly one row of the Events table. */
async function expectEventsOnce(page: Page, messages: string[]) {
  await openTab(page, "Events");
  const rows = page
    .getByRole("table", { name: "Events from your cluster and the provider cluster" })
    .locator("tbody tr");
  for (const m of messages) await expect(rows.filter({ hasText: m })).toHaveCount(1, { timeout: 90_000 });
  const texts = await rows.allTextContents();
  expect(new Set(texts).size, `duplicated event rows: ${texts.join("\n")}`).toBe(texts.length);
}

test("a provider apiserver restart is shown while it lasts and the page recovers on its own", async ({ page }) => {
  test.setTimeout(360_000);
  const alice = await consumerAsAlice();
  // Created directly with alice's kubeconfig; the form is covered by live-loadbalancer.spec.ts.
  const lb = await createLoadBalancer(alice, NAME);
  await signInLive(page, user("alice"), `/loadbalancers/default/${NAME}`);
  const notReloaded = await markDocument(page);
  await expectAllStagesDone(page);
  const before = `before the outage ${Date.now()}`;
  await recordEvent(consumer, lb, "LiveTestBefore", before);
  await expectEventsOnce(page, [before]);

  stopped = await stopKubeApiserver(sandbox(), "provider");
  const outage = page.getByRole("alert", { name: "Outage: the provider cluster" });
  await expect(outage).toContainText("Lost contact with the provider cluster", { timeout: 60_000 });
  // What the page knew stays on screen, and the consumer side keeps flowing.
  await openTab(page, "Overview");
  await expect(page.getByRole("list", { name: "Provisioning stages" }).getByRole("listitem")).toHaveCount(7);
  await expect(page.locator('[data-stage="requested"]')).toHaveAttribute("data-state", "done");
  const during = `during the outage ${Date.now()}`;
  await recordEvent(consumer, lb, "LiveTestDuring", during);
  await consumer.mergePatch(
    { ...CM, namespace: "default", name: `${NAME}-config` },
    { data: { "custom-header": "after-outage" } },
  );
  await expectEventsOnce(page, [before, during]);
  // Provider reactions are judged as of the moment the portal lost sight of the provider: the
  // konnector heartbeat the page last saw is not blamed for the outage of the page's own view.
  // The ConfigMap changed meanwhile, and its copy on the provider cannot have: that stage says so.
  await expect(page.locator('[data-stage="settings"]')).toHaveAttribute("data-state", "in-progress");
  await expect(page.locator('[data-stage="settings"]')).toContainText(`Copying ConfigMap ${NAME}-config`);
  for (const stage of ["requested", "synced", "resources", "routing", "address", "ready"]) {
    await expect(page.locator(`[data-stage="${stage}"]`)).toHaveAttribute("data-state", "done");
  }

  await stopped.start();
  stopped = undefined;
  await expect(outage).toHaveCount(0, { timeout: 120_000 });
  await openTab(page, "Overview");
  await expectAllStagesDone(page);
  // The change made while the provider was down arrived there afterwards (konnector → provider → page).
  await openTab(page, "Objects");
  const providerSide = page.getByRole("heading", { name: "On the provider cluster" }).locator("..");
  await providerSide.getByText(`YAML of ConfigMap ${NAME}-config`).click();
  await expect(
    providerSide.locator("details", { hasText: `YAML of ConfigMap ${NAME}-config` }).locator("pre"),
  ).toContainText("custom-header: after-outage", { timeout: 90_000 });

  // A provider-side Event after the restart arrives too; none is lost or shown twice.
  const provider = await providerAdmin();
  const copies = await provider.list(LB, { fieldSelector: `metadata.name=${NAME}` });
  expect(copies.items).toHaveLength(1);
  const after = `after the outage ${Date.now()}`;
  await recordEvent(
    provider,
    { ...copies.items[0], kind: "LoadBalancer", apiVersion: "networking.kro.run/v1alpha1" },
    "LiveTestAfter",
    after,
  );
  await expectEventsOnce(page, [before, during, after]);
  await expect(page.getByTestId("status-summary")).toHaveAttribute("data-ready", "true");
  await notReloaded();
});
