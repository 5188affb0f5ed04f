// Where a LoadBalancer stands, in one word for lists and counts: the stage it is at, or Failed
// when that stage is blocked or failed. Pure: the server counts with it, the browser filters.
import type { DashboardRow } from "./types";
import { STAGE_IDS } from "./types";

export const BUCKET_IDS = [...STAGE_IDS, "failed"] as const;
export type Bucket = (typeof BUCKET_IDS)[number];
export type BucketCounts = Record<Bucket, number>;

/**
 * Plain names, one per bucket: what is happening, not how the model calls the step. `requested`
 * is the current stage only while the object is being deleted.
 */
export const BUCKET_LABELS: Record<Bucket, string> = {
  requested: "Deleting",
  synced: "Syncing",
  settings: "Syncing settings",
  resources: "Provisioning",
  routing: "Routing",
  address: "Assigning address",
  ready: "Ready",
  failed: "Failed",
};

/** The order a list sorts buckets in: what needs attention first, what is done last. */
export const BUCKET_ORDER: Record<Bucket, number> = {
  failed: 0,
  requested: 1,
  synced: 2,
  settings: 3,
  resources: 4,
  routing: 5,
  address: 6,
  ready: 7,
};

export function bucketOf(row: Pick<DashboardRow, "current">): Bucket {
  const { id, state } = row.current;
  return state === "blocked" || state === "failed" ? "failed" : id;
}

export function countBuckets(rows: Pick<DashboardRow, "current">[]): BucketCounts {
  const counts = Object.fromEntries(BUCKET_IDS.map((b) => [b, 0])) as BucketCounts;
  for (const r of rows) counts[bucketOf(r)] += 1;
  return counts;
}

/** The most recently changed rows first (creation time when nothing is known), at most `n`. */
export function recentRows<R extends Pick<DashboardRow, "changedAt" | "createdAt" | "namespace" | "name">>(
  rows: R[],
  n: number,
): R[] {
  const at = (r: R) => Date.parse(r.changedAt ?? r.createdAt ?? "") || 0;
  return [...rows].sort((a, b) => at(b) - at(a) || a.name.localeCompare(b.name)).slice(0, n);
}
