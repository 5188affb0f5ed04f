import { type APIResponse, expect, type Page } from "@playwright/test";

export const portalUrl = () => process.env.PORTAL_URL ?? "http://127.0.0.1:3100";

/** The headers every response of the portal carries (lib/security-headers.ts). */
export function expectSecurityHeaders(res: APIResponse, what: string) {
  const h = res.headers();
  expect(h["x-frame-options"], what).toBe("DENY");
  expect(h["x-content-type-options"], what).toBe("nosniff");
  expect(h["referrer-policy"], what).toBe("no-referrer");
  expect(h["permissions-policy"], what).toContain("camera=()");
}

export function expectCsp(res: APIResponse, what: string): string {
  const csp = res.headers()["content-security-policy"] ?? "";
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
  expect(csp, what).not.toContain("unsafe-eval");
  expect(csp, what).not.toMatch(/script-src[^;]*unsafe-inline/);
  return csp;
}

/**
 * The id of a server action the page at `path` can call, read from the page's own scripts (as a
 * browser would send it in the Next-Action header).
 */
export async function serverActionId(page: Page, path: string): Promise<string> {
  await page.goto(path);
  const scripts = await page.locator("script[src]").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).src));
  for (const src of scripts) {
    const body = await (await page.request.get(src)).text();
    const id = /createServerReference\)\("([0-9a-f]{40,})"/.exec(body)?.[1];
    if (id) return id;
  }
  throw new Error(`no server action found in the scripts of ${path}`);
}
