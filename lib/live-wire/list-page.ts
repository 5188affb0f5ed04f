/**
 * One page of the LoadBalancer list: the request (sort, stage, search, size, cursor), how rows
 * are ordered, filtered and cut into a page, and the cursors between pages. Pure and isomorphic:
 * the server pages the live list with it, the browser the provider-wide table it already holds.
 *
 * Cursors are keyset cursors: the sort value and `namespace/name` of the row a page ends (or
 * starts) at, so page 20 costs what page 1 costs and a row added or removed elsewhere never shifts
 * a page by one.
 */
import type { Bucket, DashboardRow } from "../status";
import { BUCKET_IDS, BUCKET_ORDER, bucketOf } from "../status/buckets";
import type { LiveSub } from "./live-protocol";

export const LIST_SORTS = ["name", "namespace", "status", "created"] as const;
export type ListSort = (typeof LIST_SORTS)[number];
export type SortDir = "asc" | "desc";
export type BucketFilter = Bucket | "all";

/** Rows per page: a browser stays quick with a few hundred table rows, not thousands. */
export const PAGE_SIZE = 100;
/** The longest search text a request may carry. */
export const MAX_QUERY = 100;

/** Where a page starts (after a row) or ends (before a row), in the list's order. */
export interface Cursor {
  /** the sort value of that row ("" when the list keeps its default order) */
  v: string | number;
  /** its `namespace/name` */
  k: string;
}

export interface ListRequest {
  /** absent: by namespace, then name */
  sort?: ListSort;
  dir: SortDir;
  stage: BucketFilter;
  q: string;
  limit: number;
  after?: Cursor;
  before?: Cursor;
}

export const defaultListRequest: ListRequest = { dir: "asc", stage: "all", q: "", limit: PAGE_SIZE };

export interface ListPage<R> {
  rows: R[];
  /** rows matching the stage and search */
  total: number;
  /** how many matching rows come before this page */
  offset: number;
  /** the cursor of the next page (`after`), absent on the last */
  next?: string;
  /** the cursor of the previous page (`before`), absent on the first */
  prev?: string;
}

/** The direction a column sorts in on its first press: newest and most urgent first. */
export const FIRST_DIR: Record<ListSort, SortDir> = { name: "asc", namespace: "asc", status: "asc", created: "desc" };

const time = (iso: string | undefined) => (iso ? Date.parse(iso) || 0 : 0);

function sortValue(row: DashboardRow, sort: ListSort | undefined): string | number {
  if (sort === "name") return row.name;
  if (sort === "namespace") return row.namespace;
  // Failed first, then by how far provisioning got.
  if (sort === "status") return BUCKET_ORDER[bucketOf(row)];
  if (sort === "created") return time(row.createdAt);
  return "";
}

// Code-point order: Kubernetes names are lowercase ASCII, and a collator costs ten times as much.
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const compareValues = (a: string | number, b: string | number) =>
  typeof a === "number" && typeof b === "number" ? a - b : compareText(String(a), String(b));

type Point = { v: string | number; namespace: string; name: string };

/** The list's total order: the sort value, then namespace and name; all reversed when descending. */
function comparer(dir: SortDir) {
  const sign = dir === "desc" ? -1 : 1;
  return (a: Point, b: Point) =>
    sign * (compareValues(a.v, b.v) || compareText(a.namespace, b.namespace) || compareText(a.name, b.name));
}

const pointOf = (c: Cursor): Point => {
  const at = c.k.indexOf("/");
  return { v: c.v, namespace: c.k.slice(0, at), name: c.k.slice(at + 1) };
};

/** Rows in `stage` whose name, namespace or domain contain `q` (case-insensitive). */
export function matches(row: DashboardRow, stage: BucketFilter, q: string): boolean {
  if (stage !== "all" && bucketOf(row) !== stage) return false;
  const query = q.trim().toLowerCase();
  return !query || [row.name, row.namespace, row.domain ?? ""].some((f) => f.toLowerCase().includes(query));
}

/**
 * The `k` first of `points` in the order `cmp`, sorted: one pass keeping the best `k` so far, so
 * a page out of thousands costs a look at each and a sort of the page, never a sort of them all.
 */
function first<P>(points: P[], k: number, cmp: (a: P, b: P) => number): P[] {
  const best: P[] = [];
  for (const p of points) {
    if (best.length === k && cmp(p, best[k - 1]) >= 0) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cmp(best[mid], p) <= 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, p);
    if (best.length > k) best.pop();
  }
  return best;
}

/** One page of `rows` for `req`: only what matches, in order, from its cursor. */
export function listPage<R extends DashboardRow>(rows: readonly R[], req: ListRequest): ListPage<R> {
  const cmp = comparer(req.dir);
  const back = (a: Point, b: Point) => cmp(b, a);
  const matching = rows
    .filter((r) => matches(r, req.stage, req.q))
    .map((row) => ({ row, v: sortValue(row, req.sort), namespace: row.namespace, name: row.name }));
  const total = matching.length;
  const firstPage = () => ({ page: first(matching, req.limit, cmp), offset: 0 });
  const lastPage = () => {
    const page = first(matching, req.limit, back).reverse();
    return { page, offset: total - page.length };
  };
  const at = (() => {
    if (req.after) {
      const after = pointOf(req.after);
      const rest = matching.filter((p) => cmp(p, after) > 0);
      // Past the end (its rows went): the last page.
      if (rest.length === 0) return lastPage();
      return { page: first(rest, req.limit, cmp), offset: total - rest.length };
    }
    if (req.before) {
      const before = pointOf(req.before);
      const rest = matching.filter((p) => cmp(p, before) < 0);
      // Back at the start: a whole first page, not the few rows left before the cursor.
      if (rest.length <= req.limit) return firstPage();
      const page = first(rest, req.limit, back).reverse();
      return { page, offset: rest.length - page.length };
    }
    return firstPage();
  })();
  const { page, offset } = at;
  const edge = (p: Point | undefined) => p && encodeCursor({ v: p.v, k: `${p.namespace}/${p.name}` });
  return {
    rows: page.map((p) => p.row),
    total,
    offset,
    next: offset + page.length < total ? edge(page.at(-1)) : undefined,
    prev: offset > 0 ? edge(page[0]) : undefined,
  };
}

// base64url of the JSON [value, key]: opaque in URLs, and free of the `|` and `~` event ids use.
export function encodeCursor(c: Cursor): string {
  const bytes = new TextEncoder().encode(JSON.stringify([c.v, c.k]));
  return btoa(String.fromCharCode(...bytes))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");
}

/** The cursor `text` encodes, or undefined when it is not one. */
export function decodeCursor(text: string): Cursor | undefined {
  if (!/^[A-Za-z0-9_-]{1,700}$/.test(text)) return undefined;
  try {
    const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
    const json = new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0)));
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value) || value.length !== 2) return undefined;
    const [v, k] = value as unknown[];
    const sortable = typeof v === "string" || (typeof v === "number" && Number.isFinite(v));
    if (!sortable || typeof k !== "string" || k.indexOf("/") <= 0) return undefined;
    return { v, k };
  } catch {
    return undefined;
  }
}

/** The query string of a request, defaults left out, always in one order (it names a live view). */
export function formatListQuery(req: ListRequest): string {
  const q = new URLSearchParams();
  if (req.sort) q.set("sort", req.sort);
  if (req.dir !== (req.sort ? FIRST_DIR[req.sort] : "asc")) q.set("dir", req.dir);
  if (req.stage !== "all") q.set("stage", req.stage);
  if (req.q) q.set("q", req.q);
  if (req.limit !== PAGE_SIZE) q.set("limit", String(req.limit));
  if (req.after) q.set("after", encodeCursor(req.after));
  else if (req.before) q.set("before", encodeCursor(req.before));
  return q.toString();
}

/** The live sub of one page; equal requests name one view (the query is canonical). */
export function listSub(req: ListRequest): LiveSub {
  const query = formatListQuery(req);
  return query ? `lbs?${query}` : "lbs";
}

export const isBucket = (s: string): s is Bucket => (BUCKET_IDS as readonly string[]).includes(s);
