import type { Bucket, DashboardRow } from "@/lib/status";
import { BUCKET_IDS, bucketOf } from "@/lib/status/buckets";

export type BucketFilter = Bucket | "all";

/** A filter from a URL's ?stage=, "all" when absent or not a bucket. */
export function parseBucketFilter(value: string | string[] | undefined): BucketFilter {
  return typeof value === "string" && (BUCKET_IDS as readonly string[]).includes(value) ? (value as Bucket) : "all";
}

/** Rows in `bucket` whose name, namespace or domain contain `query`. */
export function filterRows<R extends DashboardRow>(rows: R[], bucket: BucketFilter, query: string): R[] {
  const q = query.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (bucket === "all" || bucketOf(r) === bucket) &&
      (!q || [r.name, r.namespace, r.domain ?? ""].some((field) => field.toLowerCase().includes(q))),
  );
}
