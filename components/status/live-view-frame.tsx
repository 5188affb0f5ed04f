"use client";

import type { ReactNode } from "react";
import { ConnectionNote } from "@/components/status/connection-note";
import { HealthBanner } from "@/components/status/health-banner";
import { ProblemPanel } from "@/components/status/problem-panel";
import { cn } from "@/components/ui/cn";
import { LoadingPanel } from "@/components/ui/state-panels";
import type { LiveHealth } from "@/lib/live/types";
import type { LiveError, LiveSub } from "@/lib/live-wire/live-protocol";
import { useLiveView } from "./use-live-view";

/**
 * A view on the page's live stream, framed the same on every live page: the connection note, a
 * problem or outage, a loading panel until the first view; then the page's own content for it.
 */
export function LiveViewFrame<V extends { health: LiveHealth }>({
  sub,
  initial,
  resume,
  initialProblem,
  className,
  loadingLabel = "Loading your LoadBalancers…",
  children,
}: {
  sub: LiveSub;
  initial?: V;
  /** the hash of `initial` the server remembered: the stream then starts from it */
  resume?: string;
  initialProblem?: LiveError;
  className?: string;
  loadingLabel?: string;
  /** `pending`: the view shown is the last one while the stream brings the one `sub` names */
  children: (view: V, pending: boolean) => ReactNode;
}) {
  const { connection, view, problem, revoked, pending } = useLiveView<V>(sub, initial, resume, initialProblem);
  return (
    <div className={cn("flex flex-col", className)}>
      <ConnectionNote state={connection} />
      {problem ? <ProblemPanel error={problem} revoked={revoked} /> : null}
      {view ? <HealthBanner health={view.health} /> : null}
      {view ? children(view, pending) : problem ? null : <LoadingPanel label={loadingLabel} />}
    </div>
  );
}
