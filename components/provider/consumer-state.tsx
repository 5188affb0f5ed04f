"use client";

import { Age } from "@/components/status/age";
import type { ConsumerRow } from "@/lib/provider/types";
import { CONSUMER_STATE, HEARTBEAT, KONNECTOR, text } from "./text";

export function ConsumerStateBadge({ state }: { state: ConsumerRow["state"] }) {
  const s = CONSUMER_STATE[state];
  return (
    <span
      data-consumer-state={state}
      className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium ${s.cls}`}
    >
      {s.label}
    </span>
  );
}

/** The heartbeat: its state in a word and how long ago it came (counted in the browser). */
export function Heartbeat({ heartbeat }: { heartbeat: ConsumerRow["heartbeat"] }) {
  return (
    <span data-heartbeat={heartbeat.state} className="whitespace-nowrap">
      {HEARTBEAT[heartbeat.state]}
      <span className="block text-xs text-slate-600 dark:text-slate-400">
        {heartbeat.at ? (
          <>
            <Age since={heartbeat.at} /> {text.ago}
          </>
        ) : (
          text.never
        )}
      </span>
    </span>
  );
}

/** The konnector: its version from the heartbeat, and its Deployment when the portal sees it. */
export function Konnector({ row }: { row: ConsumerRow }) {
  return (
    <span data-konnector={row.konnector?.state ?? "unseen"}>
      {row.konnectorVersion ?? "—"}
      <span className="block text-xs text-slate-600 dark:text-slate-400">
        {row.konnector
          ? `${KONNECTOR[row.konnector.state]}, ${row.konnector.ready}/${row.konnector.replicas} ready`
          : text.notVisible}
      </span>
    </span>
  );
}
