// Consumers in the provider console: the sandbox's konnector stopped (its Deployment scaled to 0)
// shows at once, its heartbeat then turns late and lost without a reload, and all recovers when it
// runs again; a second consumer bound through kube-bind's backend is revoked from its detail page
// after a confirmation that lists what goes.
import { expect, test } from "@playwright/test";
import { ageHeartbeat, type BrokenStep, stopKonnector } from "../sandbox/testing-setup-faults";
import { boundConsumer } from "./support/bind-consumer";
import { markDocument } from "./support/live";
import { providerAdmin } from "./support/provider";
import { consumerRow, localBindingNamespace, openConsole } from "./support/provider-console";

const KB = { group: "kube-bind.io", version: "v1alpha2" };
const NAMESPACES = { group: "", version: "v1", resource: "namespaces" };
let broken: BrokenStep | undefined;
let bindingNamespace: string;

test.beforeAll(async ({ browser }) => {
  await boundConsumer(browser, 240_000);
  bindingNamespace = await localBindingNamespace();
});

test.afterEach(async () => {
  test.setTimeout(240_000);
  await broken?.restore();
  broken = undefined;
});

test("konnector stopped: down at once, then late and lost by its heartbeat, healthy again once it runs", async ({
  page,
}) => {
  test.setTimeout(300_000);
  await openConsole(page);
  const row = consumerRow(page, bindingNamespace);
  const state = row.locator("[data-consumer-state]");
  const heartbeat = row.locator("[data-heartbeat]");
  await expect(state).toHaveAttribute("data-consumer-state", "healthy", { timeout: 60_000 });
  const unreloaded = await markDocument(page);

  broken = await stopKonnector();
  await expect(state).toHaveAttribute("data-consumer-state", "down", { timeout: 60_000 });
  await expect(state).toHaveText("Konnector down");
  await expect(row.locator("[data-konnector]")).toHaveAttribute("data-konnector", "stopped");
  await expect(row.locator("[data-summary]")).toHaveText(
    "The konnector is stopped on this consumer (Deployment kube-bind/konnector: 0 of 0 replicas ready): nothing syncs in either direction, and its heartbeat will stop.",
  );
  await row.getByText("Fix", { exact: true }).click();
  await expect(row.locator("[data-fix] code")).toHaveText(
    "kubectl -n kube-bind scale deployment konnector --replicas=2",
  );

  // No konnector writes heartbeats now: let them age as they would over the next minutes.
  await ageHeartbeat(7 * 60_000);
  await expect(heartbeat).toHaveAttribute("data-heartbeat", "late", { timeout: 30_000 });
  await expect(heartbeat).toContainText(/late\s*7m\d*s? ago/);
  await ageHeartbeat(11 * 60_000);
  await expect(heartbeat).toHaveAttribute("data-heartbeat", "lost", { timeout: 30_000 });

  const step = broken;
  broken = undefined;
  await step.restore();
  await expect(state).toHaveAttribute("data-consumer-state", "healthy", { timeout: 60_000 });
  await expect(heartbeat).toHaveAttribute("data-heartbeat", "healthy");
  await expect(row.locator("[data-konnector]")).toHaveAttribute("data-konnector", "running");
  await unreloaded();
});

test("a second consumer: its detail view, then revoked with a confirmation listing every object", async ({ page }) => {
  test.setTimeout(240_000);
  const provider = await providerAdmin();
  const identity = `e2e-revoke-${Date.now().toString(36)}`;
  const brr = await provider.create(
    { ...KB, resource: "bindableresourcesrequests", namespace: "kube-bind-portal" },
    {
      apiVersion: "kube-bind.io/v1alpha2",
      kind: "BindableResourcesRequest",
      metadata: { generateName: "e2e-revoke-" },
      spec: {
        templateRef: { name: "loadbalancer" },
        clusterIdentity: { identity, prettyName: identity },
        author: "carol@example.com",
        ttlAfterFinished: "10m",
      },
    },
  );
  const ref = { ...KB, resource: "bindableresourcesrequests", namespace: "kube-bind-portal", name: brr.metadata.name };
  const namespace = await expect
    .poll(async () => ((await provider.get(ref)).status as { namespace?: string } | undefined)?.namespace ?? "", {
      timeout: 60_000,
    })
    .not.toBe("")
    .then(async () => ((await provider.get(ref)).status as { namespace: string }).namespace);
  await provider.delete(ref);

  await openConsole(page);
  const row = consumerRow(page, namespace);
  await expect(row).toContainText(identity);
  await expect(row).toContainText("carol@example.com");
  // No konnector will ever report for it.
  await expect(row.locator("[data-heartbeat]")).toContainText("never reported");
  await row.getByRole("link", { name: identity }).click();
  await expect(page).toHaveURL(new RegExp(`/provider/consumers/${namespace}$`));
  await expect(page.getByRole("heading", { level: 1, name: `Consumer ${identity}` })).toBeVisible();
  await expect(page.getByRole("region", { name: "ClusterBinding conditions" })).toContainText(
    "No conditions reported yet.",
  );
  await expect(page.locator("[data-heartbeat]")).toHaveText(/^(awaited|lost)never reported$/);

  await expect(async () => {
    await page.getByRole("button", { name: "Revoke…" }).click({ timeout: 2_000 });
    await expect(page.getByTestId("revoke-plan")).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 60_000 });
  const plan = page.getByTestId("revoke-plan");
  await expect(plan.locator('[data-kind="Namespace"]')).toContainText(namespace);
  await expect(plan.locator('[data-kind="ClusterBinding"]')).toContainText(`${namespace}/cluster`);
  await expect(plan.locator('[data-kind="ServiceAccount"]')).toContainText(`${namespace}/kube-binder`);
  await expect(plan.locator('[data-kind="Secret"]')).toContainText(`${namespace}/kubeconfig`);
  await expect(plan.locator('[data-kind="RoleBinding"]')).toContainText(`${namespace}/kube-binder`);

  await page.getByLabel(`Type ${namespace} to confirm`).fill("not it");
  await page.getByRole("button", { name: "Revoke binding" }).click();
  await expect(page.getByText(`Type ${namespace} exactly to confirm the revocation.`)).toBeVisible();
  await page.getByLabel(`Type ${namespace} to confirm`).fill(namespace);
  await page.getByRole("button", { name: "Revoke binding" }).click();
  await expect(page).toHaveURL(/\/provider$/, { timeout: 60_000 });
  await expect
    .poll(async () => {
      const ns = await provider.get({ ...NAMESPACES, name: namespace }).catch(() => undefined);
      return ns === undefined || Boolean(ns.metadata.deletionTimestamp);
    })
    .toBe(true);
  await expect(consumerRow(page, namespace)).toHaveCount(0, { timeout: 120_000 });
});
