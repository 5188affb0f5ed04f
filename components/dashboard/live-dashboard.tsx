"use client";

import dynamic from "next/dynamic";
import { ConnectionNote } from "@/components/status/connection-note";
import { HealthBanner } from "@/components/status/health-banner";
import { ProblemPanel } from "@/components/status/problem-panel";
import { say } from "@/components/status/text";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadingPanel } from "@/components/ui/state-panels";
import type { DashboardView } from "@/lib/live/types";
import type { LiveError } from "@/lib/live-wire/live-protocol";
import { BindingCard, type BindingLine } from "./binding-card";
import { RecentChanges } from "./recent-changes";
import { StageTiles } from "./stage-tiles";
import { useDashboardView } from "./use-dashboard-view";

// Only the platform team sees the provider-wide table; its table engine stays out of everyone
// else's first load.
const FilterableList = dynamic(() => import("./filterable-list").then((m) => m.FilterableList));

/**
 * The overview, live on the page's one stream: the user's LoadBalancers counted by stage (the
 * server's counts, failed ones apart), the binding and its konnector, the latest changes; for the
 * platform team also every LoadBalancer on the provider.
 */
export function LiveDashboard({
  initial,
  resume,
  initialProblem,
  bindings,
}: {
  initial?: DashboardView;
  /** the hash of `initial` the server remembered: the stream then starts from it */
  resume?: string;
  initialProblem?: LiveError;
  /** the exports bound to the user's cluster, read when the page loaded */
  bindings?: BindingLine[];
}) {
  const { connection, view, problem, revoked } = useDashboardView(initial, resume, initialProblem);
  return (
    <div className="flex flex-col gap-6">
      <ConnectionNote state={connection} />
      {problem ? <ProblemPanel error={problem} revoked={revoked} /> : null}
      {view ? <HealthBanner health={view.health} /> : null}
      {!view ? (
        problem ? null : (
          <LoadingPanel label="Loading your LoadBalancers…" />
        )
      ) : (
        <>
          <section aria-labelledby="overview-heading" className="flex flex-col gap-3">
            <h2 id="overview-heading" className="text-lg font-semibold">
              Your LoadBalancers
            </h2>
            {view.rows.length === 0 ? (
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
              <StageTiles counts={view.counts} total={view.rows.length} />
            )}
          </section>
          <div className="grid gap-6 lg:grid-cols-2">
            <BindingCard bindings={bindings} konnector={view.konnector} />
            <RecentChanges rows={view.rows} />
          </div>
          {view.providerRows ? (
            <section aria-labelledby="provider-heading" className="flex flex-col gap-3">
              <h2 id="provider-heading" className="text-lg font-semibold">
                Every LoadBalancer on the provider
              </h2>
              {view.providerRows.length === 0 ? (
                <p className="text-sm text-muted">None yet.</p>
              ) : (
                <FilterableList rows={view.providerRows} label="Provider LoadBalancers" provider />
              )}
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}
