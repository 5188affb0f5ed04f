import { expect, test } from "@playwright/test";
import type { KubeObject } from "../lib/k8s/types";
import { consumerAdmin, ensureConsumerBound } from "./support/bind-consumer";
import { providerAdmin } from "./support/provider";
import { user } from "./support/sandbox";
import { signIn } from "./support/sign-in";

const namespaces = { group: "", version: "v1", resource: "namespaces" };
const KB = { group: "kube-bind.io", version: "v1alpha2" };

test("a user who may not bind is told what the cluster serves, before and after an admin binds; nothing is created", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const provider = await providerAdmin();
  const admin = await consumerAdmin();
  const before = (await provider.list(namespaces)).items.map((n) => n.metadata.name).sort();
  // Earlier specs may have bound the cluster already; a fresh sandbox has not.
  const served = (await admin.served("networking.kro.run", "v1alpha1"))?.some((r) => r.name === "loadbalancers");
  await signIn(page, user("alice"), "/catalog/loadbalancer");
  await expect(
    page.getByText("The provider reads the ConfigMap named in the LoadBalancer's configMapRef", { exact: false }),
  ).toBeVisible();
  await expect(page.locator(`[data-bind-state="${served ? "bound-by-admin" : "not-bound"}"]`)).toBeVisible();
  if (!served) await expect(page.getByText("binding it needs a cluster administrator")).toBeVisible();
  await expect(page.getByRole("button", { name: "Allow and bind to my cluster" })).toHaveCount(0);
  expect((await provider.list(namespaces)).items.map((n) => n.metadata.name).sort()).toEqual(before);

  await ensureConsumerBound(browser);
  await page.reload();
  await expect(page.getByText("Bound by your cluster administrator")).toBeVisible();
  await expect(page.getByRole("button", { name: "Allow and bind to my cluster" })).toHaveCount(0);
});

test("a cluster administrator binds from the catalog without the CLI; the consumer serves the API", async ({
  page,
  browser,
}) => {
  // Binds through the catalog's consent form when the consumer does not serve the API yet.
  await ensureConsumerBound(browser);
  await signIn(page, user("admin"), "/catalog/loadbalancer");
  // Bound: the page says so, by the APIServiceBinding's name, and offers no second bind.
  await expect(page.locator('[data-bind-state="bound"]')).toContainText("APIServiceBinding loadbalancer");
  await expect(page.getByRole("button", { name: "Allow and bind to my cluster" })).toHaveCount(0);

  // What kubectl bind would have left on the consumer, done by the portal as the admin.
  const consumer = await consumerAdmin();
  const binding = await consumer.get<KubeObject & { spec: { kubeconfigSecretRef: { name: string } } }>({
    ...KB,
    resource: "apiservicebindings",
    name: "loadbalancer",
  });
  // kubectl bind's Secret (kubeconfig-<random>) when the CLI bound first, else the portal's.
  expect(binding.spec.kubeconfigSecretRef.name).toMatch(/^kubeconfig-/);
  const secret = await consumer.get({
    group: "",
    version: "v1",
    resource: "secrets",
    namespace: "kube-bind",
    name: binding.spec.kubeconfigSecretRef.name,
  });
  expect(secret.metadata.labels?.["kube-bind.io/provider-kubeconfig"]).toBe("true");
  await expect
    .poll(async () => (await consumer.served("networking.kro.run", "v1alpha1"))?.map((r) => r.name) ?? [], {
      timeout: 60_000,
    })
    .toContain("loadbalancers");

  // On the provider: the request in the admin's namespace, keyed by the consumer cluster, Succeeded.
  const provider = await providerAdmin();
  const kubeSystem = await consumer.get({ ...namespaces, name: "kube-system" });
  const owned = (await provider.list(namespaces)).items.find(
    (n) => n.metadata.annotations?.["backend.kube-bind.io/identity"] === kubeSystem.metadata.uid,
  );
  expect(owned?.metadata.annotations?.["backend.kube-bind.io/author"]).toBe(user("admin").email);
  const request = await provider.get<KubeObject & { status?: { phase?: string } }>({
    ...KB,
    resource: "apiserviceexportrequests",
    namespace: owned?.metadata.name,
    name: "loadbalancer",
  });
  expect(request.status?.phase).toBe("Succeeded");
});
