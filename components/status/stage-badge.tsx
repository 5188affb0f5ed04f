import type { StageState } from "@/lib/status";
import { STATE_TEXT } from "./text";

const STYLE: Record<StageState, { icon: string; cls: string }> = {
  done: { icon: "✓", cls: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200" },
  "in-progress": { icon: "…", cls: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200" },
  blocked: { icon: "!", cls: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200" },
  failed: { icon: "✕", cls: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200" },
  pending: { icon: "○", cls: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300" },
};

/** A stage state as an icon AND a word, so colour is never the only signal. */
export function StageBadge({ state, label }: { state: StageState; label?: string }) {
  const s = STYLE[state];
  return (
    <span
      data-state={state}
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium ${s.cls}`}
    >
      <span aria-hidden="true">{s.icon}</span>
      {label ? `${label}: ${STATE_TEXT[state]}` : STATE_TEXT[state]}
    </span>
  );
}
