"use client";

import dynamic from "next/dynamic";
import { LiveViewFrame } from "@/components/status/live-view-frame";
import type { DashboardView } from "@/lib/live/types";
import { type LiveError, liveSub } from "@/lib/live-wire/live-protocol";
import { BindingCard, type BindingLine } from "./binding-card";
import { NoLoadBalancers } from "./no-loadbalancers";
import { RecentChanges } from "./recent-changes";
import { StageTiles } from "./stage-tiles";

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
  return (
    <LiveViewFrame
      sub={liveSub.dashboard}
      initial={initial}
      resume={resume}
      initialProblem={initialProblem}
      className="gap-6"
    >
      {(view: DashboardView) => (
        <>
          <section aria-labelledby="overview-heading" className="flex flex-col gap-3">
            <h2 id="overview-heading" className="text-lg font-semibold">
              Your LoadBalancers
            </h2>
            {view.total === 0 ? (
              <NoLoadBalancers namespaces={view.namespaces} />
            ) : (
              <StageTiles counts={view.counts} total={view.total} />
            )}
          </section>
          <div className="grid gap-6 lg:grid-cols-2">
            <BindingCard bindings={bindings} konnector={view.konnector} />
            <RecentChanges rows={view.recent} />
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
    </LiveViewFrame>
  );
}
