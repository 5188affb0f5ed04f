"use client";

import type { DashboardView } from "@/lib/live/types";
import type { LiveError } from "@/lib/live-wire/live-protocol";
import type { BucketFilter } from "./filter-rows";
import { FilterableList } from "./filterable-list";
import { LiveViewFrame, NoLoadBalancers } from "./live-view-frame";

/**
 * Every LoadBalancer of the user, kept current by the page's live stream: rows appear, change and
 * vanish without reloads or polling.
 */
export function LiveLoadBalancerList({
  initial,
  resume,
  initialProblem,
  initialBucket,
}: {
  initial?: DashboardView;
  /** the hash of `initial` the server remembered: the stream then starts from it */
  resume?: string;
  initialProblem?: LiveError;
  /** the stage chip pressed at first (the dashboard's tiles link here with ?stage=) */
  initialBucket?: BucketFilter;
}) {
  return (
    <LiveViewFrame initial={initial} resume={resume} initialProblem={initialProblem} className="gap-4">
      {(view) =>
        view.rows.length === 0 ? (
          <NoLoadBalancers namespaces={view.namespaces} />
        ) : (
          <section aria-labelledby="yours-heading" className="flex flex-col gap-3">
            <h2 id="yours-heading" className="sr-only">
              Your LoadBalancers
            </h2>
            <FilterableList
              rows={view.rows}
              counts={view.counts}
              label="Your LoadBalancers"
              initialBucket={initialBucket}
            />
          </section>
        )
      }
    </LiveViewFrame>
  );
}
