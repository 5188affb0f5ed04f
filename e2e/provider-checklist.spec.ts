// Each step of the guide's provider setup broken on purpose (sandbox/testing-setup-faults.ts): the
// open console explains it, with the tool's own words and the fix, and turns green again once it
// is fixed, all without a reload.
import { expect, type Locator, type Page, test } from "@playwright/test";
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

/** What a failed step says: each of summary and fix is its whole text (a string) or has each part. */
async function expectExplained(item: Locator, summary: string | string[], fix: string | string[]) {
  for (const [where, said] of [
    [item.locator("[data-summary]"), summary],
    [item.locator("[data-fix] code"), fix],
  ] as const) {
    if (typeof said === "string") await expect(where).toHaveText(said);
    else for (const part of said) await expect(where).toContainText(part);
  }
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

/**
 * Each step broken: what its item says (summary and fix, see expectExplained), what else the
 * console shows while it is broken (`meanwhile`) and once it is fixed (`afterwards`).
 */
const STEPS: {
  title: string;
  id: string;
  fault: () => Promise<BrokenStep>;
  summary: string | string[];
  fix: string | string[];
  meanwhile: (page: Page, item: Locator) => Promise<void>;
  afterwards?: (page: Page) => Promise<void>;
}[] = [
  {
    title: "the guide's original RGD: kro's rejection in plain words, with kro's text and the corrected RGD",
    id: "kro",
    fault: applyGuideRgd,
    summary: ["kro rejected RGD loadbalancers", 'status.address is a plain type (like "address: string"'],
    fix: [`address: ${ADDRESS_EXPRESSION}`],
    meanwhile: async (page, kro) => {
      await expect(kro.getByRole("blockquote")).toContainText(
        "status fields without expressions are not supported: [address]",
      );
      // The other steps are unaffected.
      for (const other of ["backend", "export", "gatewayclass", "network"])
        await expect(checkItem(page, other)).toHaveAttribute("data-state", "ok");
    },
  },
  {
    title: "GatewayClass eg deleted: what it breaks, and the GatewayClass to create",
    id: "gatewayclass",
    fault: deleteGatewayClass,
    summary:
      "GatewayClass eg does not exist: every Gateway kro makes for a LoadBalancer names it, so none is accepted and no LoadBalancer gets an address.",
    fix: ["controllerName: gateway.envoyproxy.io/gatewayclass-controller"],
    meanwhile: (page) => expect(page.getByTestId("checks-passing")).toHaveText("4 of 5 steps pass."),
  },
  {
    title: "export label removed: the backend no longer serves the schema; the label command fixes it",
    id: "export",
    fault: removeExportLabel,
    summary: [
      "CRD loadbalancers.networking.kro.run lacks the label kube-bind.io/exported=true, so kube-bind's backend does not serve its schema",
    ],
    fix: "kubectl label crd loadbalancers.networking.kro.run kube-bind.io/exported=true --overwrite",
    // The exports section says the same about the resource.
    meanwhile: (page) =>
      expect(page.locator('[data-export="loadbalancer"]')).toContainText("not served: see the checklist"),
    afterwards: (page) => expect(page.locator('[data-export="loadbalancer"]')).toContainText("served by the backend"),
  },
];

for (const step of STEPS)
  test(step.title, async ({ page }) => {
    const { item, recover } = await breakStep(page, step.id, step.fault);
    await expectExplained(item, step.summary, step.fix);
    await step.meanwhile(page, item);
    await recover();
    await step.afterwards?.(page);
  });
