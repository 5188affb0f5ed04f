"use client";

import { type PillTone, StatusPill } from "@/components/ui/badge";
import { Tooltip } from "@/components/ui/tooltip";
import { BUCKET_LABELS, bucketOf, type DashboardRow, type StageState } from "@/lib/status";

const TONE: Record<StageState, PillTone> = {
  done: "success",
  "in-progress": "info",
  pending: "info",
  blocked: "danger",
  failed: "danger",
};

/**
 * A LoadBalancer's one status: where it stands in plain words (its bucket), a colour and icon by
 * state, and the model's sentence (what happens, or what to fix) on hover and focus.
 */
export function StatusCell({ row }: { row: Pick<DashboardRow, "current" | "summary"> }) {
  const bucket = bucketOf(row);
  const deleting = bucket === "requested";
  return (
    <Tooltip content={row.summary}>
      <button
        type="button"
        data-testid="status-pill"
        className="rounded-full focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
      >
        <StatusPill tone={deleting ? "neutral" : TONE[row.current.state]} data-bucket={bucket}>
          {BUCKET_LABELS[bucket]}
        </StatusPill>
        <span className="sr-only">: {row.summary}</span>
      </button>
    </Tooltip>
  );
}
