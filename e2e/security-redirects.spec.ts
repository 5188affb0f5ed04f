import { expect, test } from "@playwright/test";
import { user } from "./support/sandbox";
import { portalUrl, serverActionId } from "./support/security";
import { signIn } from "./support/sign-in";

// Browser-normalized tricks: each must keep a signed-in user on the portal and never give 5xx.
const CALLBACKS = [
  "/%09/evil.example",
  "/%5c/evil.example",
  "/%5C%5Cevil.example",
  "/%E3%80%82/evil.example",
  "/%0b/evil.example",
  "/%0c/evil.example",
  "/%0d%0aLocation:%20http://evil.example",
  "//evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "%2F%2Fevil.example",
  "https://evil.example/",
  "http:evil.example",
  "/%00",
  "/catalog",
];

test("after sign-in, callbackUrl never leads off the portal's origin and never fails", async ({ page }) => {
  await signIn(page, user("alice"), "/catalog");
  for (const cb of CALLBACKS) {
    const res = await page.request.get(`/signin?callbackUrl=${cb}`, { maxRedirects: 0 });
    expect(res.status(), cb).toBeLessThan(500);
    expect(res.status(), cb).toBe(307);
    const location = res.headers().location ?? "";
    // As a browser reads it: tabs and newlines dropped, backslashes as slashes.
    const target = new URL(location.replace(/[\t\n\r]/g, "").replace(/\\/g, "/"), portalUrl());
    expect(target.origin, `${cb} → ${location}`).toBe(portalUrl());
  }
  // And a browser really lands on the portal.
  await page.goto(`/signin?callbackUrl=/%09/evil.example`);
  expect(new URL(page.url()).origin).toBe(portalUrl());
});

test("next-auth keeps only same-origin callback URLs", async ({ request }) => {
  const res = await request.get("/api/auth/signin?callbackUrl=https%3A%2F%2Fevil.example%2F", { maxRedirects: 0 });
  expect(res.status()).toBeLessThan(500);
  const cookie = res.headersArray().find((h) => h.name.toLowerCase() === "set-cookie" && /callback-url=/.test(h.value));
  expect(cookie).toBeDefined();
  const value = decodeURIComponent(/callback-url=([^;]*)/.exec(cookie?.value ?? "")?.[1] ?? "");
  expect(value).not.toContain("evil.example");
  expect(new URL(value, portalUrl()).origin).toBe(portalUrl());
});

test("server actions refuse a foreign Origin with 403, whatever X-Forwarded-Host says", async ({ page }) => {
  await signIn(page, user("alice"), "/catalog");
  const action = await serverActionId(page, "/loadbalancers/new");
  const post = (headers: Record<string, string>) =>
    page.request.post("/loadbalancers/new", {
      headers: { "next-action": action, "content-type": "text/plain;charset=UTF-8", ...headers },
      data: "[]",
      maxRedirects: 0,
    });
  const foreign: Record<string, string>[] = [
    { origin: "http://evil.example" },
    { origin: "http://evil.example", "x-forwarded-host": "evil.example" },
    { origin: "http://evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "http" },
    { origin: "null" },
    { origin: `${portalUrl()}.evil.example` },
  ];
  for (const headers of foreign) {
    const res = await post(headers);
    expect(res.status(), JSON.stringify(headers)).toBe(403);
    expect(await res.text()).toMatch(/Origin .* is not allowed/);
  }
  const noOrigin = await page.request.fetch("/loadbalancers/new", {
    method: "POST",
    headers: { "next-action": action, "content-type": "text/plain;charset=UTF-8" },
    data: "[]",
  });
  expect([403]).toContain(noOrigin.status());
  // The portal's own origin passes the check, even behind a forged X-Forwarded-Host.
  const own = await post({ origin: portalUrl(), "x-forwarded-host": "evil.example" });
  expect(own.status()).not.toBe(403);
  expect(own.status()).toBeLessThan(500);
});

test("the CLI's callback refuses port 0 and encoded control characters with 400", async ({ request }) => {
  for (const redirect of [
    "http://127.0.0.1:0/callback",
    "http://127.0.0.1:8000/cb%0d%0aSet-Cookie:x=1",
    "http://127.0.0.1:8000/cb%00",
  ]) {
    const q = new URLSearchParams({ redirect_url: redirect, session_id: "abc" });
    const page = await request.get(`/?${q}`, { maxRedirects: 0 });
    expect(page.status(), redirect).toBe(400);
    const authorize = await request.get(`/api/authorize?${q}`, { maxRedirects: 0 });
    expect(authorize.status(), redirect).toBe(400);
  }
});
