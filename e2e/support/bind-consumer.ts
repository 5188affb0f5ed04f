import { type Browser, expect } from "@playwright/test";
import { KubeClient } from "../../lib/k8s/client";
import { ClusterConnection } from "../../lib/k8s/connection";
import { PORTAL } from "../../lib/k8s/types";
import { teamRolesCoverLoadBalancers } from "../../lib/loadbalancer/testing-rbac";
import { signInTo } from "./loadbalancer";
import { sandbox, user } from "./sandbox";

/** The consumer cluster as its admin, to check what the portal created there. */
export async function consumerAdmin() {
  const path = sandbox().clusters.consumer.kubeconfigs.admin;
  return new KubeClient(await ClusterConnection.open({ name: "consumer", kubeconfig: path }), PORTAL);
}

async function servesLoadBalancers(admin: KubeClient) {
  return (await admin.served("networking.kro.run", "v1alpha1"))?.some((r) => r.name === "loadbalancers") ?? false;
}

/**
 * Makes the consumer serve LoadBalancers, the way a platform admin does it: signed in as admin,
 * the browser-only bind from the catalog. Idempotent: skipped when the API is already served.
 * Also waits until the teams' namespace roles cover the API (the sandbox's consumer admin grants
 * it through aggregated ClusterRoles; kube-bind grants nothing on the consumer).
 */
export async function ensureConsumerBound(browser: Browser): Promise<void> {
  const admin = await consumerAdmin();
  await teamRolesCoverLoadBalancers(admin);
  if (await servesLoadBalancers(admin)) return;
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    // Not bound yet: the form page says so and points to the catalog.
    await signInTo(page, user("admin"), "/loadbalancers/new");
    await expect(
      page.getByRole("heading", { name: "The LoadBalancer API is not bound to your cluster" }),
    ).toBeVisible();
    await page.getByRole("main").getByRole("link", { name: "catalog" }).click();
    await expect(page).toHaveURL(/\/catalog$/);
    await page.goto("/catalog/loadbalancer");
    // The bind button works only once the page has hydrated: click until it reacts.
    await expect(async () => {
      await page.getByRole("button", { name: "Allow and bind to my cluster" }).click({ timeout: 2_000 });
      await expect(page.getByText(/Binding…|Bound: APIServiceBinding/)).toBeVisible({ timeout: 3_000 });
    }).toPass({ timeout: 30_000 });
    await expect(page.getByText("Bound: APIServiceBinding")).toBeVisible({ timeout: 90_000 });
  } finally {
    await context.close();
  }
  await expect.poll(() => servesLoadBalancers(admin), { timeout: 60_000 }).toBe(true);
}
