// The bundle budget: the JavaScript a signed-in user's browser loads for the dashboard's first
// view, gzipped, stays within FIRST_LOAD_TARGET (200 KB). Measured on the production build as the
// browser loads it (Next 16 no longer prints sizes); the detail page and the create form are
// reported beside it. The figures are printed and attached to the test as annotations.
import { gzipSync } from "node:zlib";
import { expect, type Page, test } from "@playwright/test";
import { FIRST_LOAD_TARGET } from "../bench/bundle";
import { expectAllStagesDone, loadBalancerSpec } from "./support/live";
import { user } from "./support/sandbox";
import { signIn } from "./support/sign-in";

const NAME = "bundle-budget-e2e";
loadBalancerSpec(NAME, { create: true });

interface FirstLoad {
  /** each script's path and gzip bytes */
  files: [string, number][];
  /** gzip bytes of every script, summed */
  gzip: number;
}

/**
 * Opens `path` in a fresh page (nothing cached) and gzips every same-origin script it loads up to
 * its load event, each fetched once more from the portal.
 */
async function firstLoadJs(page: Page, path: string, ready: (page: Page) => Promise<void>): Promise<FirstLoad> {
  const origin = new URL(process.env.PORTAL_URL ?? "http://127.0.0.1:3100").origin;
  const scripts = new Set<string>();
  const collect = (r: { url(): string; request(): { resourceType(): string } }) => {
    if (r.request().resourceType() === "script" && new URL(r.url()).origin === origin) scripts.add(r.url());
  };
  page.on("response", collect);
  await page.goto(path, { waitUntil: "load" });
  await ready(page);
  page.off("response", collect);
  expect(scripts.size, `${path} loads scripts from the portal`).toBeGreaterThan(0);
  const files: [string, number][] = [];
  for (const url of scripts) {
    const res = await page.request.get(url);
    expect(res.status(), url).toBe(200);
    files.push([new URL(url).pathname, gzipSync(await res.body()).length]);
  }
  return { files, gzip: files.reduce((n, [, bytes]) => n + bytes, 0) };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

test("first-load JS of the dashboard stays within 200 KB gzip; the detail page and create form are reported", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const signedIn = await browser.newContext();
  const setup = await signedIn.newPage();
  await signIn(setup, user("alice"), `/loadbalancers/default/${NAME}`);
  await expectAllStagesDone(setup, 200_000);
  const storageState = await signedIn.storageState();
  await signedIn.close();

  const pages: [string, string, (p: Page) => Promise<void>][] = [
    ["dashboard", "/", (p) => expect(p.locator('[data-connection="open"]')).toBeVisible({ timeout: 30_000 })],
    ["detail", `/loadbalancers/default/${NAME}`, (p) => expectAllStagesDone(p, 30_000)],
    ["create form", "/loadbalancers/new", (p) => expect(p.locator("form").first()).toBeVisible()],
  ];
  const measured: Record<string, FirstLoad> = {};
  for (const [label, path, ready] of pages) {
    // A new context per page: an empty cache, so each page's first load is what a new visitor gets.
    const context = await browser.newContext({ storageState });
    measured[label] = await firstLoadJs(await context.newPage(), path, ready);
    await context.close();
    const line = `first-load JS, ${label} (${path}): ${kb(measured[label].gzip)} gzip in ${measured[label].files.length} files`;
    console.log(
      [line, ...measured[label].files.map(([file, bytes]) => `  ${kb(bytes).padStart(9)}  ${file}`)].join("\n"),
    );
    test.info().annotations.push({ type: "bundle", description: line });
  }
  expect(
    measured.dashboard.gzip,
    `the dashboard loads ${kb(measured.dashboard.gzip)} of JS (gzip); budget ${kb(FIRST_LOAD_TARGET)}`,
  ).toBeLessThanOrEqual(FIRST_LOAD_TARGET);
});
