// Paging, cursors, sorting, filtering and counting of the list, over rows the status model made of
// recorded objects (lib/status/fixtures), copied into a fleet under many names.
import { describe, expect, it } from "vitest";
import { bucketOf, countBuckets } from "../status/buckets";
import { frame, inputFrom, type Scenario } from "../status/fixtures/load";
import { dashboardRow } from "../status/model";
import type { DashboardRow } from "../status/types";
import {
  decodeCursor,
  defaultListRequest,
  encodeCursor,
  formatListQuery,
  type ListRequest,
  listPage,
  PAGE_SIZE,
} from "./list-page";

const SCENARIOS: [Scenario, boolean][] = [
  ["healthy", true],
  ["backend-not-found", true],
  ["missing-configmap", false],
  ["kro-error", true],
];
const recorded = SCENARIOS.map(([s, withStatus]) => dashboardRow(inputFrom(frame(s), { withStatus })));

/** `n` rows: the recorded ones in turn, in two namespaces, created a minute apart. */
function fleet(n: number): DashboardRow[] {
  return Array.from({ length: n }, (_, i) => ({
    ...recorded[i % recorded.length],
    namespace: i % 3 === 0 ? "team-a" : "default",
    name: `lb-${String((i * 7919) % n).padStart(5, "0")}`,
    domain: `shop-${i}.example.com`,
    createdAt: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString(),
  }));
}

const keys = (rows: DashboardRow[]) => rows.map((r) => `${r.namespace}/${r.name}`);
const req = (r: Partial<ListRequest> = {}): ListRequest => ({ ...defaultListRequest, ...r });

/** Every page from the first, following `next`. */
function walk(rows: DashboardRow[], r: ListRequest) {
  const pages = [listPage(rows, r)];
  for (let next = pages[0].next; next; next = pages.at(-1)?.next)
    pages.push(listPage(rows, { ...r, after: decodeCursor(next) }));
  return pages;
}

describe("the list's pages", () => {
  const rows = fleet(1_000);

  it("are a page of at most 100, the matching total, and cursors only where there is more", () => {
    expect(recorded.map(bucketOf)).toEqual(["ready", "failed", "failed", "failed"]);
    const first = listPage(rows, req());
    expect(first.rows).toHaveLength(PAGE_SIZE);
    expect(first).toMatchObject({ total: 1_000, offset: 0, prev: undefined });
    expect(first.next).toBeDefined();
    // The default order: namespace, then name.
    expect(keys(first.rows).slice(0, 2)).toEqual(["default/lb-00001", "default/lb-00002"]);
    const last = walk(rows, req()).at(-1);
    expect(last).toMatchObject({ offset: 900, total: 1_000, next: undefined });
    expect(last?.prev).toBeDefined();
  });

  it("visit every matching row once, in the sort's order, forwards and back", () => {
    for (const r of [
      req(),
      req({ sort: "name", dir: "desc" }),
      req({ sort: "status" }),
      req({ sort: "created", dir: "desc" }),
    ]) {
      const pages = walk(rows, r);
      const seen = pages.flatMap((p) => keys(p.rows));
      expect(seen).toHaveLength(1_000);
      expect(new Set(seen).size).toBe(1_000);
      expect(pages.map((p) => p.offset)).toEqual(pages.map((_, i) => i * PAGE_SIZE));
      // Back from the last page with `prev` gives the same pages.
      let back = pages.at(-1);
      for (let i = pages.length - 2; i >= 0; i--) {
        back = listPage(rows, { ...r, before: decodeCursor(back?.prev ?? "") });
        expect(keys(back.rows)).toEqual(keys(pages[i].rows));
      }
      expect(back?.prev).toBeUndefined();
    }
  });

  it("sort by status with Failed first, by creation newest first, by name either way", () => {
    const byStatus = listPage(rows, req({ sort: "status" }));
    expect(byStatus.rows.every((r) => bucketOf(r) === "failed")).toBe(true);
    const newest = listPage(rows, req({ sort: "created", dir: "desc", limit: 3 }));
    expect(newest.rows.map((r) => r.createdAt)).toEqual([...newest.rows.map((r) => r.createdAt)].sort().reverse());
    expect(newest.rows[0].createdAt).toBe(new Date(Date.UTC(2026, 10, 1) + 999 * 60_000).toISOString());
    const az = listPage(rows, req({ sort: "name", limit: 5 })).rows.map((r) => r.name);
    const za = listPage(rows, req({ sort: "name", dir: "desc", limit: 5 })).rows.map((r) => r.name);
    expect(az).toEqual(["lb-00000", "lb-00001", "lb-00002", "lb-00003", "lb-00004"]);
    expect(za).toEqual(["lb-00999", "lb-00998", "lb-00997", "lb-00996", "lb-00995"]);
  });

  it("filter by stage and search name, namespace and domain together; the total counts the matches", () => {
    const counts = countBuckets(rows);
    expect(counts).toMatchObject({ ready: 250, failed: 750 });
    expect(listPage(rows, req({ stage: "ready" })).total).toBe(250);
    expect(listPage(rows, req({ stage: "ready" })).rows.every((r) => bucketOf(r) === "ready")).toBe(true);
    const searched = listPage(rows, req({ q: " SHOP-99.example ", stage: "failed" }));
    expect(searched.rows.map((r) => r.domain)).toEqual(["shop-99.example.com"]);
    expect(listPage(rows, req({ q: "team-a" })).total).toBe(334);
    expect(listPage(rows, req({ q: "no such thing" }))).toMatchObject({ rows: [], total: 0, next: undefined });
  });

  it("keep their place when rows come and go elsewhere: the page after a row starts after it", () => {
    const first = listPage(rows, req());
    const after = decodeCursor(first.next ?? "");
    const second = listPage(rows, req({ after }));
    const grown = [{ ...rows[0], namespace: "default", name: "lb-00000a" }, ...rows];
    const shrunk = rows.filter((r) => `${r.namespace}/${r.name}` !== after?.k);
    expect(keys(listPage(grown, req({ after })).rows)).toEqual(keys(second.rows));
    expect(keys(listPage(shrunk, req({ after })).rows)).toEqual(keys(second.rows));
    expect(listPage(grown, req({ after })).offset).toBe(PAGE_SIZE + 1);
  });

  it("past the end show the last page, back at the start a whole first page", () => {
    const end = { v: "", k: "zz/zz" };
    expect(listPage(rows, req({ after: end }))).toMatchObject({ offset: 900, next: undefined });
    const start = listPage(rows, req({ before: { v: "", k: "default/lb-00003" } }));
    expect(start).toMatchObject({ offset: 0, prev: undefined });
    expect(start.rows).toHaveLength(PAGE_SIZE);
  });
});

describe("cursors and the request's query", () => {
  it("round-trip, and anything else is no cursor", () => {
    for (const c of [
      { v: "lb-1", k: "default/lb-1" },
      { v: 1_764_000_000_000, k: "team-a/ü" },
    ])
      expect(decodeCursor(encodeCursor(c))).toEqual(c);
    for (const bad of ["", "!!", "bm90IGpzb24", encodeCursor({ v: "x", k: "no-slash" }), "W3t9LCJhL2IiXQ"])
      expect(decodeCursor(bad), bad).toBeUndefined();
    expect(encodeCursor({ v: "a|b~c", k: "d/e" })).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it("leaves defaults out and always names fields in one order", () => {
    expect(formatListQuery(req())).toBe("");
    expect(formatListQuery(req({ stage: "failed" }))).toBe("stage=failed");
    expect(formatListQuery(req({ q: "web", sort: "created", dir: "desc" }))).toBe("sort=created&q=web");
    expect(formatListQuery(req({ sort: "created", dir: "asc", limit: 20 }))).toBe("sort=created&dir=asc&limit=20");
    const after = { v: "", k: "default/lb-1" };
    expect(formatListQuery(req({ after }))).toBe(`after=${encodeCursor(after)}`);
  });
});
