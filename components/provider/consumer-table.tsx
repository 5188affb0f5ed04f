"use client";

import { AppLink as Link } from "@/components/ui/app-link";
import { DataTable, rowClass } from "@/components/ui/data-table";
import type { ConsumerRow } from "@/lib/provider/types";
import { ConsumerStateBadge, Heartbeat, Konnector } from "./consumer-state";
import { FixBlock } from "./fix-block";
import { text } from "./text";

const link = "text-sky-700 underline dark:text-sky-400";

/** Every ClusterBinding on the provider, the troubled ones first. */
export function ConsumerTable({ rows }: { rows: ConsumerRow[] }) {
  if (rows.length === 0) return <p className="text-sm">{text.noConsumers}</p>;
  return (
    <DataTable
      caption={text.consumers}
      columns={[
        "Consumer",
        "Owner",
        "State",
        "Konnector",
        "Heartbeat",
        "Exports",
        "LoadBalancers",
        "Provider namespaces",
      ]}
      th="py-2 pr-3 font-semibold"
      className="w-full min-w-[56rem] text-left text-sm"
    >
      {rows.map((r) => (
        <tr key={r.namespace} data-consumer={r.namespace} className={rowClass}>
          <td className="py-2 pr-3">
            <Link href={`/provider/consumers/${encodeURIComponent(r.namespace)}`} className={link}>
              {r.consumer}
            </Link>
            {r.local ? (
              <span className="block text-xs text-slate-600 dark:text-slate-400">this portal's consumer</span>
            ) : null}
          </td>
          <td className="whitespace-nowrap py-2 pr-3">{r.author ?? "—"}</td>
          <td className="max-w-xs py-2 pr-3">
            <ConsumerStateBadge state={r.state} />
            <p className="mt-1 text-xs" data-summary>
              {r.summary}
            </p>
            {r.fix ? (
              <details className="mt-1 text-xs">
                <summary className="cursor-pointer">{text.fix}</summary>
                <div className="mt-1">
                  <FixBlock fix={r.fix} />
                </div>
              </details>
            ) : null}
          </td>
          <td className="py-2 pr-3">
            <Konnector row={r} />
          </td>
          <td className="py-2 pr-3">
            <Heartbeat heartbeat={r.heartbeat} />
          </td>
          <td className="py-2 pr-3">
            {r.exports.length
              ? r.exports.map((e) => (
                  <span key={e.name} className="block" title={e.message}>
                    {e.name}
                    {e.inSync ? "" : " (out of sync)"}
                  </span>
                ))
              : "—"}
          </td>
          <td className="py-2 pr-3" data-col="instances">
            {r.instances.length
              ? r.instances.map((i) => (
                  <span key={i.resource} className="block whitespace-nowrap">
                    {text.instances(i.total, i.notReady, i.kind)}
                  </span>
                ))
              : text.noInstances}
          </td>
          <td className="whitespace-nowrap py-2 pr-3 font-mono text-xs">
            {r.providerNamespaces.map((n) => (
              <span key={n} className="block">
                {n}
              </span>
            ))}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
