// The provider console is the platform team's: alice and bob get 404 on its page, its detail pages
// and its live subs, and see no link to it; the admin sees the link and a console whose every
// setup step passes, with the sandbox's consumer heart-beating.
import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { boundConsumer } from "./support/bind-consumer";
import { openLiveStream } from "./support/live";
import { consumerRow, expectAllChecksPass, localBindingNamespace } from "./support/provider-console";
import { user } from "./support/sandbox";
import { signIn } from "./support/sign-in";

let bindingNamespace: string;

test.beforeAll(async ({ browser }) => {
  await boundConsumer(browser, 240_000);
  bindingNamespace = await localBindingNamespace();
});

for (const name of ["alice", "bob"] as const) {
  test(`${name} gets 404 on /provider, its pages and its live subs, and sees no link`, async ({ page }) => {
    await signIn(page, user(name), "/");
    await expect(page.getByTestId("signed-in-as")).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Dashboard" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Provider" })).toHaveCount(0);

    const res = await page.goto("/provider");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByText("Setup checklist")).toHaveCount(0);
    const detail = await page.goto(`/provider/consumers/${bindingNamespace}`);
    expect(detail?.status()).toBe(404);

    for (const sub of ["provider", `provider:${bindingNamespace}`]) {
      const stream = await page.request.get(`/api/live?sub=${encodeURIComponent(sub)}`);
      expect(stream.status(), sub).toBe(404);
      expect(await stream.json()).toEqual({
        error: { status: 404, reason: "NotFound", message: "There is nothing at this address." },
      });
    }
    // Their own subs still stream from the same endpoint.
    const own = await openLiveStream(page.context(), ["dashboard"]);
    expect(own.res.status).toBe(200);
    own.close();
  });
}

test("the admin follows the Provider link to a console where every step passes", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, user("admin"), "/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Provider" }).click();
  await expect(page).toHaveURL(/\/provider$/);
  await expect(page.getByRole("heading", { level: 1, name: "Provider console" })).toBeVisible();
  await expectAllChecksPass(page);
  await expect(page.getByTestId("checks-passing")).toHaveText("5 of 5 steps pass.");
  for (const title of [
    "kube-bind backend",
    "kro and the LoadBalancer API",
    "Export template and schema source",
    "GatewayClass for Envoy Gateway",
    "Backend Service and EndpointSlice",
  ])
    await expect(page.getByRole("heading", { level: 3, name: title })).toBeVisible();

  const row = consumerRow(page, bindingNamespace);
  await expect(row.locator("[data-consumer-state]")).toHaveAttribute("data-consumer-state", "healthy", {
    timeout: 60_000,
  });
  await expect(row).toContainText("admin@example.com");
  await expect(row).toContainText("v0.8.1");
  await expect(row.locator("[data-konnector]")).toHaveAttribute("data-konnector", "running");
  await expect(row.locator("[data-heartbeat]")).toHaveAttribute("data-heartbeat", "healthy");
  await expect(row).toContainText("loadbalancer");
  await expect(row).toContainText(bindingNamespace);

  const template = page.locator('[data-export="loadbalancer"]');
  await expect(template).toContainText("loadbalancers.networking.kro.run");
  await expect(template).toContainText("configmaps referenced by loadbalancers' spec.configMapRef");
  await expect(template.getByTestId("export-consumers")).toContainText(/\d+ consumers?/);

  // Accessible in both themes, the console and a consumer's page alike.
  for (const theme of ["light", "dark"]) {
    await page.evaluate((t) => localStorage.setItem("theme", t), theme);
    for (const path of ["/provider", `/provider/consumers/${bindingNamespace}`]) {
      await page.goto(path);
      await expect(page.locator("[data-summary]").first()).toBeVisible();
      await expectAccessible(page);
    }
  }

  // The console's stream answers the admin: a whole view first, with the checks in it.
  const stream = await openLiveStream(page.context(), ["provider"]);
  expect(stream.res.status).toBe(200);
  const frames = await stream.frames.until((f) => f.event === "view", 30_000);
  const view = frames.find((f) => f.event === "view")?.view as { checks: { state: string }[] };
  expect(view.checks.map((c) => c.state)).toEqual(["ok", "ok", "ok", "ok", "ok"]);
  stream.close();
});
