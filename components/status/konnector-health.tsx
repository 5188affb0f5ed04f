"use client";

import { TONE } from "@/components/ui/tones";
import type { KonnectorHealth, KonnectorState } from "@/lib/status";
import { formatAge } from "@/lib/status/time";
import { SinceTime } from "./since-time";
import { KONNECTOR_TEXT, say } from "./text";

const STYLE: Record<KonnectorState, { icon: string; cls: string }> = {
  healthy: TONE.good,
  starting: TONE.busy,
  late: TONE.warn,
  lost: TONE.warn,
  down: TONE.bad,
  unknown: { ...TONE.idle, icon: "?" },
};

/**
 * The binding's konnector in one line: a pill with its state (icon and word), its replicas ready
 * of wanted, and how long ago it last reported to the provider (counted in the browser); the
 * explanation follows when something is wrong. The view sends it (lib/live); nothing is computed here.
 */
export function KonnectorHealthLine({ health }: { health: KonnectorHealth }) {
  const style = STYLE[health.state];
  const replicas = say.konnectorReplicas(health.replicas);
  const beat = health.heartbeat;
  return (
    <section
      aria-label={say.konnectorLabel}
      data-testid="konnector-health"
      data-state={health.state}
      className="flex flex-col gap-1 text-sm"
    >
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <span className="font-medium">{say.konnectorLabel}</span>
        <span
          className={`inline-flex items-center gap-1 whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium ${style.cls}`}
        >
          <span aria-hidden="true">{style.icon}</span>
          {KONNECTOR_TEXT[health.state]}
        </span>
        {replicas ? <span data-testid="konnector-replicas">{replicas}</span> : null}
        {beat ? (
          // data-volatile: the heartbeat moves with the clock; screenshot comparisons hide it.
          <span className="text-slate-700 dark:text-slate-300" data-volatile>
            {beat.at ? (
              <>
                {say.konnectorHeartbeat} <SinceTime iso={beat.at} />
              </>
            ) : (
              say.konnectorNoHeartbeat
            )}{" "}
            {say.konnectorInterval(formatAge(beat.intervalMs))}
            {beat.version ? ` · ${beat.version}` : ""}
          </span>
        ) : null}
      </p>
      {health.state === "healthy" ? null : <p>{health.message}</p>}
    </section>
  );
}
