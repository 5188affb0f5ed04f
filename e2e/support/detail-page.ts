// The LoadBalancer page's tabs (Overview, Objects, Settings, YAML, Events) for specs that look
// at what one of them holds.
import { expect, type Page } from "@playwright/test";

export type DetailTabName = "Overview" | "Objects" | "Settings" | "YAML" | "Events";

/** Opens a tab of the LoadBalancer page by clicking it, as a person would. */
export async function openTab(page: Page, tab: DetailTabName) {
  const trigger = page.getByRole("tab", { name: new RegExp(`^${tab}`) });
  await trigger.click();
  await expect(trigger).toHaveAttribute("aria-selected", "true");
}
