"use client";

import { BucketPill } from "@/components/status/bucket-pill";
import { Tooltip } from "@/components/ui/tooltip";
import type { DashboardRow } from "@/lib/status";

/**
 * A LoadBalancer's one status in a table: its pill, and the model's sentence (what happens, or
 * what to fix) on hover and focus.
 */
export function StatusCell({ row }: { row: Pick<DashboardRow, "current" | "summary"> }) {
  return (
    <Tooltip content={row.summary}>
      <button
        type="button"
        data-testid="status-pill"
        className="rounded-full focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
      >
        <BucketPill row={row} />
        <span className="sr-only">: {row.summary}</span>
      </button>
    </Tooltip>
  );
}
