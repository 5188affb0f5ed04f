"use client";

import type { LoadBalancerView } from "@/lib/live/types";
import { liveSub } from "@/lib/live-wire/live-protocol";
import { useLive, useLiveEntry } from "@/lib/live-wire/use-live";

/**
 * The page's one live subscription to a LoadBalancer: joins the page's stream and re-renders from
 * the react-query cache on every view; never polls. The header and every tab read this.
 */
export function useLiveLoadBalancer(namespace: string, name: string, initial?: LoadBalancerView) {
  const sub = liveSub.loadBalancer(namespace, name);
  const connection = useLive([sub]);
  const entry = useLiveEntry<LoadBalancerView>(sub, initial);
  return { sub, connection, ...entry };
}
