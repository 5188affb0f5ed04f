import { expect, request as newRequest, test } from "@playwright/test";
import { ensureConsumerBound } from "./support/bind-consumer";
import { cliToken } from "./support/cli-login";
import { fillLoadBalancerForm } from "./support/loadbalancer";
import { startPortal } from "./support/portal-process";
import { user } from "./support/sandbox";
import { portalUrl, serverActionId } from "./support/security";
import { signIn } from "./support/sign-in";

/** A client that replays a copied session cookie, as someone who kept it after sign-out would. */
async function replay(cookieHeader: string, baseURL = portalUrl()) {
  return newRequest.newContext({ baseURL, extraHTTPHeaders: { cookie: cookieHeader } });
}

test("signing out ends the session everywhere: pages, APIs, the live stream, server actions, other replicas", async ({
  page,
}) => {
  test.setTimeout(120_000);
  // A second portal process on the same sandbox: a replica.
  const replica = await startPortal(() => ({}));
  try {
    await signIn(page, user("alice"), "/loadbalancers");
    const action = await serverActionId(page, "/loadbalancers/new");
    const cookies = await page.context().cookies(portalUrl());
    const cookieHeader = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const kept = await replay(cookieHeader);
    const keptOnReplica = await replay(cookieHeader, replica.url);
    expect((await kept.get("/api/ping")).status()).toBe(200);
    expect((await keptOnReplica.get("/api/ping")).status()).toBe(200);

    await page.goto("/signout");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByText("You are signed out.")).toBeVisible();

    // The replica learns of it through its watch on the provider, within a second.
    await expect.poll(async () => (await keptOnReplica.get("/api/ping")).status(), { timeout: 1_000 }).toBe(401);
    expect((await kept.get("/api/ping")).status()).toBe(401);
    expect((await kept.get("/api/live?sub=dashboard")).status()).toBe(401);
    const pageRes = await kept.get("/loadbalancers", { maxRedirects: 0 });
    expect(pageRes.status()).toBe(307);
    expect(pageRes.headers().location).toMatch(/\/signin\?callbackUrl=%2Floadbalancers&reason=Revoked/);
    const actionRes = await kept.post("/loadbalancers/new", {
      headers: { "next-action": action, origin: portalUrl(), "content-type": "text/plain;charset=UTF-8" },
      data: "[]",
      maxRedirects: 0,
    });
    // A server action answers its form's "sign in again" failure and does nothing.
    expect(actionRes.status()).toBe(200);
    expect(await actionRes.text()).toContain('"reason":"Unauthorized"');
    await kept.dispose();
    await keptOnReplica.dispose();
  } finally {
    await replica.stop();
  }
});

test("POST /api/logout revokes the browser session it is sent with", async ({ page }) => {
  await signIn(page, user("bob"), "/catalog");
  const cookieHeader = (await page.context().cookies(portalUrl())).map((c) => `${c.name}=${c.value}`).join("; ");
  const kept = await replay(cookieHeader);
  expect((await kept.get("/api/ping")).status()).toBe(200);
  const out = await kept.post("/api/logout");
  expect(out.status()).toBe(200);
  // The cookie the logout answer cleared, sent again anyway.
  const again = await replay(cookieHeader);
  expect((await again.get("/api/ping")).status()).toBe(401);
  expect((await again.get("/api/live?sub=dashboard")).status()).toBe(401);
  await kept.dispose();
  await again.dispose();
});

test("POST /api/logout with a CLI token revokes that token", async ({ page, request, browser }) => {
  const token = await cliToken(page, user("bob"));
  const auth = { authorization: `Bearer ${token}` };
  expect((await request.get("/api/ping", { headers: auth })).status()).toBe(200);
  expect((await request.post("/api/logout", { headers: auth })).status()).toBe(200);
  expect((await request.get("/api/ping", { headers: auth })).status()).toBe(401);
  expect((await request.get("/api/templates", { headers: auth })).status()).toBe(401);
  // Another CLI login of the same user is a different session and still works.
  const fresh = await browser.newContext();
  const other = await cliToken(await fresh.newPage(), user("bob"));
  await fresh.close();
  expect((await request.get("/api/ping", { headers: { authorization: `Bearer ${other}` } })).status()).toBe(200);
});

test("a form sent after signing out elsewhere shows the sign-in prompt in place, not an error page", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await ensureConsumerBound(browser);
  await signIn(page, user("alice"), "/loadbalancers/new");
  await fillLoadBalancerForm(page, { namespace: "default", name: "after-sign-out" });
  // Signed out in another tab of the same browser: the form's page still holds the old state.
  const other = await page.context().newPage();
  await other.goto("/signout");
  await other.getByRole("button", { name: "Sign out" }).click();
  await expect(other.getByText("You are signed out.")).toBeVisible();
  await other.close();

  await page.getByRole("button", { name: "Review" }).click();
  await expect(page.getByText(/Your session has ended, so nothing was done/)).toBeVisible();
  const again = page.getByRole("link", { name: "Sign in again" });
  await expect(again).toHaveAttribute("href", "/signin?callbackUrl=%2Floadbalancers%2Fnew");
  await expect(page).toHaveURL(/\/loadbalancers\/new$/);
  await expect(page.getByRole("form", { name: "New LoadBalancer" })).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("after-sign-out");
});
