"use client";

import { type ReactNode, useEffect, useRef } from "react";
import type { FieldChange } from "@/lib/forms/field-diff";

/**
 * What a form will apply, from the server's dry run: the YAML and the equivalent kubectl command;
 * for an edit, first only the fields that change, before → after. The actions come right under
 * the heading, and the panel scrolls to its top and takes focus when it appears, so the commit
 * button is in view without scrolling and keyboard and screen-reader users land on the review.
 */
export function PreviewPanel({
  title,
  cluster,
  yaml,
  kubectl,
  changes,
  actions,
}: {
  title: string;
  cluster: string;
  yaml: string;
  kubectl: string;
  changes?: FieldChange[];
  actions?: ReactNode;
}) {
  const section = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    section.current?.scrollIntoView({ block: "start" });
    heading.current?.focus({ preventScroll: true });
  }, []);
  const yamlBlock = (
    <pre className="overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100">
      <code>{yaml}</code>
    </pre>
  );
  return (
    <section
      ref={section}
      aria-labelledby="preview-heading"
      // clears the sticky site header when scrolled to
      className="flex scroll-mt-20 flex-col gap-3 rounded-lg border border-accent/40 bg-accent-soft p-4 text-fg"
    >
      <h2 id="preview-heading" ref={heading} tabIndex={-1} className="text-lg font-semibold">
        {title}
      </h2>
      <p className="text-sm">
        The {cluster} cluster accepted this in a dry run (nothing was saved yet).{" "}
        {changes ? "This is what changes, as you:" : "This is what will be applied, as you:"}
      </p>
      {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
      {changes ? (
        <>
          <ChangeList changes={changes} />
          <details className="text-sm">
            <summary className="cursor-pointer">The objects after the change (YAML)</summary>
            <div className="mt-2">{yamlBlock}</div>
          </details>
        </>
      ) : (
        <>
          <h3 className="text-sm font-medium">YAML</h3>
          {yamlBlock}
        </>
      )}
      <details className="text-sm">
        <summary className="cursor-pointer">The same with kubectl</summary>
        <pre className="mt-2 overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100">
          <code>{kubectl}</code>
        </pre>
      </details>
    </section>
  );
}

const NOT_SET = "(not set)";

function ChangeList({ changes }: { changes: FieldChange[] }) {
  return (
    <ul aria-label="Changes" className="flex flex-col gap-2">
      {changes.map((c) => (
        <li
          key={`${c.object}/${c.path}`}
          data-change={c.path}
          className="rounded-md border border-border bg-surface-raised p-3 text-sm"
        >
          <div className="flex flex-wrap items-baseline gap-x-2">
            <code className="font-semibold">{c.path}</code>
            <span className="text-xs text-muted">{c.object}</span>
          </div>
          <div className="mt-1 flex flex-wrap items-baseline gap-x-2 break-all">
            <span className="sr-only">from</span>
            <del className="text-danger">{c.before ?? NOT_SET}</del>
            <span aria-hidden="true">→</span>
            <span className="sr-only">to</span>
            <ins className="font-medium text-success no-underline">{c.after ?? NOT_SET}</ins>
          </div>
        </li>
      ))}
    </ul>
  );
}
