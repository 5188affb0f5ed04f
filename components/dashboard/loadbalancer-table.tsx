"use client";

import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  type SortingState,
  useReactTable,
} from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { useState } from "react";
import { SinceTime } from "@/components/status/since-time";
import { AppLink as Link } from "@/components/ui/app-link";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ScrollArea } from "@/components/ui/scroll-area";
import { linkClass } from "@/components/ui/text-link";
import type { DashboardRow } from "@/lib/status";
import { BUCKET_ORDER, bucketOf } from "@/lib/status/buckets";
import { StatusCell } from "./status-cell";

type Row = DashboardRow & { clusterNamespace?: string };

/** Rows per page: a browser stays quick with a few hundred table rows, not thousands. */
export const PAGE_SIZE = 100;

const time = (iso: string | undefined) => (iso ? Date.parse(iso) || 0 : 0);

function columns(provider: boolean): ColumnDef<Row>[] {
  return [
    {
      id: "name",
      header: "Name",
      accessorFn: (r) => r.name,
      cell: ({ row: { original: r } }) =>
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
    {
      id: "status",
      header: "Status",
      // Failed first, then by how far provisioning got.
      accessorFn: (r) => BUCKET_ORDER[bucketOf(r)],
      cell: ({ row: { original: r } }) => <StatusCell row={r} />,
    },
    {
      id: "namespace",
      header: "Namespace",
      accessorFn: (r) => r.namespace,
      cell: ({ row: { original: r } }) => (
        <>
          {r.namespace}
          {provider && r.clusterNamespace ? (
            <span className="block text-xs text-muted">binding {r.clusterNamespace}</span>
          ) : null}
        </>
      ),
    },
    {
      id: "domain",
      header: "Domain",
      accessorFn: (r) => r.domain ?? "",
      enableSorting: false,
      cell: ({ row: { original: r } }) => <span className="whitespace-nowrap">{r.domain ?? "—"}</span>,
    },
    {
      id: "address",
      header: "Address",
      accessorFn: (r) => r.address ?? "",
      enableSorting: false,
      cell: ({ row: { original: r } }) => <span className="font-mono text-xs">{r.address ?? "—"}</span>,
    },
    {
      id: "age",
      header: "Created",
      // Newest first when sorted descending; the cell counts in the browser (SinceTime).
      accessorFn: (r) => time(r.createdAt),
      sortDescFirst: true,
      cell: ({ row: { original: r } }) => <SinceTime iso={r.createdAt} />,
    },
  ];
}

/**
 * The LoadBalancer list: sortable by name, namespace, status and creation, one status column, a
 * page at a time. It scrolls sideways inside its own box on narrow screens, never the page.
 */
export function LoadBalancerTable({
  rows,
  caption,
  provider = false,
}: {
  rows: Row[];
  caption: string;
  provider?: boolean;
}) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const [wanted, setPage] = useState(0);
  const [cols] = useState(() => columns(provider));
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  // Filters and deletions can shrink the list under the current page.
  const page = Math.min(wanted, pages - 1);
  const table = useReactTable({
    data: rows,
    columns: cols,
    state: { sorting, pagination: { pageIndex: page, pageSize: PAGE_SIZE } },
    onSortingChange: setSorting,
    getRowId: (r) => `${r.namespace}/${r.name}`,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getPaginationRowModel: getPaginationRowModel(),
  });
  return (
    <div className="flex flex-col gap-2">
      <ScrollArea label={caption} className="rounded-lg border border-border bg-surface-raised">
        <table className="w-full min-w-[40rem] border-collapse text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="border-b border-border bg-surface-sunken text-xs uppercase tracking-wide text-muted">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((h) => {
                  const sorted = h.column.getIsSorted();
                  return (
                    <th
                      key={h.id}
                      scope="col"
                      className="px-3 py-2 align-middle font-semibold whitespace-nowrap"
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                    >
                      {h.column.getCanSort() ? (
                        <button
                          type="button"
                          onClick={h.column.getToggleSortingHandler()}
                          className="inline-flex items-center gap-1 uppercase hover:text-fg"
                        >
                          {flexRender(h.column.columnDef.header, h.getContext())}
                          {sorted === "asc" ? (
                            <ArrowUp aria-hidden="true" className="size-3.5" />
                          ) : sorted === "desc" ? (
                            <ArrowDown aria-hidden="true" className="size-3.5" />
                          ) : (
                            <ArrowUpDown aria-hidden="true" className="size-3.5 opacity-50" />
                          )}
                        </button>
                      ) : (
                        flexRender(h.column.columnDef.header, h.getContext())
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr
                key={row.id}
                data-row={row.id}
                data-stage={row.original.current.id}
                data-bucket={bucketOf(row.original)}
                className="border-b border-border last:border-b-0 hover:bg-surface-sunken/60"
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} data-col={cell.column.id} className="px-3 py-2 align-middle">
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
      {pages > 1 ? <Pager page={page} pages={pages} total={rows.length} label={caption} onPage={setPage} /> : null}
    </div>
  );
}

function Pager({
  page,
  pages,
  total,
  label,
  onPage,
}: {
  page: number;
  pages: number;
  total: number;
  label: string;
  onPage: (page: number) => void;
}) {
  const first = page * PAGE_SIZE + 1;
  const last = Math.min(total, (page + 1) * PAGE_SIZE);
  return (
    <nav aria-label={`${label}: pages`} className="flex items-center gap-3 text-sm">
      <Button size="sm" disabled={page === 0} onClick={() => onPage(page - 1)}>
        Previous
      </Button>
      <span data-testid="page-range">
        {first.toLocaleString("en")}–{last.toLocaleString("en")} of {total.toLocaleString("en")}
      </span>
      <Button size="sm" disabled={page === pages - 1} onClick={() => onPage(page + 1)}>
        Next
      </Button>
    </nav>
  );
}
