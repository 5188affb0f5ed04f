import { type PillTone, StatusPill } from "@/components/ui/badge";
import type { DashboardRow, StageState } from "@/lib/status";
import { BUCKET_LABELS, bucketOf } from "@/lib/status/buckets";

const TONE: Record<StageState, PillTone> = {
  done: "success",
  "in-progress": "info",
  pending: "info",
  blocked: "danger",
  failed: "danger",
};

/** Where a LoadBalancer stands in plain words (its bucket), with a colour and icon by state. */
export function BucketPill({ row }: { row: Pick<DashboardRow, "current"> }) {
  const bucket = bucketOf(row);
  const deleting = bucket === "requested";
  return (
    <StatusPill tone={deleting ? "neutral" : TONE[row.current.state]} data-bucket={bucket}>
      {BUCKET_LABELS[bucket]}
    </StatusPill>
  );
}
