// The one query-key factory for the browser cache. Live entries are written by the page's SSE
// channel (live-channel.ts) and read with useQuery (use-live.ts); nothing fetches them.
import type { LiveError, LiveSub } from "./live-protocol";

export const queryKeys = {
  live: {
    all: ["live"] as const,
    sub: (sub: LiveSub) => ["live", "sub", sub] as const,
  },
};

/** What the cache holds per live sub: the latest view, and what went wrong since, if anything. */
export interface LiveEntry<V> {
  view?: V;
  /** the server could not (or can no longer) subscribe: not allowed, not bound, unreachable */
  problem?: LiveError;
  /** the user lost the right to see it; the view was dropped and nothing more comes */
  revoked?: boolean;
}
