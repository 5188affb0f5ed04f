import { join } from "node:path";
import { expect, type Page } from "@playwright/test";

/** The LoadBalancer the visual spec makes; visual.css shows only its rows. */
export const VISUAL_LB = "visual-e2e";

const VOLATILE_CSS = join(__dirname, "visual.css");

/**
 * Compares the page with its committed baseline: animations stopped, caret hidden, volatile parts
 * hidden (visual.css). Runs reproduce every pixel, so the tolerance is small: 0.1 % of the image
 * (1,296 pixels at 1440 × 900) lets anti-aliasing through but not a recoloured button or link,
 * which 1 % would miss.
 */
export async function visualScreenshot(page: Page, name: string, opts: { fullPage: boolean }) {
  await page.evaluate(() => document.fonts.ready);
  await steadySandboxText(page);
  await expect(page).toHaveScreenshot(name, {
    fullPage: opts.fullPage,
    stylePath: VOLATILE_CSS,
    animations: "disabled",
    caret: "hide",
    scale: "css",
    maxDiffPixelRatio: 0.001,
    timeout: 15_000,
  });
}

/**
 * Each sandbox has its own binding namespace (kube-bind-<hash>), LoadBalancer addresses (the
 * emulator counts 127.0.1.N) and consumer apiserver port: shown as one fixed value, so a baseline
 * made on one sandbox holds on the next. A MutationObserver keeps doing it as live updates render.
 */
async function steadySandboxText(page: Page) {
  await page.evaluate(() => {
    const rules: [RegExp, string][] = [
      [/kube-bind-[a-z0-9]{8,}/g, "kube-bind-abcdefgh12345"],
      [/127\.0\.[1-9]\d*\.\d+/g, "127.0.1.1"],
      [/127\.0\.0\.1:\d+/g, "127.0.0.1:6443"],
    ];
    const steady = (root: Node) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.nodeValue ?? "";
        const fixed = rules.reduce((t, [re, to]) => t.replace(re, to), text);
        if (fixed !== text) node.nodeValue = fixed;
      }
    };
    steady(document.body);
    const w = window as unknown as { __steadyText?: MutationObserver };
    if (w.__steadyText) return;
    w.__steadyText = new MutationObserver((records) => {
      for (const r of records) steady(r.target);
    });
    w.__steadyText.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}
