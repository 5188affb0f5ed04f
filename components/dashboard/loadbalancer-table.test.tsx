import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { DashboardRow } from "@/lib/status";
import { LoadBalancerTable, PAGE_SIZE } from "./loadbalancer-table";

const rows: DashboardRow[] = Array.from({ length: 250 }, (_, i) => ({
  namespace: "default",
  name: `lb-${String(i).padStart(3, "0")}`,
  state: "ACTIVE",
  ready: "True",
  createdAt: "2026-11-26T10:00:00Z",
  current: { id: "ready", label: "Ready", state: "done" },
  summary: "Ready",
}));

const rendered = (list: DashboardRow[]) =>
  renderToStaticMarkup(<LoadBalancerTable rows={list} caption="Your LoadBalancers" />);

describe("LoadBalancerTable", () => {
  it("renders one page of rows and says which ones of how many", () => {
    const html = rendered(rows);
    expect(html.match(/data-row="/g)).toHaveLength(PAGE_SIZE);
    expect(html).toContain('data-row="default/lb-000"');
    expect(html).not.toContain(`data-row="default/lb-${PAGE_SIZE}"`);
    expect(html).toContain('<span data-testid="page-range">1–100 of 250</span>');
    expect(html).toMatch(/disabled="">Previous<\/button>/);
    expect(html).toMatch(/[^"]">Next<\/button>/);
    expect(html).toContain('aria-label="Your LoadBalancers: pages"');
  });

  it("shows no pager when every row fits", () => {
    const html = rendered(rows.slice(0, 3));
    expect(html.match(/data-row="/g)).toHaveLength(3);
    expect(html).not.toContain("pages");
  });
});
