// Three portal replicas on one sandbox behind a round-robin proxy: every request goes to the next
// replica, so each flow below works only because the replicas share what they must through the
// clusters (sessions sealed with one secret, the CLI-token key in a provider Secret, sign-outs
// recorded on the provider) and keep nothing of their own.
import { expect, test } from "@playwright/test";
import type { KubeClient } from "../lib/k8s/client";
import { freePort } from "../sandbox/lib/ports";
import { consumerAdmin, ensureConsumerBound } from "./support/bind-consumer";
import { openTab } from "./support/detail-page";
import { kubectlBindLogin, savedToken } from "./support/kubectl-bind";
import { markDocument } from "./support/live";
import { CM, createThroughForm, formReady, removeLoadBalancer } from "./support/loadbalancer";
import { startPortal } from "./support/portal-process";
import { roundRobin } from "./support/round-robin";
import { user } from "./support/sandbox";
import { clickWhenHydrated, signIn } from "./support/sign-in";

test.describe.configure({ mode: "serial" });

const NAME = "replicas-e2e";
type Portal = Awaited<ReturnType<typeof startPortal>>;
let replicas: Portal[] = [];
let proxy: Awaited<ReturnType<typeof roundRobin>>;
let consumer: KubeClient;
let cliTokenOfAlice = "";

/** What each replica answers to GET /api/ping with these credentials. */
async function pingEach(headers: Record<string, string>): Promise<number[]> {
  return Promise.all(
    replicas.map(async (r) => (await fetch(`${r.listenUrl}/api/ping`, { headers, redirect: "manual" })).status),
  );
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(300_000);
  await ensureConsumerBound(browser);
  consumer = await consumerAdmin();
  await removeLoadBalancer(consumer, NAME);
  const listen = await Promise.all([0, 1, 2].map(async () => `http://127.0.0.1:${await freePort()}`));
  // The signing key in a provider Secret, as deploy/ configures it: no file shared between them.
  replicas = await Promise.all(
    listen.map((url) =>
      startPortal(() => ({ CLI_TOKEN_KEY_FILE: "", CLI_TOKEN_KEY_SECRET: "kube-bind-portal/cli-token-key" }), url),
    ),
  );
  proxy = await roundRobin(replicas[0].url, listen);
});

test.afterAll(async () => {
  await proxy?.close();
  await Promise.all(replicas.map((r) => r.stop()));
  if (consumer) {
    await removeLoadBalancer(consumer, NAME);
  }
});

test("kubectl bind login through the proxy: the token is accepted by every replica", async ({ browser }) => {
  const from = proxy.log.length;
  const token = savedToken(await kubectlBindLogin(browser, proxy.url, "alice"));
  expect(token?.split(".")).toHaveLength(3);
  cliTokenOfAlice = token ?? "";
  // The login's requests were spread over the replicas.
  expect(new Set(proxy.log.slice(from).map((f) => f.replica)).size).toBe(3);
  expect(await pingEach({ authorization: `Bearer ${token}` })).toEqual([200, 200, 200]);
});

test("a cluster administrator binds from the catalog across replicas", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: proxy.url });
  try {
    const page = await context.newPage();
    await signIn(page, user("admin"), "/catalog/loadbalancer");
    // The catalog offers Bind only while the consumer does not serve the API; bound, it says so.
    const served = (await consumer.served("networking.kro.run", "v1alpha1"))?.some((r) => r.name === "loadbalancers");
    if (!served) {
      await clickWhenHydrated(
        page,
        "Allow and bind to my cluster",
        page.getByText(/Binding…|Bound: APIServiceBinding/),
      );
      await expect(page.getByText("Bound: APIServiceBinding")).toBeVisible({ timeout: 90_000 });
      await page.reload();
    }
    await expect(page.locator('[data-bind-state="bound"]')).toContainText("APIServiceBinding loadbalancer");
    await expect(page.getByRole("button", { name: "Allow and bind to my cluster" })).toHaveCount(0);
  } finally {
    await context.close();
  }
  await expect
    .poll(async () => (await consumer.served("networking.kro.run", "v1alpha1"))?.map((r) => r.name) ?? [], {
      timeout: 60_000,
    })
    .toContain("loadbalancers");
});

test("alice creates, edits and deletes a LoadBalancer; a page streaming from one replica follows writes made through the others", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const context = await browser.newContext({ baseURL: proxy.url });
  try {
    const page = await context.newPage();
    await signIn(page, user("alice"), "/loadbalancers/new");
    await createThroughForm(page, NAME);
    await expect(page.getByTestId("status-summary")).toHaveAttribute("data-ready", "true", { timeout: 120_000 });

    // A second tab: its live stream is held by one replica while the edit in the first tab
    // goes through the others; the second tab follows without a reload.
    const before = proxy.log.length;
    const watcher = await context.newPage();
    await watcher.goto(`/loadbalancers/default/${NAME}`);
    await expect(watcher.getByTestId("status-summary")).toHaveAttribute("data-ready", "true");
    const notReloaded = await markDocument(watcher);
    const stream = proxy.log.slice(before).find((f) => f.path === "/api/live");
    expect(stream).toBeDefined();
    proxy.avoidForActions(stream?.replica);

    // The edit: its action goes to some replica; the ConfigMap changes.
    await openTab(page, "Settings");
    await formReady(page, "Review changes");
    await page.getByLabel("Header value (custom-header)").fill("changed-on-another-replica");
    await page.getByRole("button", { name: "Review changes" }).click();
    await page
      .getByRole("region", { name: "Review: what will change" })
      .getByRole("button", { name: "Apply changes" })
      .click();
    await expect(page.getByText("Saved.")).toBeVisible();
    expect((await consumer.get({ ...CM, namespace: "default", name: `${NAME}-config` })).data).toEqual({
      "custom-header": "changed-on-another-replica",
    });

    // The delete, from the first tab: the second tab's stream, on its own replica, shows it gone.
    const deleted = proxy.log.length;
    await page.getByRole("button", { name: "Delete…" }).click();
    const form = page.getByRole("form", { name: `Delete LoadBalancer ${NAME}` });
    await page.getByLabel(`Type ${NAME} to confirm`).fill(NAME);
    await form.getByLabel(`Also delete the ConfigMap ${NAME}-config from your cluster`).check();
    await form.getByRole("button", { name: "Delete LoadBalancer" }).click();
    await expect(page).toHaveURL(/\/loadbalancers$/);
    const actions = proxy.log.slice(deleted).filter((f) => f.action);
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.every((a) => a.replica !== stream?.replica)).toBe(true);
    await expect(watcher.getByText(`There is no LoadBalancer ${NAME} in namespace default`)).toBeVisible({
      timeout: 90_000,
    });
    await notReloaded();
  } finally {
    await context.close();
  }
});

test("signing out on one replica is honoured by all three: the browser session and the CLI token", async ({
  browser,
}) => {
  const context = await browser.newContext({ baseURL: proxy.url });
  try {
    const page = await context.newPage();
    await signIn(page, user("bob"), "/catalog");
    const cookie = (await context.cookies(proxy.url)).map((c) => `${c.name}=${c.value}`).join("; ");
    expect(await pingEach({ cookie })).toEqual([200, 200, 200]);
    await page.goto("/signout");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByText("You are signed out.")).toBeVisible();
    // The replicas that did not serve the sign-out learn it from their watch on the provider.
    await expect.poll(() => pingEach({ cookie }), { timeout: 5_000 }).toEqual([401, 401, 401]);
  } finally {
    await context.close();
  }

  const bearer = { authorization: `Bearer ${cliTokenOfAlice}` };
  expect(await pingEach(bearer)).toEqual([200, 200, 200]);
  expect((await fetch(`${proxy.url}/api/logout`, { method: "POST", headers: bearer })).status).toBe(200);
  await expect.poll(() => pingEach(bearer), { timeout: 5_000 }).toEqual([401, 401, 401]);
});
