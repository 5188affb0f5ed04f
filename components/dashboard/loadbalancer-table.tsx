"use client";

import { memo, useState } from "react";
import { Age } from "@/components/status/age";
import { StageBadge } from "@/components/status/stage-badge";
import { AppLink as Link } from "@/components/ui/app-link";
import { ScrollArea } from "@/components/ui/scroll-area";
import type { DashboardRow } from "@/lib/status";

type Row = DashboardRow & { clusterNamespace?: string };

const link = "text-sky-700 underline dark:text-sky-400";

/** Rows per page: a browser stays quick with a few hundred table rows, not thousands. */
export const PAGE_SIZE = 100;

/**
 * kubectl's columns (STATE, READY, ADDRESS, AGE) plus where provisioning stands, a page at a time.
 * Rows are memoized: a live update re-renders only the rows whose objects changed.
 */
export function LoadBalancerTable({ rows, caption, provider }: { rows: Row[]; caption: string; provider?: boolean }) {
  const [wanted, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  // Filters and deletions can shrink the list under the current page.
  const page = Math.min(wanted, pages - 1);
  const shown = rows.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  return (
    <div className="flex flex-col gap-2">
      <ScrollArea label={caption}>
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="border-b border-slate-200 dark:border-slate-700">
            <tr>
              <th scope="col" className="py-2 pr-3">
                Namespace
              </th>
              <th scope="col" className="pr-3">
                Name
              </th>
              <th scope="col" className="pr-3">
                Domain
              </th>
              <th scope="col" className="pr-3">
                State
              </th>
              <th scope="col" className="pr-3">
                Ready
              </th>
              <th scope="col" className="pr-3">
                Address
              </th>
              <th scope="col" className="pr-3">
                Age
              </th>
              <th scope="col">Stage</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <LoadBalancerRow key={`${r.namespace}/${r.name}`} row={r} provider={provider} />
            ))}
          </tbody>
        </table>
      </ScrollArea>
      {pages > 1 ? <Pager page={page} pages={pages} total={rows.length} label={caption} onPage={setPage} /> : null}
    </div>
  );
}

const LoadBalancerRow = memo(function LoadBalancerRow({ row: r, provider }: { row: Row; provider?: boolean }) {
  return (
    <tr
      data-row={`${r.namespace}/${r.name}`}
      data-stage={r.current.id}
      className="border-b border-slate-100 align-top dark:border-slate-800"
    >
      <td className="py-2 pr-3">
        {r.namespace}
        {provider && r.clusterNamespace ? (
          <span className="block text-xs text-slate-600 dark:text-slate-400">binding {r.clusterNamespace}</span>
        ) : null}
      </td>
      <td className="pr-3">
        {provider ? (
          r.name
        ) : (
          <Link
            href={`/loadbalancers/${encodeURIComponent(r.namespace)}/${encodeURIComponent(r.name)}`}
            className={link}
          >
            {r.name}
          </Link>
        )}
      </td>
      <td className="pr-3">{r.domain ?? "—"}</td>
      <td className="pr-3" data-col="state">
        {r.state}
      </td>
      <td className="pr-3" data-col="ready">
        {r.ready}
      </td>
      <td className="pr-3" data-col="address">
        {r.address ?? "—"}
      </td>
      <td className="pr-3">
        <Age since={r.createdAt} />
      </td>
      <td title={r.summary}>
        <StageBadge state={r.current.state} label={r.current.label} />
      </td>
    </tr>
  );
});

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
  const button =
    "rounded border border-slate-300 px-3 py-1 text-sm disabled:opacity-50 dark:border-slate-600 enabled:hover:bg-slate-100 dark:enabled:hover:bg-slate-800";
  return (
    <nav aria-label={`${label}: pages`} className="flex items-center gap-3 text-sm">
      <button type="button" className={button} disabled={page === 0} onClick={() => onPage(page - 1)}>
        Previous
      </button>
      <span data-testid="page-range">
        {first.toLocaleString("en")}–{last.toLocaleString("en")} of {total.toLocaleString("en")}
      </span>
      <button type="button" className={button} disabled={page === pages - 1} onClick={() => onPage(page + 1)}>
        Next
      </button>
    </nav>
  );
}
