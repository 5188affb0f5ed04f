// The palette of every state pill (stages, konnector, setup checks, consumers): an icon and
// colours, light and dark, so one state looks the same wherever it is shown.
export const TONE = {
  good: { icon: "✓", cls: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200" },
  busy: { icon: "…", cls: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200" },
  warn: { icon: "!", cls: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200" },
  bad: { icon: "✕", cls: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200" },
  idle: { icon: "○", cls: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300" },
} as const;
