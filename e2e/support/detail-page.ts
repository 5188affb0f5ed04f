// The LoadBalancer page's tabs (Overview, Objects, Settings, YAML, Events) for specs that look
// at what one of them holds.
import { expect, type Page } from "@playwright/test";

export type DetailTabName = "Overview" | "Objects" | "Settings" | "YAML" | "Events";

/**
 * Opens a tab of the LoadBalancer page by clicking it, as a person would. A click before the page
 * has hydrated does nothing, so it is repeated until the tab is selected.
 */
export async function openTab(page: Page, tab: DetailTabName) {
  const trigger = page.getByRole("tab", { name: new RegExp(`^${tab}`) });
  await expect(async () => {
    await trigger.click({ timeout: 2_000 });
    await expect(trigger).toHaveAttribute("aria-selected", "true", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
}

/** The header's Test traffic button (the check's result shows in a panel under the header). */
export const testTrafficButton = (page: Page) => page.getByRole("button", { name: "Test traffic", exact: true });
