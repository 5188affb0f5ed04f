"use client";

import { useState, useTransition } from "react";
import { settleFormAction } from "@/components/ui/settle-action";
import type { TrafficOutcome } from "@/lib/live/test-traffic";

export type TestTrafficAction = (input: { namespace: string; name: string }) => Promise<TrafficOutcome>;

/**
 * One Test traffic check of a LoadBalancer: the header's button sends, the panel below it shows
 * the outcome. A call that fails on the way (network down, server error) becomes an outcome too.
 */
export function useTestTraffic(action: TestTrafficAction, target: { namespace: string; name: string }) {
  const [outcome, setOutcome] = useState<TrafficOutcome>();
  const [shown, setShown] = useState(false);
  const [pending, start] = useTransition();
  const send = () => {
    setShown(true);
    start(async () => {
      setOutcome(await settleFormAction(() => action(target)));
    });
  };
  const close = () => {
    setShown(false);
    setOutcome(undefined);
  };
  return { send, close, pending, outcome, shown };
}

export type TestTrafficState = ReturnType<typeof useTestTraffic>;
