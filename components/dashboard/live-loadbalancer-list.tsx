"use client";

import { ConnectionNote } from "@/components/status/connection-note";
import { HealthBanner } from "@/components/status/health-banner";
import { ProblemPanel } from "@/components/status/problem-panel";
import { say } from "@/components/status/text";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadingPanel } from "@/components/ui/state-panels";
import type { DashboardView } from "@/lib/live/types";
import type { LiveError } from "@/lib/live-wire/live-protocol";
import type { BucketFilter } from "./filter-rows";
import { FilterableList } from "./filterable-list";
import { useDashboardView } from "./use-dashboard-view";

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
  const { connection, view, problem, revoked } = useDashboardView(initial, resume, initialProblem);
  return (
    <div className="flex flex-col gap-4">
      <ConnectionNote state={connection} />
      {problem ? <ProblemPanel error={problem} revoked={revoked} /> : null}
      {view ? <HealthBanner health={view.health} /> : null}
      {!view ? (
        problem ? null : (
          <LoadingPanel label="Loading your LoadBalancers…" />
        )
      ) : view.rows.length === 0 ? (
        <EmptyState
          title="No LoadBalancers yet"
          actions={
            <ButtonLink href="/loadbalancers/new" variant="primary">
              New LoadBalancer
            </ButtonLink>
          }
        >
          <p>{say.noRows(view.namespaces)}</p>
        </EmptyState>
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
      )}
    </div>
  );
}
