import type { Check } from "@/lib/provider/types";
import { FixBlock } from "./fix-block";
import { CHECK_STATE, text } from "./text";

/** One setup step: its state, one sentence, what is wrong and how to fix it, what was verified. */
export function CheckItem({ check }: { check: Check }) {
  const style = CHECK_STATE[check.state];
  return (
    <li
      data-check={check.id}
      data-state={check.state}
      aria-labelledby={`check-${check.id}`}
      className="flex min-w-0 flex-col gap-2 rounded-lg border border-slate-200 p-3 dark:border-slate-700"
    >
      <div className="flex flex-wrap items-start gap-x-3 gap-y-1">
        <span
          className={`inline-flex shrink-0 items-center gap-1 rounded px-2 py-0.5 text-xs font-medium ${style.cls}`}
        >
          <span aria-hidden="true">{style.icon}</span>
          {style.label}
        </span>
        <h3 id={`check-${check.id}`} className="font-semibold">
          {check.title}
        </h3>
      </div>
      <p className="text-sm" data-summary>
        {check.summary}
      </p>
      {check.problems.map((p) => (
        <div
          key={p.text}
          data-problem
          className="flex min-w-0 flex-col gap-2 rounded-md border border-red-200 bg-red-50 p-3 text-red-950 dark:border-red-900 dark:bg-red-950/40 dark:text-red-100"
        >
          {p.text !== check.summary ? <p className="text-sm">{p.text}</p> : null}
          {p.detail ? (
            <figure className="text-sm">
              <figcaption className="text-xs font-medium">{text.toolSaid}</figcaption>
              <blockquote className="mt-1 break-words border-l-4 border-red-300 pl-2 font-mono text-xs dark:border-red-700">
                {p.detail}
              </blockquote>
            </figure>
          ) : null}
          {p.fix ? <FixBlock fix={p.fix} /> : null}
        </div>
      ))}
      {check.verified.length ? (
        <details className="text-sm text-slate-700 dark:text-slate-300">
          <summary className="cursor-pointer text-xs">{text.verified}</summary>
          <ul className="mt-1 list-disc pl-5">
            {check.verified.map((v) => (
              <li key={v}>{v}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </li>
  );
}
