"use client";

import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import type { ReactNode } from "react";
import { SinceTime } from "@/components/status/since-time";
import { AppLink as Link } from "@/components/ui/app-link";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ScrollArea } from "@/components/ui/scroll-area";
import { linkClass } from "@/components/ui/text-link";
import type { ListSort, SortDir } from "@/lib/live-wire/list-page";
import type { DashboardRow } from "@/lib/status";
import { bucketOf } from "@/lib/status/buckets";
import { StatusCell } from "./status-cell";

type Row = DashboardRow & { clusterNamespace?: string };

interface Column {
  id: string;
  header: string;
  /** the list's sort key, for the columns it can sort by */
  sort?: ListSort;
  cell: (r: Row, provider: boolean) => ReactNode;
}

const COLUMNS: Column[] = [
  {
    id: "name",
    header: "Name",
    sort: "name",
    cell: (r, provider) =>
      provider ? (
        <span className="font-medium whitespace-nowrap">{r.name}</span>
      ) : (
        <Link
          href={`/loadbalancers/${encodeURIComponent(r.namespace)}/${encodeURIComponent(r.name)}`}
          className={cn(linkClass, "whitespace-nowrap")}
        >
          {r.name}
        </Link>
      ),
  },
  { id: "status", header: "Status", sort: "status", cell: (r) => <StatusCell row={r} /> },
  {
    id: "namespace",
    header: "Namespace",
    sort: "namespace",
    cell: (r, provider) => (
      <>
        {r.namespace}
        {provider && r.clusterNamespace ? (
          <span className="block text-xs text-muted">binding {r.clusterNamespace}</span>
        ) : null}
      </>
    ),
  },
  { id: "domain", header: "Domain", cell: (r) => <span className="whitespace-nowrap">{r.domain ?? "—"}</span> },
  {
    id: "address",
    header: "Address",
    cell: (r) => <span className="font-mono text-xs">{r.address ?? "—"}</span>,
  },
  // The cell counts in the browser (SinceTime).
  { id: "age", header: "Created", sort: "created", cell: (r) => <SinceTime iso={r.createdAt} /> },
];

/** Where the rows shown sit in the whole list, and how to reach the pages beside them. */
export interface PagerProps {
  offset: number;
  total: number;
  onPrev?: () => void;
  onNext?: () => void;
}

/**
 * The LoadBalancer list: one page of rows, already sorted, with sortable headers (name,
 * namespace, status, creation), one status column and the pager. It scrolls sideways inside its
 * own box on narrow screens, never the page.
 */
export function LoadBalancerTable({
  rows,
  caption,
  provider = false,
  sort,
  onSort,
  pager,
  pending = false,
}: {
  rows: Row[];
  caption: string;
  provider?: boolean;
  sort: { sort?: ListSort; dir: SortDir };
  onSort: (column: ListSort) => void;
  pager: PagerProps;
  /** the rows are the last page while another one is on its way */
  pending?: boolean;
}) {
  return (
    <div className="flex flex-col gap-2">
      <ScrollArea label={caption} className="rounded-lg border border-border bg-surface-raised">
        <table aria-busy={pending || undefined} className="w-full min-w-[40rem] border-collapse text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="border-b border-border bg-surface-sunken text-xs uppercase tracking-wide text-muted">
            <tr>
              {COLUMNS.map((c) => {
                const sorted = c.sort && c.sort === sort.sort ? sort.dir : undefined;
                return (
                  <th
                    key={c.id}
                    scope="col"
                    className="px-3 py-2 align-middle font-semibold whitespace-nowrap"
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                  >
                    {c.sort ? (
                      <button
                        type="button"
                        onClick={() => c.sort && onSort(c.sort)}
                        className="inline-flex items-center gap-1 uppercase hover:text-fg"
                      >
                        {c.header}
                        {sorted === "asc" ? (
                          <ArrowUp aria-hidden="true" className="size-3.5" />
                        ) : sorted === "desc" ? (
                          <ArrowDown aria-hidden="true" className="size-3.5" />
                        ) : (
                          <ArrowUpDown aria-hidden="true" className="size-3.5 opacity-50" />
                        )}
                      </button>
                    ) : (
                      c.header
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr
                key={`${r.namespace}/${r.name}`}
                data-row={`${r.namespace}/${r.name}`}
                data-stage={r.current.id}
                data-bucket={bucketOf(r)}
                className="border-b border-border last:border-b-0 hover:bg-surface-sunken/60"
              >
                {COLUMNS.map((c) => (
                  <td key={c.id} data-col={c.id} className="px-3 py-2 align-middle">
                    {c.cell(r, provider)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
      {pager.onPrev || pager.onNext ? <Pager {...pager} count={rows.length} label={caption} /> : null}
    </div>
  );
}

function Pager({ offset, count, total, label, onPrev, onNext }: PagerProps & { count: number; label: string }) {
  return (
    <nav aria-label={`${label}: pages`} className="flex items-center gap-3 text-sm">
      <Button size="sm" disabled={!onPrev} onClick={onPrev}>
        Previous
      </Button>
      <span data-testid="page-range">
        {(offset + 1).toLocaleString("en")}–{(offset + count).toLocaleString("en")} of {total.toLocaleString("en")}
      </span>
      <Button size="sm" disabled={!onNext} onClick={onNext}>
        Next
      </Button>
    </nav>
  );
}
