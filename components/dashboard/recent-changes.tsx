"use client";

import { BucketPill } from "@/components/status/bucket-pill";
import { SinceTime } from "@/components/status/since-time";
import { AppLink as Link } from "@/components/ui/app-link";
import { Card } from "@/components/ui/card";
import { linkClass } from "@/components/ui/text-link";
import type { DashboardRow } from "@/lib/status";

/**
 * The few most recently changed LoadBalancers (picked and ordered on the server), each linking to its page, with what blocks those
 * that are not done in words (no tooltip engine on the overview: it stays within its JS budget).
 */
export function RecentChanges({ rows }: { rows: DashboardRow[] }) {
  return (
    <Card title="Recent changes" description="The LoadBalancers that changed last.">
      {rows.length === 0 ? (
        <p className="text-sm text-muted">Nothing yet.</p>
      ) : (
        <ul aria-label="Recent changes" className="flex flex-col divide-y divide-border">
          {rows.map((r) => (
            <li
              key={`${r.namespace}/${r.name}`}
              data-recent={`${r.namespace}/${r.name}`}
              className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 py-2"
            >
              <span className="min-w-0">
                <Link
                  href={`/loadbalancers/${encodeURIComponent(r.namespace)}/${encodeURIComponent(r.name)}`}
                  className={linkClass}
                >
                  {r.name}
                </Link>
                <span className="ml-2 text-xs text-muted">{r.namespace}</span>
                {/* The sentence in full, not behind a tooltip: the overview is also read on phones. */}
                {r.current.state === "done" ? null : <span className="block text-xs text-muted">{r.summary}</span>}
              </span>
              <span className="flex items-center gap-3 text-xs text-muted">
                <BucketPill row={r} />
                <SinceTime iso={r.changedAt ?? r.createdAt} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
