"use client";

import { useState } from "react";
import { say } from "@/components/status/text";
import type { BucketCounts, DashboardRow } from "@/lib/status";
import { countBuckets } from "@/lib/status/buckets";
import { type BucketFilter, filterRows } from "./filter-rows";
import { ListFilters } from "./list-filters";
import { LoadBalancerTable } from "./loadbalancer-table";

/** One list of LoadBalancers with its filter control (search and stage chips) above it. */
export function FilterableList<R extends DashboardRow & { clusterNamespace?: string }>({
  rows,
  label,
  counts,
  initialBucket = "all",
  provider,
}: {
  rows: R[];
  label: string;
  /** the server's counts, when it sent them; else counted here */
  counts?: BucketCounts;
  initialBucket?: BucketFilter;
  provider?: boolean;
}) {
  const [bucket, setBucket] = useState<BucketFilter>(initialBucket);
  const [query, setQuery] = useState("");
  const shown = filterRows(rows, bucket, query);
  return (
    <div className="flex flex-col gap-3">
      <ListFilters
        label={label}
        query={query}
        bucket={bucket}
        counts={counts ?? countBuckets(rows)}
        total={rows.length}
        onQuery={setQuery}
        onBucket={setBucket}
      />
      {shown.length === 0 ? (
        <p className="rounded-lg border border-dashed border-border-strong p-4 text-sm text-muted">{say.noMatch}</p>
      ) : (
        <LoadBalancerTable rows={shown} caption={label} provider={provider} />
      )}
    </div>
  );
}
