"use client";

import { skipToken, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useSyncExternalStore } from "react";
import { type LiveEntry, queryKeys } from "./keys";
import { type ConnectionState, liveChannel } from "./live-channel";
import type { LiveSub } from "./live-protocol";

/**
 * Keeps the page's one live stream carrying `subs` while the calling component is mounted, and
 * returns the stream's connection state. Data arrives in the react-query cache; read it with
 * useLiveEntry.
 */
export function useLive(subs: readonly LiveSub[]): ConnectionState {
  const channel = liveChannel(useQueryClient());
  const joined = subs.join(" ");
  useEffect(() => channel.add(joined.split(" ") as LiveSub[]), [channel, joined]);
  return useSyncExternalStore(channel.subscribeState, channel.getState, () => "connecting");
}

/**
 * The cached entry of one sub; `initial` (a server-rendered view) fills it until the stream does.
 * With `resume` (the hash the server remembered `initial` by), the stream starts from that view
 * instead of sending it again.
 */
export function useLiveEntry<V>(sub: LiveSub, initial?: V, resume?: string): LiveEntry<V> {
  const channel = liveChannel(useQueryClient());
  const query = useQuery<LiveEntry<V>>({
    queryKey: queryKeys.live.sub(sub),
    // Never fetched: only the live channel writes these entries.
    queryFn: skipToken,
    initialData: initial === undefined ? undefined : { view: initial },
    staleTime: Number.POSITIVE_INFINITY,
  });
  const holdsInitial = initial !== undefined && query.data?.view === initial;
  useEffect(() => {
    if (resume && holdsInitial) channel.resumeFrom(sub, resume);
  }, [channel, sub, resume, holdsInitial]);
  return query.data ?? {};
}
