"use client";

import type { DashboardView } from "@/lib/live/types";
import { type LiveError, liveSub } from "@/lib/live-wire/live-protocol";
import { useLive, useLiveEntry } from "@/lib/live-wire/use-live";

/** The page's one live channel for the dashboard view: first paint from the server, then the stream. */
export function useDashboardView(initial?: DashboardView, resume?: string, initialProblem?: LiveError) {
  const connection = useLive([liveSub.dashboard]);
  const entry = useLiveEntry<DashboardView>(liveSub.dashboard, initial, resume);
  // An unreachable cluster at first paint is not final: the stream keeps trying and recovers.
  const problem = entry.problem ?? (entry.view ? undefined : initialProblem);
  return { connection, view: entry.view, problem, revoked: entry.revoked };
}
