import type { ReactNode } from "react";
import { objectYaml } from "./object-yaml";

interface Meta {
  kind?: string;
  metadata?: { name?: string; namespace?: string };
}

/** One object of the tree: what it is, a short state, its YAML on demand, and its children. */
export function ObjectNode({
  obj,
  kind,
  missing,
  note,
  children,
}: {
  obj?: unknown;
  kind: string;
  /** said instead when the object does not exist (yet) */
  missing: string;
  note?: string;
  children?: ReactNode;
}) {
  const m = obj as Meta | undefined;
  const name = m?.metadata?.name;
  return (
    <li data-object={kind} data-present={Boolean(obj)} className="flex flex-col gap-1">
      <div className="flex flex-wrap items-baseline gap-x-2 text-sm">
        <span className="font-medium">{kind}</span>
        {obj ? (
          <>
            <code>{name}</code>
            {m?.metadata?.namespace ? (
              <span className="text-slate-600 dark:text-slate-400">in {m.metadata.namespace}</span>
            ) : null}
            {note ? <span className="text-slate-700 dark:text-slate-300">— {note}</span> : null}
          </>
        ) : (
          <span className="text-slate-600 italic dark:text-slate-400">{missing}</span>
        )}
      </div>
      {obj ? (
        <details className="ml-1">
          <summary className="cursor-pointer text-xs text-sky-700 underline dark:text-sky-400">
            YAML of {kind} {name}
          </summary>
          {/* Wrapped rather than scrolled: a scrolling region would need its own keyboard stop. */}
          <pre className="mt-1 whitespace-pre-wrap break-all rounded bg-slate-100 p-2 text-xs dark:bg-slate-900">
            {objectYaml(obj)}
          </pre>
        </details>
      ) : null}
      {children ? (
        <ul className="ml-4 flex flex-col gap-2 border-l border-slate-300 pl-3 dark:border-slate-700">{children}</ul>
      ) : null}
    </li>
  );
}
