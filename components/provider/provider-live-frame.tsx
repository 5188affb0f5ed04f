"use client";

import type { ReactNode } from "react";
import { ConnectionNote } from "@/components/status/connection-note";
import { HealthBanner } from "@/components/status/health-banner";
import { ProblemPanel } from "@/components/status/problem-panel";
import { LoadingPanel } from "@/components/ui/state-panels";
import type { LiveHealth } from "@/lib/live/types";
import type { LiveError, LiveSub } from "@/lib/live-wire/live-protocol";
import { useLive, useLiveEntry } from "@/lib/live-wire/use-live";
import { text } from "./text";

/**
 * A console view on the page's live stream (`sub`): the connection note, a problem or outage, a
 * loading panel until the first view; then `children` for the view.
 */
export function ProviderLiveFrame<V extends { health: LiveHealth }>({
  sub,
  initial,
  resume,
  initialProblem,
  className,
  children,
}: {
  sub: LiveSub;
  initial?: V;
  resume?: string;
  initialProblem?: LiveError;
  className: string;
  children: (view: V) => ReactNode;
}) {
  const connection = useLive([sub]);
  const entry = useLiveEntry<V>(sub, initial, resume);
  const problem = entry.problem ?? (entry.view ? undefined : initialProblem);
  return (
    <div className={className}>
      <div className="flex flex-col gap-2">
        <ConnectionNote state={connection} />
        {problem ? <ProblemPanel error={problem} revoked={entry.revoked} /> : null}
        {entry.view ? <HealthBanner health={entry.view.health} /> : null}
      </div>
      {entry.view ? children(entry.view) : problem ? null : <LoadingPanel label={text.loading} />}
    </div>
  );
}
