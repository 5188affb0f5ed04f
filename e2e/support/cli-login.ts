import { expect, type Page } from "@playwright/test";
import type { SandboxUser } from "../../sandbox/state";
import { cliCallback } from "./cli-callback";
import { loginAtIdp } from "./sign-in";

/** Does what `kubectl bind login` does in the browser, and returns the query the CLI receives. */
export async function cliLogin(page: Page, u: SandboxUser, opts: { deny?: boolean } = {}) {
  const cb = await cliCallback();
  try {
    const start = new URLSearchParams({ redirect_url: cb.url, session_id: "SESSION1", client_type: "cli" });
    const received = cb.next();
    await page.goto(`/api/authorize?${start}`);
    await loginAtIdp(page, u);
    // The IdP asks for consent on a first sign-in; wait for it or for the callback page.
    const allow = page.getByRole("button", { name: "Allow" });
    await expect(allow.or(page.getByText("received"))).toBeVisible();
    if (await allow.isVisible()) await page.getByRole("button", { name: opts.deny ? "Deny" : "Allow" }).click();
    const query = await received;
    await expect(page.getByText("received")).toBeVisible();
    return query;
  } finally {
    await cb.close();
  }
}

export async function cliToken(page: Page, u: SandboxUser): Promise<string> {
  const query = await cliLogin(page, u);
  const token = query.get("access_token");
  if (!token) throw new Error(`no access_token: ${query}`);
  return token;
}
