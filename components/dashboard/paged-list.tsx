"use client";

import { say } from "@/components/status/text";
import { decodeCursor, FIRST_DIR, type ListPage, type ListRequest, type ListSort } from "@/lib/live-wire/list-page";
import type { BucketCounts, DashboardRow } from "@/lib/status";
import { ListFilters } from "./list-filters";
import { LoadBalancerTable } from "./loadbalancer-table";

/** The request after pressing a column's header: its first direction, the other one, then none. */
export function toggleSort(req: ListRequest, column: ListSort): ListRequest {
  const first = FIRST_DIR[column];
  const next: Pick<ListRequest, "sort" | "dir"> =
    req.sort !== column
      ? { sort: column, dir: first }
      : req.dir === first
        ? { sort: column, dir: first === "asc" ? "desc" : "asc" }
        : { sort: undefined, dir: "asc" };
  return { ...req, ...next, after: undefined, before: undefined };
}

/**
 * One page of a LoadBalancer list with its controls: the search, the stage chips, sortable
 * headers and the pager. Who pages (the server for the user's list, the browser for the provider
 * table it holds) is the caller's: it gets the new request through `onRequest`.
 */
export function PagedList<R extends DashboardRow & { clusterNamespace?: string }>({
  label,
  request,
  query,
  onQuery,
  onRequest,
  page,
  all,
  counts,
  provider,
  pending,
}: {
  label: string;
  request: ListRequest;
  /** the search box's text (the request may follow it a moment later) */
  query: string;
  onQuery: (q: string) => void;
  onRequest: (req: ListRequest) => void;
  page: ListPage<R>;
  /** how many there are in all, and by stage */
  all: number;
  counts: BucketCounts;
  provider?: boolean;
  pending?: boolean;
}) {
  const go = (cursor: string | undefined, side: "after" | "before") => {
    const at = cursor ? decodeCursor(cursor) : undefined;
    return at ? () => onRequest({ ...request, after: undefined, before: undefined, [side]: at }) : undefined;
  };
  return (
    <div className="flex flex-col gap-3">
      <ListFilters
        label={label}
        query={query}
        bucket={request.stage}
        counts={counts}
        total={all}
        onQuery={onQuery}
        onBucket={(stage) => onRequest({ ...request, stage, after: undefined, before: undefined })}
      />
      {page.total === 0 ? (
        <p className="rounded-lg border border-dashed border-border-strong p-4 text-sm text-muted">{say.noMatch}</p>
      ) : (
        <LoadBalancerTable
          rows={page.rows}
          caption={label}
          provider={provider}
          sort={request}
          onSort={(column) => onRequest(toggleSort(request, column))}
          pager={{
            offset: page.offset,
            total: page.total,
            onPrev: go(page.prev, "before"),
            onNext: go(page.next, "after"),
          }}
          pending={pending}
        />
      )}
    </div>
  );
}
