// The guide's flow with the real kube-bind CLI against the portal: `kubectl bind login`,
// `kubectl bind` (the portal's bind page in the browser), `kubectl bind apiservice`, then the
// guide's my-lb created with kubectl and followed in the portal; and what must be refused.
import { execFileSync } from "node:child_process";
import { type Browser, expect, test } from "@playwright/test";
import type { KubeObject } from "../lib/k8s/types";
import { consumerAdmin, ensureConsumerBound, secondConsumerAdmin, unbindConsumer } from "./support/bind-consumer";
import { testTrafficButton } from "./support/detail-page";
import { kubectlBind, kubectlBindLogin, savedToken } from "./support/kubectl-bind";
import { providerAdmin } from "./support/provider";
import {
  bindingNamespaceOf,
  consumerRow,
  expectAllChecksPass,
  localBindingNamespace,
  openConsole,
} from "./support/provider-console";
import { sandbox, user } from "./support/sandbox";
import { clickWhenHydrated, signIn } from "./support/sign-in";

test.describe.configure({ mode: "serial" });

const KB = { group: "kube-bind.io", version: "v1alpha2" };
const namespaces = { group: "", version: "v1", resource: "namespaces" };
const portalUrl = () => test.info().project.use.baseURL as string;
const consumerKubeconfig = (who: "admin" | "alice" | "bob" = "admin") => sandbox().clusters.consumer.kubeconfigs[who];

type Conditioned = KubeObject & { status?: { conditions?: { type: string; status: string }[]; phase?: string } };
const isReady = (o: Conditioned | undefined) =>
  o?.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True");

const cliLogin = (browser: Browser, who: "admin" | "alice" | "bob") => kubectlBindLogin(browser, portalUrl(), who);

/** Provider objects a bind could leave behind: namespaces, the portal's requests, export requests. */
async function providerFootprint() {
  const provider = await providerAdmin();
  const list = async (ref: { group: string; version: string; resource: string }) =>
    (await provider.list(ref)).items.map((o) => `${o.metadata.namespace ?? ""}/${o.metadata.name}`).sort();
  return {
    namespaces: await list(namespaces),
    bindRequests: await list({ ...KB, resource: "bindableresourcesrequests" }),
    exportRequests: await list({ ...KB, resource: "apiserviceexportrequests" }),
  };
}

test.describe("the real kubectl-bind CLI", () => {
  let adminConfig = "";
  // The specs after this one expect the portal's consumer bound, whatever happened here.
  test.afterAll(async ({ browser }) => {
    test.setTimeout(240_000);
    await ensureConsumerBound(browser);
  });

  test("kubectl bind login: sign-in in the browser, the CLI's config holds a token", async ({ browser }) => {
    adminConfig = await cliLogin(browser, "admin");
    const token = savedToken(adminConfig);
    expect(token?.split(".")).toHaveLength(3);
    // The token works for the protocol's protected routes.
    const ping = await fetch(`${portalUrl()}/api/ping`, { headers: { authorization: `Bearer ${token}` } });
    expect(ping.status).toBe(200);
  });

  test("kubectl bind: the portal's bind page, consent, then the CLI finishes on a second cluster", async ({ page }) => {
    test.setTimeout(420_000);
    const kubeconfig = sandbox().clusters.secondConsumer.kubeconfigs.admin;
    const cli = kubectlBind(["--skip-browser"], { configFile: adminConfig, kubeconfig });
    try {
      const url = await cli.url(/\?\S*session_id=/);
      expect(new URL(url).searchParams.get("redirect_url")).toMatch(/^http:\/\/(127\.0\.0\.1|localhost):\d+\/callback/);
      await signIn(page, user("admin"), `/${new URL(url).search}`);
      await expect(page.getByRole("heading", { name: "Bind an API to your cluster" })).toBeVisible();
      await clickWhenHydrated(page, "Allow and bind", page.getByText(/Binding…|Returning to kubectl bind/));
      expect(await cli.exited(240_000), cli.output()).toBe(0);
    } finally {
      cli.kill();
    }
    expect(cli.output()).not.toMatch(/^Error:/m);

    const consumer = await secondConsumerAdmin();
    const secrets = await consumer.list(
      { group: "", version: "v1", resource: "secrets", namespace: "kube-bind" },
      { labelSelector: "kube-bind.io/provider-kubeconfig=true" },
    );
    expect(secrets.items.length).toBeGreaterThan(0);
    // The CLI deployed the konnector; it runs for real (the sandbox's workload runner reports it).
    const ready = async () =>
      (
        await consumer.get<KubeObject & { status?: { readyReplicas?: number } }>({
          group: "apps",
          version: "v1",
          resource: "deployments",
          namespace: "kube-bind",
          name: "konnector",
        })
      ).status?.readyReplicas ?? 0;
    await expect.poll(ready, { timeout: 60_000 }).toBeGreaterThan(0);
    await expect
      .poll(
        async () => {
          const bindings = await consumer.list<Conditioned>({ ...KB, resource: "apiservicebindings" });
          return bindings.items.length > 0 && bindings.items.every(isReady);
        },
        { timeout: 90_000 },
      )
      .toBe(true);
    // kubectl get loadbalancers: the consumer serves the bound API.
    const listed = execFileSync(sandbox().kubectl, ["get", "loadbalancers", "-A"], {
      env: { ...process.env, KUBECONFIG: kubeconfig },
      encoding: "utf8",
    });
    expect(listed).not.toMatch(/error/i);
  });

  test("kubectl bind apiservice --template-name loadbalancer binds the same cluster again, by name", async () => {
    test.setTimeout(360_000);
    // A second binding of the same export would not become Ready (the first owns the CRD): undo
    // the one kubectl bind just made, as a cluster admin would, and bind by template name.
    const consumer = await secondConsumerAdmin();
    await unbindConsumer(consumer);
    const cli = kubectlBind(["apiservice", "--template-name", "loadbalancer", "--name", "loadbalancer"], {
      configFile: adminConfig,
      kubeconfig: sandbox().clusters.secondConsumer.kubeconfigs.admin,
    });
    // It exits 0 even when it fails: judge by what it printed.
    await cli.exited(240_000).finally(() => cli.kill());
    expect(cli.output()).not.toMatch(/^Error:/m);
    const binding = () => consumer.get<Conditioned>({ ...KB, resource: "apiservicebindings", name: "loadbalancer" });
    await expect.poll(async () => isReady(await binding()), { timeout: 90_000 }).toBe(true);
  });

  test("alice creates the guide's my-lb with kubectl; the portal shows it Ready and Test traffic carries the header", async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const kubectl = sandbox().kubectl;
    // The guide's two objects, the ConfigMap second: kube-bind's konnector (v0.8.1) copies a
    // referenced ConfigMap only on events of the ConfigMap itself.
    const manifest = `apiVersion: networking.kro.run/v1alpha1
kind: LoadBalancer
metadata:
  name: my-lb
  namespace: team-a
spec:
  domain: my-lb.example.com
  targetService: backend
  targetServiceNamespace: default
  targetPort: 30080
  configMapRef: my-config
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: my-config
  namespace: team-a
data:
  custom-header: "Hello from kubectl"
`;
    execFileSync(kubectl, ["apply", "-f", "-"], {
      input: manifest,
      env: { ...process.env, KUBECONFIG: consumerKubeconfig("alice") },
      encoding: "utf8",
    });
    try {
      await signIn(page, user("alice"), "/loadbalancers/team-a/my-lb");
      await expect(page.getByTestId("status-summary")).toHaveAttribute("data-ready", "true", { timeout: 180_000 });
      await testTrafficButton(page).click();
      const response = page.getByRole("region", { name: "Test traffic response" });
      await expect(response.getByTestId("traffic-status")).toHaveText("200 OK", { timeout: 20_000 });
      await expect(response.getByTestId("header-check")).toHaveAttribute("data-state", "match");
      await expect(response.getByTestId("header-check")).toContainText("X-Custom-Message: Hello from kubectl");
    } finally {
      execFileSync(kubectl, ["delete", "-f", "-", "--wait=false"], {
        input: manifest,
        env: { ...process.env, KUBECONFIG: consumerKubeconfig("alice") },
      });
    }
  });

  /** The kube-bind protocol's bind call with a CLI config's token, as the CLI makes it. */
  const bindCluster = (configFile: string, name: string, identity: string) =>
    fetch(`${portalUrl()}/api/bind`, {
      method: "POST",
      headers: { authorization: `Bearer ${savedToken(configFile)}`, "content-type": "application/json" },
      body: JSON.stringify({
        metadata: { name },
        spec: { templateRef: { name: "loadbalancer" }, clusterIdentity: { identity } },
      }),
    });

  test("bob's CLI token cannot bind into the provider namespace of alice's cluster", async ({ browser }) => {
    test.setTimeout(180_000);
    // alice binds a cluster of hers (an identity of its own) through the protocol with her CLI token.
    const aliceConfig = await cliLogin(browser, "alice");
    const aliceCluster = `alice-cluster-${Date.now().toString(36)}`;
    const bound = await bindCluster(aliceConfig, "loadbalancer", aliceCluster);
    expect(bound.status).toBe(200);
    const { providerNamespace } = (await bound.json()) as { providerNamespace: string };
    const provider = await providerAdmin();
    try {
      const bobConfig = await cliLogin(browser, "bob");
      const before = await providerFootprint();
      const cli = kubectlBind(
        ["apiservice", "--template-name", "loadbalancer", "--name", "bob-lb", "--cluster-identity", aliceCluster],
        { configFile: bobConfig, kubeconfig: consumerKubeconfig("bob") },
      );
      await cli.exited(120_000).finally(() => cli.kill());
      // kubectl-bind v0.8.1 decodes any answer of /api/bind as a BindingResponse, so it reports
      // the refusal without the portal's message; the same call shows what the portal answered.
      expect(cli.output()).toMatch(/^Error: /m);
      const refused = await bindCluster(bobConfig, "bob-lb", aliceCluster);
      expect(refused.status).toBe(403);
      expect((await refused.json()).message).toMatch(/already bound to the provider by another user/);
      expect(await providerFootprint()).toEqual(before);
      const ns = await provider.get({ ...namespaces, name: providerNamespace });
      expect(ns.metadata.annotations?.["backend.kube-bind.io/author"]).toBe(user("alice").email);
    } finally {
      await provider.delete({ ...namespaces, name: providerNamespace });
      await expect
        .poll(async () => (await provider.list(namespaces)).items.some((n) => n.metadata.name === providerNamespace), {
          timeout: 60_000,
        })
        .toBe(false);
    }
  });

  test("kubectl bind whose callback reports an error leaves nothing half-made on the provider", async ({
    browser,
    page,
  }) => {
    test.setTimeout(180_000);
    // bob may not bind the consumer cluster the admin bound: the bind page fails and tells the CLI.
    const bobConfig = await cliLogin(browser, "bob");
    const before = await providerFootprint();
    // bob may not read kube-system, so he names the cluster's identity (`kubectl bind cluster-identity`).
    const identity = (await (await consumerAdmin()).get({ ...namespaces, name: "kube-system" })).metadata.uid ?? "";
    const cli = kubectlBind(["--skip-browser", "--cluster-identity", identity], {
      configFile: bobConfig,
      kubeconfig: consumerKubeconfig("bob"),
    });
    try {
      const url = await cli.url(/\?\S*session_id=/);
      await signIn(page, user("bob"), `/${new URL(url).search}`);
      await clickWhenHydrated(page, "Allow and bind", page.getByText(/The binding did not complete/));
      await expect(page.getByText(/already bound to the provider by another user/)).toBeVisible();
      await page.getByRole("link", { name: "Tell kubectl bind and close this page" }).click();
      await cli.exited(60_000);
    } finally {
      cli.kill();
    }
    expect(cli.output()).toMatch(/already bound to the provider by another user|access_denied/);
    expect(await providerFootprint()).toEqual(before);
  });

  test("the provider console shows both consumers, each with a live heartbeat", async ({ page }) => {
    test.setTimeout(180_000);
    // consumer-2 was bound with the CLI above; the portal's own consumer through the catalog's
    // browser bind (e2e/catalog-bind.spec.ts, on the binding the sandbox's kube-bind test made).
    const namespaces = await Promise.all([localBindingNamespace(), bindingNamespaceOf(await secondConsumerAdmin())]);
    expect(new Set(namespaces).size).toBe(2);
    await openConsole(page);
    await expectAllChecksPass(page);
    for (const ns of namespaces) {
      const row = consumerRow(page, ns);
      await expect(row.locator("[data-consumer-state]")).toHaveAttribute("data-consumer-state", "healthy", {
        timeout: 60_000,
      });
      await expect(row.locator("[data-heartbeat]")).toHaveAttribute("data-heartbeat", "healthy");
    }
  });
});
