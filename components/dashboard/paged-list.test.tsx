import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { decodeCursor, defaultListRequest, type ListRequest, listPage, PAGE_SIZE } from "@/lib/live-wire/list-page";
import type { DashboardRow } from "@/lib/status";
import { countBuckets } from "@/lib/status/buckets";
import { PagedList, toggleSort } from "./paged-list";

const rows: DashboardRow[] = Array.from({ length: 250 }, (_, i) => ({
  namespace: "default",
  name: `lb-${String(i).padStart(3, "0")}`,
  state: "ACTIVE",
  ready: "True",
  createdAt: "2026-11-26T10:00:00Z",
  current: { id: "ready", label: "Ready", state: "done" },
  summary: "Ready",
}));

const rendered = (list: DashboardRow[], request: ListRequest = defaultListRequest) =>
  renderToStaticMarkup(
    <PagedList
      label="Your LoadBalancers"
      request={request}
      query={request.q}
      onQuery={() => {}}
      onRequest={() => {}}
      page={listPage(list, request)}
      all={list.length}
      counts={countBuckets(list)}
    />,
  );

describe("PagedList", () => {
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

  it("renders the page after a cursor, with both ways open", () => {
    const after = decodeCursor(listPage(rows, defaultListRequest).next ?? "");
    const html = rendered(rows, { ...defaultListRequest, after });
    expect(html).toContain('<span data-testid="page-range">101–200 of 250</span>');
    expect(html).toContain('data-row="default/lb-100"');
    expect(html).not.toMatch(/disabled="">(Previous|Next)<\/button>/);
  });

  it("marks the sorted column and shows no pager when every row fits", () => {
    const html = rendered(rows.slice(0, 3), { ...defaultListRequest, sort: "name", dir: "desc" });
    expect(html.match(/data-row="/g)).toHaveLength(3);
    expect(html).toMatch(/aria-sort="descending"[^>]*><button[^>]*>Name/);
    expect(html.indexOf("lb-002")).toBeLessThan(html.indexOf("lb-000"));
    expect(html).not.toContain("pages");
  });

  it("a header press sorts in its first direction, then the other, then not at all", () => {
    const once = toggleSort({ ...defaultListRequest, after: { v: "", k: "default/lb-099" } }, "created");
    expect(once).toMatchObject({ sort: "created", dir: "desc", after: undefined });
    const twice = toggleSort(once, "created");
    expect(twice).toMatchObject({ sort: "created", dir: "asc" });
    expect(toggleSort(twice, "created")).toMatchObject({ sort: undefined, dir: "asc" });
    expect(toggleSort(twice, "name")).toMatchObject({ sort: "name", dir: "asc" });
  });
});
