import type { ReactNode } from "react";

/** What a page shows when there is nothing yet: says why and what to do next. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <section
      aria-label={title}
      className="rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-700"
    >
      <h2 className="text-lg font-semibold">{title}</h2>
      {children ? <div className="mt-2 text-sm text-slate-600 dark:text-slate-300">{children}</div> : null}
    </section>
  );
}

/** A failure explained in words, with the next step; never a stack trace. */
export function ErrorPanel({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <section
      role="alert"
      className="rounded-lg border border-red-300 bg-red-50 p-6 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      <h2 className="text-lg font-semibold">{title}</h2>
      {children ? <div className="mt-2 text-sm">{children}</div> : null}
    </section>
  );
}

export function LoadingPanel({ label }: { label: string }) {
  return (
    <output aria-live="polite" className="flex items-center gap-3 p-8 text-slate-600 dark:text-slate-300">
      <span
        aria-hidden="true"
        className="h-4 w-4 animate-spin rounded-full border-2 border-slate-400 border-t-transparent"
      />
      {label}
    </output>
  );
}
