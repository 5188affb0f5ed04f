// Makes the consumer serve LoadBalancers the way the e2e suite does (e2e/support/bind-consumer.ts):
// the portal's bind is a browser-only server action, so a real Chromium signs in as admin and
// clicks "Allow and bind to my cluster". Then the teams' namespace roles get the new API.
import { chromium } from "@playwright/test";
import type { KubeClient } from "../lib/k8s/client";
import { CHROMIUM } from "../sandbox/lib/chromium";
import { teamRolesCoverLoadBalancers } from "../test-support/loadbalancer-rbac";
import { until } from "./stats";

const servesLoadBalancers = async (admin: KubeClient) =>
  (await admin.served("networking.kro.run", "v1alpha1"))?.some((r) => r.name === "loadbalancers") ?? false;

export async function bindConsumer(
  portalUrl: string,
  user: { username: string; password: string },
  consumerAdmin: KubeClient,
): Promise<void> {
  await teamRolesCoverLoadBalancers(consumerAdmin);
  if (await servesLoadBalancers(consumerAdmin)) return;
  const browser = await chromium.launch(CHROMIUM);
  try {
    const page = await (await browser.newContext({ baseURL: portalUrl })).newPage();
    page.setDefaultTimeout(30_000);
    await page.goto("/signin?callbackUrl=%2Fcatalog%2Floadbalancer");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByLabel("Username").fill(user.username);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    // A first sign-in asks for consent; otherwise the browser is already back at the portal.
    const back = (u: URL) => u.origin === portalUrl && !u.pathname.startsWith("/signin");
    const allow = page.getByRole("button", { name: "Allow", exact: true });
    const consent = allow.waitFor().then(
      () => true,
      () => false,
    );
    const returned = page.waitForURL(back).then(
      () => false,
      () => false,
    );
    if (await Promise.race([consent, returned])) await allow.click();
    await page.waitForURL(back);
    await page.goto("/catalog/loadbalancer");
    // Click whenever the button is there: before the page hydrates a click does nothing, and after
    // a failed attempt (a step answered 429 while the new CRD settles, say) binding again resumes
    // where it stopped. While an attempt runs the button reads "Binding…" and is left alone.
    const button = page.getByRole("button", { name: "Allow and bind to my cluster" });
    const done = page.getByText("Bound: APIServiceBinding");
    let attempts = 0;
    const bound = await until(
      async () => {
        if (await done.isVisible()) return true;
        if ((await button.isVisible()) && (await button.isEnabled())) {
          await button.click({ timeout: 2_000 });
          attempts++;
        }
        return false;
      },
      300_000,
      2_000,
    );
    if (!bound) {
      // Whatever the page says instead (an error from the bind action) is the useful part.
      const main = await page
        .getByRole("main")
        .textContent()
        .catch(() => null);
      const said = (main ?? "").replace(/\s+/g, " ").slice(0, 600);
      throw new Error(`the bind did not finish within 5 minutes (${attempts} clicks); the page says: ${said}`);
    }
  } finally {
    await browser.close();
  }
  if (!(await until(() => servesLoadBalancers(consumerAdmin), 60_000))) {
    throw new Error("the consumer does not serve LoadBalancers after the bind");
  }
}
