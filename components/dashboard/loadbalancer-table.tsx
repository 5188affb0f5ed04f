import Link from "next/link";
import { StageBadge } from "@/components/status/stage-badge";
import type { DashboardRow } from "@/lib/status";

type Row = DashboardRow & { clusterNamespace?: string };

const link = "text-sky-700 underline dark:text-sky-400";

/** kubectl's columns (STATE, READY, ADDRESS, AGE) plus where provisioning stands. */
export function LoadBalancerTable({ rows, caption, provider }: { rows: Row[]; caption: string; provider?: boolean }) {
  return (
    <div className="overflow-x-auto">
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
          {rows.map((r) => (
            <tr
              key={`${r.namespace}/${r.name}`}
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
              <td className="pr-3">{r.age}</td>
              <td title={r.summary}>
                <StageBadge state={r.current.state} label={r.current.label} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
