"use client";

import type { LiveHealth } from "@/lib/live/types";
import { SinceTime } from "./since-time";
import { say } from "./text";

/**
 * What the portal's own watches say about each cluster: while one is not connected the page
 * shows the last known state, says so, and recovers by itself (lib/k8s streams reconnect).
 */
export function HealthBanner({ health }: { health: LiveHealth }) {
  const troubles = (["consumer", "provider"] as const).filter((c) => health[c].state !== "connected");
  if (troubles.length === 0) return null;
  return (
    <div className="flex flex-col gap-2">
      {troubles.map((cluster) => {
        const h = health[cluster];
        const where = say.clusterName(cluster);
        if (h.state === "connecting")
          return (
            <p key={cluster} role="status" data-health={cluster} className="text-sm text-slate-700 dark:text-slate-300">
              {say.connecting(where)}
            </p>
          );
        return (
          <section
            key={cluster}
            role="alert"
            data-health={cluster}
            aria-label={`Outage: ${where}`}
            className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
          >
            <p className="font-semibold">
              <span aria-hidden="true">⚠ </span>
              {say.outage(where, `${new Date(h.since).toISOString().slice(11, 19)} UTC`)}
            </p>
            {h.state === "reconnecting" ? (
              <p className="mt-1">
                Last error: {h.lastError.message} (attempt {h.attempt}, outage began <SinceTime iso={h.since} />)
              </p>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
