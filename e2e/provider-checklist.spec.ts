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
  test.setTimeout(240_000);
  const unreloaded = await greenConsole(page);
  broken = await applyGuideRgd();
  const kro = checkItem(page, "kro");
  await expect(kro).toHaveAttribute("data-state", "failed", { timeout: 60_000 });
  await expect(kro.locator("[data-summary]")).toContainText("kro rejected RGD loadbalancers");
  await expect(kro.locator("[data-summary]")).toContainText('status.address is a plain type (like "address: string"');
  await expect(kro.getByRole("blockquote")).toContainText(
    "status fields without expressions are not supported: [address]",
  );
  await expect(kro.locator("[data-fix] code")).toContainText(`address: ${ADDRESS_EXPRESSION}`);
  // The other steps are unaffected.
  for (const other of ["backend", "export", "gatewayclass", "network"])
    await expect(checkItem(page, other)).toHaveAttribute("data-state", "ok");
  await fixAndRecover(page, "kro", unreloaded);
});

test("GatewayClass eg deleted: what it breaks, and the GatewayClass to create", async ({ page }) => {
  test.setTimeout(240_000);
  const unreloaded = await greenConsole(page);
  broken = await deleteGatewayClass();
  const gc = checkItem(page, "gatewayclass");
  await expect(gc).toHaveAttribute("data-state", "failed", { timeout: 60_000 });
  await expect(gc.locator("[data-summary]")).toHaveText(
    "GatewayClass eg does not exist: every Gateway kro makes for a LoadBalancer names it, so none is accepted and no LoadBalancer gets an address.",
  );
  await expect(gc.locator("[data-fix] code")).toContainText(
    "controllerName: gateway.envoyproxy.io/gatewayclass-controller",
  );
  await expect(page.getByTestId("checks-passing")).toHaveText("4 of 5 steps pass.");
  await fixAndRecover(page, "gatewayclass", unreloaded);
});

test("export label removed: the backend no longer serves the schema; the label command fixes it", async ({ page }) => {
  test.setTimeout(240_000);
  const unreloaded = await greenConsole(page);
  broken = await removeExportLabel();
  const exp = checkItem(page, "export");
  await expect(exp).toHaveAttribute("data-state", "failed", { timeout: 60_000 });
  await expect(exp.locator("[data-summary]")).toContainText(
    "CRD loadbalancers.networking.kro.run lacks the label kube-bind.io/exported=true, so kube-bind's backend does not serve its schema",
  );
  await expect(exp.locator("[data-fix] code")).toHaveText(
    "kubectl label crd loadbalancers.networking.kro.run kube-bind.io/exported=true --overwrite",
  );
  // The exports section says the same about the resource.
  await expect(page.locator('[data-export="loadbalancer"]')).toContainText("not served: see the checklist");
  await fixAndRecover(page, "export", unreloaded);
  await expect(page.locator('[data-export="loadbalancer"]')).toContainText("served by the backend");
});
