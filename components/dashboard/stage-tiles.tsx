import { AppLink as Link } from "@/components/ui/app-link";
import { cn } from "@/components/ui/cn";
import type { Bucket, BucketCounts } from "@/lib/status";
import { BUCKET_IDS, BUCKET_LABELS } from "@/lib/status/buckets";

/** The stages between requested and ready, shown as one "In progress" tile with its parts. */
const IN_PROGRESS = BUCKET_IDS.filter((b) => b !== "ready" && b !== "failed");

/**
 * The overview's counts: all, ready, in progress (with the stages it is made of) and failed, as
 * the server counted them. Each tile opens the list filtered to it.
 */
export function StageTiles({ counts, total }: { counts: BucketCounts; total: number }) {
  const inProgress = IN_PROGRESS.reduce((n, b) => n + counts[b], 0);
  const parts = IN_PROGRESS.filter((b) => counts[b] > 0)
    .map((b) => `${BUCKET_LABELS[b]} ${counts[b]}`)
    .join(" · ");
  return (
    <ul aria-label="Your LoadBalancers by stage" className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      <Tile href="/loadbalancers" label="All" count={total} id="all" />
      <Tile
        href="/loadbalancers?stage=ready"
        label={BUCKET_LABELS.ready}
        count={counts.ready}
        id="ready"
        tone="success"
      />
      <Tile
        href="/loadbalancers"
        label="In progress"
        count={inProgress}
        id="in-progress"
        tone="info"
        detail={parts || undefined}
      />
      <Tile
        href="/loadbalancers?stage=failed"
        label={BUCKET_LABELS.failed}
        count={counts.failed}
        id="failed"
        tone={counts.failed > 0 ? "danger" : undefined}
      />
    </ul>
  );
}

const TONE = {
  success: "border-l-success",
  info: "border-l-accent",
  danger: "border-l-danger",
} as const;

function Tile({
  href,
  label,
  count,
  id,
  tone,
  detail,
}: {
  href: string;
  label: string;
  count: number;
  id: Bucket | "all" | "in-progress";
  tone?: keyof typeof TONE;
  detail?: string;
}) {
  return (
    <li>
      <Link
        href={href}
        data-tile={id}
        className={cn(
          "flex h-full flex-col gap-1 rounded-lg border border-l-4 border-border bg-surface-raised p-4 shadow-sm transition-colors hover:bg-surface-sunken",
          tone ? TONE[tone] : "border-l-border-strong",
        )}
      >
        <span className="text-sm font-medium text-muted">{label}</span>
        <span data-count={id} className={cn("text-3xl font-semibold tabular-nums", tone === "danger" && "text-danger")}>
          {count}
        </span>
        {detail ? (
          <span data-tile-detail className="text-xs text-muted">
            {detail}
          </span>
        ) : null}
      </Link>
    </li>
  );
}
