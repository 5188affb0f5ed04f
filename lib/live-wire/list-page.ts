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

const collator = new Intl.Collator("en");
const compareValues = (a: string | number, b: string | number) =>
  typeof a === "number" && typeof b === "number" ? a - b : collator.compare(String(a), String(b));

type Point = { v: string | number; namespace: string; name: string };

/** The list's total order: the sort value, then namespace and name; all reversed when descending. */
function comparer(dir: SortDir) {
  const sign = dir === "desc" ? -1 : 1;
  return (a: Point, b: Point) =>
    sign * (compareValues(a.v, b.v) || collator.compare(a.namespace, b.namespace) || collator.compare(a.name, b.name));
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

/** The first index whose point is after `p` (`strict`) or not before it, by binary search. */
function search(points: Point[], p: Point, cmp: (a: Point, b: Point) => number, strict: boolean): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const c = cmp(points[mid], p);
    if (c < 0 || (strict && c === 0)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One page of `rows` for `req`: only what matches, in order, from its cursor. */
export function listPage<R extends DashboardRow>(rows: readonly R[], req: ListRequest): ListPage<R> {
  const cmp = comparer(req.dir);
  const sorted = rows
    .filter((r) => matches(r, req.stage, req.q))
    .map((row) => ({ row, v: sortValue(row, req.sort), namespace: row.namespace, name: row.name }))
    .sort(cmp);
  const total = sorted.length;
  let start = 0;
  let end = Math.min(total, req.limit);
  if (req.after) {
    // Past the end (its rows went): the last page.
    start = search(sorted, pointOf(req.after), cmp, true);
    if (start === total) start = Math.max(0, total - req.limit);
    end = Math.min(total, start + req.limit);
  } else if (req.before) {
    // Back at the start: a whole first page, not the few rows left before the cursor.
    end = Math.max(search(sorted, pointOf(req.before), cmp, false), Math.min(total, req.limit));
    start = Math.max(0, end - req.limit);
  }
  const page = sorted.slice(start, end);
  const edge = (p: (typeof sorted)[number] | undefined) => p && encodeCursor({ v: p.v, k: `${p.namespace}/${p.name}` });
  return {
    rows: page.map((p) => p.row),
    total,
    offset: start,
    next: end < total ? edge(page.at(-1)) : undefined,
    prev: start > 0 ? edge(page[0]) : undefined,
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
