"use client";

import { Search } from "lucide-react";
import { useId } from "react";
import { cn } from "@/components/ui/cn";
import { type BucketFilter, MAX_QUERY } from "@/lib/live-wire/list-page";
import type { BucketCounts } from "@/lib/status";
import { BUCKET_IDS, BUCKET_LABELS } from "@/lib/status/buckets";

/**
 * The list's one filter control: a search box and one chip per stage (Failed included), each with
 * its count. A chip shows only the LoadBalancers at that stage; pressing it again shows all.
 */
export function ListFilters({
  label,
  query,
  bucket,
  counts,
  total,
  onQuery,
  onBucket,
}: {
  label: string;
  query: string;
  bucket: BucketFilter;
  counts: BucketCounts;
  total: number;
  onQuery: (q: string) => void;
  onBucket: (b: BucketFilter) => void;
}) {
  const id = useId();
  const chip = (active: boolean, danger = false) =>
    cn(
      "inline-flex items-center gap-1.5 rounded-full border px-3 py-1 text-xs font-medium whitespace-nowrap transition-colors",
      active
        ? "border-accent-solid bg-accent-solid text-on-solid"
        : "border-border-strong bg-surface-raised text-fg hover:bg-surface-sunken",
      danger && !active && "border-danger text-danger",
    );
  const shown = BUCKET_IDS.filter((b) => b === "failed" || b === "ready" || counts[b] > 0 || bucket === b);
  return (
    <search aria-label={label} className="flex flex-col gap-3">
      <div className="relative w-full sm:max-w-sm">
        <label htmlFor={`${id}-q`} className="sr-only">
          Search
        </label>
        <Search
          aria-hidden="true"
          className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted"
        />
        <input
          id={`${id}-q`}
          type="search"
          value={query}
          maxLength={MAX_QUERY}
          onChange={(e) => onQuery(e.target.value)}
          placeholder="Search by name, namespace or domain"
          className="w-full rounded-md border border-border-strong bg-surface-raised py-1.5 pr-2 pl-8 text-sm placeholder:text-muted"
        />
      </div>
      <ul aria-label={`${label} by stage`} className="flex flex-wrap gap-2">
        <li>
          <button
            type="button"
            aria-pressed={bucket === "all"}
            className={chip(bucket === "all")}
            onClick={() => onBucket("all")}
          >
            All <span data-count="all">{total}</span>
          </button>
        </li>
        {shown.map((b) => (
          <li key={b}>
            <button
              type="button"
              aria-pressed={bucket === b}
              className={chip(bucket === b, b === "failed" && counts.failed > 0)}
              onClick={() => onBucket(bucket === b ? "all" : b)}
            >
              {BUCKET_LABELS[b]} <span data-count={b}>{counts[b]}</span>
            </button>
          </li>
        ))}
      </ul>
    </search>
  );
}
