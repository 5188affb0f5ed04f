"use client";

import { useState } from "react";
import type { LiveError, LiveSub } from "@/lib/live-wire/live-protocol";
import { useLive, useLiveEntry } from "@/lib/live-wire/use-live";

/**
 * The page's one live channel for one view: first paint from the server, then the stream. When
 * `sub` changes (another page of the list), the last view stays shown, marked `pending`, until the
 * new one arrives.
 */
export function useLiveView<V>(sub: LiveSub, initial?: V, resume?: string, initialProblem?: LiveError) {
  const connection = useLive([sub]);
  const entry = useLiveEntry<V>(sub, initial, resume);
  const [last, setLast] = useState(entry.view);
  if (entry.view !== undefined && entry.view !== last) setLast(entry.view);
  const view = entry.view ?? (entry.problem ? undefined : last);
  // An unreachable cluster at first paint is not final: the stream keeps trying and recovers.
  const problem = entry.problem ?? (view ? undefined : initialProblem);
  return { connection, view, problem, revoked: entry.revoked, pending: entry.view === undefined && view !== undefined };
}
