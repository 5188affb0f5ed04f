// Each step of the guide's provider setup broken on purpose (sandbox/testing-setup-faults.ts): the
// open console explains it, with the tool's own words and the fix, and turns green again once it
// is fixed, all without a reload.
import { expect, type Page, test } from "@playwright/test";
import { ADDRESS_EXPRESSION } from "../lib/provider/fixes";
import { applyGuideRgd, type BrokenStep, deleteGatewayClass, removeExportLabel } from "../sandbox/testing-setup-faults";
import { boundConsumer } from "./support/bind-consumer";
import { markDocument } from "./support/live";
import { checkItem, expectAllChecksPass, openConsole } from "./support/provider-console";

let broken: BrokenStep | undefined;

test.beforeAll(async ({ browser }) => {
  await boundConsumer(browser, 240_000);
});

test.afterEach(async () => {
  test.setTimeout(240_000);
  // Whatever happened, the step is fixed again for everything after this test.
  await broken?.restore();
  broken = undefined;
});

/** Opens the console with every step green; returns a check that the page was never reloaded. */
async function greenConsole(page: Page) {
  await openConsole(page);
  await expectAllChecksPass(page);
  return markDocument(page);
}

/**
 * Opens a green console, breaks one step with `fault` and waits until the console marks it failed.
 * Returns the step's item, and `recover`: the step fixed, it and all turn green without a reload.
 */
async function breakStep(page: Page, id: string, fault: () => Promise<BrokenStep>) {
  test.setTimeout(240_000);
  const unreloaded = await greenConsole(page);
  broken = await fault();
  const item = checkItem(page, id);
  await expect(item).toHaveAttribute("data-state", "failed", { timeout: 60_000 });
  return { item, recover: () => fixAndRecover(page, id, unreloaded) };
}

async function fixAndRecover(page: Page, id: string, unreloaded: () => Promise<void>) {
  const step = broken;
  broken = undefined;
  await step?.restore();
  await expect(checkItem(page, id)).toHaveAttribute("data-state", "ok", { timeout: 60_000 });
  await expectAllChecksPass(page);
  await expect(checkItem(page, id).locator("[data-problem]")).toHaveCount(0);
  await unreloaded();
}

test("the guide's original RGD: kro's rejection in plain words, with kro's text and the corrected RGD", async ({
  page,
}) => {
  const { item: kro, recover } = await breakStep(page, "kro", applyGuideRgd);
  await expect(kro.locator("[data-summary]")).toContainText("kro rejected RGD loadbalancers");
  await expect(kro.locator("[data-summary]")).toContainText('status.address is a plain type (like "address: string"');
  await expect(kro.getByRole("blockquote")).toContainText(
    "status fields without expressions are not supported: [address]",
  );
  await expect(kro.locator("[data-fix] code")).toContainText(`address: ${ADDRESS_EXPRESSION}`);
  // The other steps are unaffected.
  for (const other of ["backend", "export", "gatewayclass", "network"])
    await expect(checkItem(page, other)).toHaveAttribute("data-state", "ok");
  await recover();
});

test("GatewayClass eg deleted: what it breaks, and the GatewayClass to create", async ({ page }) => {
  const { item: gc, recover } = await breakStep(page, "gatewayclass", deleteGatewayClass);
  await expect(gc.locator("[data-summary]")).toHaveText(
    "GatewayClass eg does not exist: every Gateway kro makes for a LoadBalancer names it, so none is accepted and no LoadBalancer gets an address.",
  );
  await expect(gc.locator("[data-fix] code")).toContainText(
    "controllerName: gateway.envoyproxy.io/gatewayclass-controller",
  );
  await expect(page.getByTestId("checks-passing")).toHaveText("4 of 5 steps pass.");
  await recover();
});

test("export label removed: the backend no longer serves the schema; the label command fixes it", async ({ page }) => {
  const { item: exp, recover } = await breakStep(page, "export", removeExportLabel);
  await expect(exp.locator("[data-summary]")).toContainText(
    "CRD loadbalancers.networking.kro.run lacks the label kube-bind.io/exported=true, so kube-bind's backend does not serve its schema",
  );
  await expect(exp.locator("[data-fix] code")).toHaveText(
    "kubectl label crd loadbalancers.networking.kro.run kube-bind.io/exported=true --overwrite",
  );
  // The exports section says the same about the resource.
  await expect(page.locator('[data-export="loadbalancer"]')).toContainText("not served: see the checklist");
  await recover();
  await expect(page.locator('[data-export="loadbalancer"]')).toContainText("served by the backend");
});
