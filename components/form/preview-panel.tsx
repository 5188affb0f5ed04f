"use client";

import { type ReactNode, useEffect, useRef } from "react";

/**
 * What a form will apply, from the server's dry run: the YAML and the equivalent kubectl command.
 * Takes focus when it appears, so keyboard and screen-reader users land on it.
 */
export function PreviewPanel({
  title,
  cluster,
  yaml,
  kubectl,
  children,
}: {
  title: string;
  cluster: string;
  yaml: string;
  kubectl: string;
  children?: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section
      aria-labelledby="preview-heading"
      className="flex flex-col gap-3 rounded-lg border border-sky-300 bg-sky-50 p-4 dark:border-sky-800 dark:bg-sky-950"
    >
      <h2 id="preview-heading" ref={heading} tabIndex={-1} className="text-lg font-semibold">
        {title}
      </h2>
      <p className="text-sm">
        The {cluster} cluster accepted this in a dry run (nothing was saved yet). This is what will be applied, as you:
      </p>
      <h3 className="text-sm font-medium">YAML</h3>
      <pre className="overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100">
        <code>{yaml}</code>
      </pre>
      <details className="text-sm">
        <summary className="cursor-pointer">The same with kubectl</summary>
        <pre className="mt-2 overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100">
          <code>{kubectl}</code>
        </pre>
      </details>
      {children}
    </section>
  );
}
