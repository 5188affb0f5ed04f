import type { Stage, StageId } from "@/lib/status";
import { SinceTime } from "./since-time";
import { StageBadge } from "./stage-badge";

/** The seven stages in order: state (word and icon), since when, and the one-sentence message. */
export function StageTimeline({ stages, current }: { stages: Stage[]; current: StageId }) {
  return (
    <ol aria-label="Provisioning stages" className="flex flex-col gap-0">
      {stages.map((s, i) => (
        <li
          key={s.id}
          data-stage={s.id}
          data-state={s.state}
          aria-current={s.id === current && s.state !== "done" ? "step" : undefined}
          className="relative flex gap-3 pb-4 last:pb-0"
        >
          <span
            aria-hidden="true"
            className={`mt-1 flex h-6 w-6 shrink-0 items-center justify-center rounded-full border text-xs font-semibold ${
              s.state === "done"
                ? "border-emerald-600 bg-emerald-600 text-white"
                : "border-slate-400 bg-white text-slate-700 dark:bg-slate-900 dark:text-slate-200"
            }`}
          >
            {i + 1}
          </span>
          <div className="flex min-w-0 flex-col gap-1">
            <div className="flex flex-wrap items-center gap-2">
              <h3 className="font-medium">{s.label}</h3>
              <StageBadge state={s.state} />
              {s.since ? (
                <span className="text-xs text-slate-600 dark:text-slate-400">
                  <SinceTime iso={s.since} prefix="since " />
                </span>
              ) : null}
            </div>
            <p className="text-sm text-slate-700 dark:text-slate-300">
              {s.message}
              {s.reason ? <span className="sr-only"> (reason: {s.reason})</span> : null}
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}
