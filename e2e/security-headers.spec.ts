import { expect, test } from "@playwright/test";
import { user } from "./support/sandbox";
import { expectCsp, expectSecurityHeaders, portalUrl } from "./support/security";
import { signIn } from "./support/sign-in";

test("every kind of response carries the security headers, pages a fresh nonce'd CSP", async ({ request }) => {
  const get = (path: string) => request.get(path, { maxRedirects: 0 });
  const cases: [string, number][] = [
    ["/signin", 200],
    ["/signout", 200],
    // Signed out: redirected to sign-in.
    ["/catalog", 307],
    ["/api/healthz", 200],
    ["/api/ping", 401],
    ["/api/exports", 200],
    ["/?session_id=abc&redirect_url=http%3A%2F%2Fevil.example%2Fcb", 400],
    ["/no-such-page", 404],
  ];
  for (const [path, status] of cases) {
    const res = await get(path);
    expect(res.status(), path).toBe(status);
    expectSecurityHeaders(res, path);
    expectCsp(res, path);
  }
  const [a, b] = [expectCsp(await get("/signin"), "first"), expectCsp(await get("/signin"), "second")];
  expect(a).not.toBe(b);

  // The build's static files skip proxy.ts; next.config.ts gives them the same headers.
  const html = await (await get("/signin")).text();
  const asset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(asset).toBeDefined();
  const res = await get(asset ?? "");
  expect(res.status()).toBe(200);
  expectSecurityHeaders(res, asset ?? "");

  // So does the live stream (a stream is no document, so no CSP): the same headers on its answers.
  const live = await get("/api/live?sub=dashboard");
  expect(live.status()).toBe(401);
  expectSecurityHeaders(live, "/api/live");
});

test("the main pages run under the CSP without a single violation, and nothing can frame them", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await signIn(page, user("admin"), "/");
  for (const path of ["/", "/catalog", "/loadbalancers", "/loadbalancers/new", "/provider", "/signout"]) {
    await page.goto(path);
    await expect(page.locator("main h1, h1").first()).toBeVisible();
    // Next's nonce'd scripts ran: its client runtime is up.
    await expect
      .poll(() => page.evaluate(() => typeof (window as { next?: { version?: string } }).next?.version))
      .toBe("string");
  }
  expect(violations).toEqual([]);

  // A page of another origin that frames the portal gets nothing: the browser refuses to show it.
  await page.goto("about:blank");
  await page.setContent(`<iframe id="f" src="${portalUrl()}/signin"></iframe>`);
  const framed = page.frameLocator("#f");
  await expect(page.locator("#f")).toBeAttached();
  await expect.poll(() => page.frames().length).toBe(2);
  await expect.poll(() => page.frames()[1]?.url()).toMatch(/^chrome-error:/);
  await expect(framed.getByRole("heading", { name: "Sign in to the kube-bind portal" })).toHaveCount(0);
});
