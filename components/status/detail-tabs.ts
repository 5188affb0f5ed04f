import { z } from "zod";

/** The LoadBalancer page's tabs, in order; `?tab=` names one (anything else opens the first). */
export const DETAIL_TABS = ["overview", "objects", "settings", "yaml", "events"] as const;
export type DetailTab = (typeof DETAIL_TABS)[number];

export const DetailTabParam = z.enum(DETAIL_TABS).catch("overview");

export const TAB_LABELS: Record<DetailTab, string> = {
  overview: "Overview",
  objects: "Objects",
  settings: "Settings",
  yaml: "YAML",
  events: "Events",
};

/** The page's URL with `tab` in it (the first tab leaves it out), the rest of the query kept. */
export function urlWithTab(href: string, tab: DetailTab): string {
  const url = new URL(href);
  if (tab === "overview") url.searchParams.delete("tab");
  else url.searchParams.set("tab", tab);
  return `${url.pathname}${url.search}${url.hash}`;
}
