import { expect, type Page } from "@playwright/test";

/**
 * Collects what a user never should see in the browser console: errors logged by the page and
 * failed requests (such as net::ERR_ABORTED), from now until `problems()` is read.
 */
export function watchConsole(page: Page) {
  const seen: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") seen.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => seen.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => {
    // Leaving a page ends its live stream; that is not a failure.
    if (r.url().includes("/api/live")) return;
    // The browser fetches the favicon after the page has loaded; moving on before it arrives aborts
    // it. A broken favicon still shows, as a failed load.
    if (new URL(r.url()).pathname === "/icon.svg" && r.failure()?.errorText === "net::ERR_ABORTED") return;
    seen.push(`request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText ?? ""}`);
  });
  return {
    problems: () => [...seen],
    clear: () => {
      seen.length = 0;
    },
  };
}

/** The page never scrolls sideways: its width fits the viewport (wide tables scroll inside). */
export async function expectNoHorizontalScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement?.scrollWidth ?? 0,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${page.url()} is ${scrollWidth} px wide in a ${innerWidth} px window`).toBeLessThanOrEqual(
    innerWidth,
  );
}
