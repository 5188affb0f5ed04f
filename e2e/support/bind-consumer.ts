import { type Browser, expect, test } from "@playwright/test";
import { APIS } from "../../lib/k8s/apis";
import { KubeClient } from "../../lib/k8s/client";
import { ClusterConnection } from "../../lib/k8s/connection";
import { KubeError } from "../../lib/k8s/errors";
import { PORTAL } from "../../lib/k8s/types";
import { teamRolesCoverLoadBalancers } from "../../test-support/loadbalancer-rbac";
import { signInTo } from "./loadbalancer";
import { sandbox, user } from "./sandbox";

/** The consumer cluster as its admin, to check what the portal created there. */
export async function consumerAdmin() {
  const path = sandbox().clusters.consumer.kubeconfigs.admin;
  return new KubeClient(await ClusterConnection.open({ name: "consumer", kubeconfig: path }), PORTAL);
}

/** The sandbox's second consumer cluster (bound with the CLI) as its admin. */
export async function secondConsumerAdmin() {
  const path = sandbox().clusters.secondConsumer.kubeconfigs.admin;
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

/**
 * For a spec's beforeAll: gives the hook `timeoutMs` (binding may take minutes), makes sure the
 * consumer serves LoadBalancers (ensureConsumerBound) and returns the consumer as its admin.
 */
export async function boundConsumer(browser: Browser, timeoutMs = 180_000): Promise<KubeClient> {
  test.setTimeout(timeoutMs);
  await ensureConsumerBound(browser);
  return consumerAdmin();
}

const KB = { group: "kube-bind.io", version: "v1alpha2" };

/**
 * Undoes a consumer cluster's bindings so a spec can bind it from scratch: kube-bind (like any second
 * binding of the same export) would otherwise leave a new APIServiceBinding not Ready because
 * the CRD already belongs to the first one. Removes the LoadBalancers (their konnector finalizer
 * needs the binding to go away cleanly), the APIServiceBindings (the konnector then removes the
 * CRD it owns), and the export requests and exports in the binding's provider namespace. Keeps
 * the konnector and the kubeconfig Secret, as a cluster admin unbinding by hand would.
 */
export async function unbindConsumer(consumer: KubeClient, timeoutMs = 120_000): Promise<void> {
  const { providerAdmin } = await import("./provider");
  const provider = await providerAdmin();
  // Each step is retried as a whole: right after a CRD comes or goes its storage answers 429 for a
  // moment, and deleting what is already gone is fine.
  const step = (fn: () => Promise<unknown>) => expect(fn).toPass({ timeout: timeoutMs });
  await step(async () => {
    if (!(await servesLoadBalancers(consumer))) return;
    for (const lb of (await consumer.list(APIS.loadBalancers)).items)
      await consumer
        .delete({ ...APIS.loadBalancers, namespace: lb.metadata.namespace, name: lb.metadata.name })
        .catch(gone);
    expect((await consumer.list(APIS.loadBalancers)).items).toHaveLength(0);
  });
  await step(async () => {
    for (const b of (await consumer.list({ ...KB, resource: "apiservicebindings" })).items)
      await consumer.delete({ ...KB, resource: "apiservicebindings", name: b.metadata.name }).catch(gone);
    expect(await servesLoadBalancers(consumer)).toBe(false);
  });
  await step(async () => {
    const kubeSystem = await consumer.get({ group: "", version: "v1", resource: "namespaces", name: "kube-system" });
    const ours = (await provider.list({ group: "", version: "v1", resource: "namespaces" })).items.filter(
      (n) => n.metadata.annotations?.["backend.kube-bind.io/identity"] === kubeSystem.metadata.uid,
    );
    for (const ns of ours) {
      for (const resource of ["apiserviceexportrequests", "apiserviceexports"]) {
        const ref = { ...KB, resource, namespace: ns.metadata.name };
        for (const o of (await provider.list(ref)).items)
          await provider.delete({ ...ref, name: o.metadata.name }).catch(gone);
        expect((await provider.list(ref)).items).toHaveLength(0);
      }
    }
  });
}

function gone(e: unknown): void {
  if (!(e instanceof KubeError && e.notFound)) throw e;
}
