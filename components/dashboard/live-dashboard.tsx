"use client";

import { useState } from "react";
import { ConnectionNote } from "@/components/status/connection-note";
import { HealthBanner } from "@/components/status/health-banner";
import { KonnectorHealthLine } from "@/components/status/konnector-health";
import { ProblemPanel } from "@/components/status/problem-panel";
import { say } from "@/components/status/text";
import { AppLink as Link } from "@/components/ui/app-link";
import { EmptyState, LoadingPanel } from "@/components/ui/state-panels";
import type { DashboardView } from "@/lib/live/types";
import { type LiveError, liveSub } from "@/lib/query/live-protocol";
import { useLive, useLiveEntry } from "@/lib/query/use-live";
import { DashboardFilters } from "./dashboard-filters";
import { countByStage, filterRows, type StageFilter } from "./filter-rows";
import { LoadBalancerTable } from "./loadbalancer-table";
import { StageCounts } from "./stage-counts";

/**
 * Every LoadBalancer of the user (and, for the platform team, every one on the provider), kept
 * current by the page's live stream: rows appear, change and vanish without reloads or polling.
 */
export function LiveDashboard({
  initial,
  resume,
  initialProblem,
  provider = true,
}: {
  initial?: DashboardView;
  /** the hash of `initial` the server remembered: the stream then starts from it */
  resume?: string;
  initialProblem?: LiveError;
  /** show the platform team's table of every provider LoadBalancer (when the view has it) */
  provider?: boolean;
}) {
  const connection = useLive([liveSub.dashboard]);
  const entry = useLiveEntry<DashboardView>(liveSub.dashboard, initial, resume);
  const problem = entry.problem ?? (entry.view ? undefined : initialProblem);
  const [stage, setStage] = useState<StageFilter>("all");
  const [query, setQuery] = useState("");
  const view = entry.view;
  const rows = view ? filterRows(view.rows, stage, query) : [];
  const providerRows = provider && view?.providerRows ? filterRows(view.providerRows, stage, query) : undefined;
  return (
    <div className="flex flex-col gap-4">
      <ConnectionNote state={connection} />
      {problem ? <ProblemPanel error={problem} revoked={entry.revoked} /> : null}
      {view ? <HealthBanner health={view.health} /> : null}
      {!view ? (
        problem ? null : (
          <LoadingPanel label="Loading your LoadBalancers…" />
        )
      ) : (
        <>
          <KonnectorHealthLine health={view.konnector} />
          <DashboardFilters query={query} stage={stage} onQuery={setQuery} onStage={setStage} />
          <section aria-labelledby="yours-heading" className="flex flex-col gap-3">
            <h2 id="yours-heading" className="text-lg font-semibold">
              Your LoadBalancers
            </h2>
            <StageCounts
              label="Your LoadBalancers by stage"
              counts={countByStage(view.rows)}
              total={view.rows.length}
              selected={stage}
              onSelect={setStage}
            />
            {view.rows.length === 0 ? (
              <EmptyState title="No LoadBalancers yet">
                <p>
                  {say.noRows(view.namespaces)}{" "}
                  <Link href="/loadbalancers/new" className="text-sky-700 underline dark:text-sky-400">
                    Create one
                  </Link>
                  .
                </p>
              </EmptyState>
            ) : rows.length === 0 ? (
              <p className="text-sm">{say.noMatch}</p>
            ) : (
              <LoadBalancerTable rows={rows} caption="Your LoadBalancers" />
            )}
          </section>
          {view.providerRows && providerRows ? (
            <section aria-labelledby="provider-heading" className="flex flex-col gap-3">
              <h2 id="provider-heading" className="text-lg font-semibold">
                Every LoadBalancer on the provider
              </h2>
              <StageCounts
                label="Provider LoadBalancers by stage"
                counts={countByStage(view.providerRows)}
                total={view.providerRows.length}
                selected={stage}
                onSelect={setStage}
              />
              {providerRows.length === 0 ? (
                <p className="text-sm">{view.providerRows.length ? say.noMatch : "None yet."}</p>
              ) : (
                <LoadBalancerTable rows={providerRows} caption="Every LoadBalancer on the provider" provider />
              )}
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}
