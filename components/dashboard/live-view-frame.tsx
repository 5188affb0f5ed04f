"use client";

import type { ReactNode } from "react";
import { ConnectionNote } from "@/components/status/connection-note";
import { HealthBanner } from "@/components/status/health-banner";
import { ProblemPanel } from "@/components/status/problem-panel";
import { say } from "@/components/status/text";
import { ButtonLink } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadingPanel } from "@/components/ui/state-panels";
import type { LiveHealth } from "@/lib/live/types";
import type { LiveError, LiveSub } from "@/lib/live-wire/live-protocol";
import { useLiveView } from "./use-live-view";

/**
 * The user's LoadBalancers on the page's live stream, framed the same on the dashboard and the
 * list: the connection note, a problem or outage, a loading panel until the first view; then the
 * page's own content for the view.
 */
export function LiveViewFrame<V extends { health: LiveHealth }>({
  sub,
  initial,
  resume,
  initialProblem,
  className,
  children,
}: {
  sub: LiveSub;
  initial?: V;
  /** the hash of `initial` the server remembered: the stream then starts from it */
  resume?: string;
  initialProblem?: LiveError;
  className?: string;
  /** `pending`: the view shown is the last one while the stream brings the one `sub` names */
  children: (view: V, pending: boolean) => ReactNode;
}) {
  const { connection, view, problem, revoked, pending } = useLiveView<V>(sub, initial, resume, initialProblem);
  return (
    <div className={cn("flex flex-col", className)}>
      <ConnectionNote state={connection} />
      {problem ? <ProblemPanel error={problem} revoked={revoked} /> : null}
      {view ? <HealthBanner health={view.health} /> : null}
      {view ? children(view, pending) : problem ? null : <LoadingPanel label="Loading your LoadBalancers…" />}
    </div>
  );
}

/** No LoadBalancer in the namespaces the user may use yet, with the way to make one. */
export function NoLoadBalancers({ namespaces }: { namespaces: string[] }) {
  return (
    <EmptyState
      title="No LoadBalancers yet"
      actions={
        <ButtonLink href="/loadbalancers/new" variant="primary">
          New LoadBalancer
        </ButtonLink>
      }
    >
      <p>{say.noRows(namespaces)}</p>
    </EmptyState>
  );
}
