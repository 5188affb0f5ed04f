"use client";

import { LoadingPanel } from "@/components/ui/state-panels";
import type { LoadBalancerView } from "@/lib/live/types";
import { liveSub } from "@/lib/query/live-protocol";
import { useLive, useLiveEntry } from "@/lib/query/use-live";
import { ConnectionNote } from "./connection-note";
import { HealthBanner } from "./health-banner";
import { LoadBalancerStatusDetails } from "./loadbalancer-status-details";
import { ProblemPanel } from "./problem-panel";
import type { TestTrafficAction } from "./test-traffic";
import { say } from "./text";

/**
 * The live status of one LoadBalancer (the detail page's status slot): joins the page's live
 * stream and re-renders from the react-query cache on every view; never polls.
 */
export function LiveLoadBalancerStatus({
  namespace,
  name,
  initial,
  testTraffic,
}: {
  namespace: string;
  name: string;
  /** a server-rendered first view, if the page had one */
  initial?: LoadBalancerView;
  testTraffic: TestTrafficAction;
}) {
  const sub = liveSub.loadBalancer(namespace, name);
  const connection = useLive([sub]);
  const { view, problem, revoked } = useLiveEntry<LoadBalancerView>(sub, initial);
  return (
    <div className="flex flex-col gap-4" data-live={sub}>
      <ConnectionNote state={connection} />
      {problem ? <ProblemPanel error={problem} revoked={revoked} /> : null}
      {view ? <HealthBanner health={view.health} /> : null}
      {!view ? (
        problem ? null : (
          <LoadingPanel label={say.loading} />
        )
      ) : !view.found || !view.status ? (
        <p className="text-sm">{say.notFound(namespace, name)}</p>
      ) : (
        <LoadBalancerStatusDetails view={{ ...view, status: view.status }} testTraffic={testTraffic} />
      )}
    </div>
  );
}
