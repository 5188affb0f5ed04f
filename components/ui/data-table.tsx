import type { ReactNode } from "react";
import { ScrollArea } from "./scroll-area";

/**
 * A table in its own scrolling box, captioned for screen readers. Header cells take `th` when
 * given; otherwise the first is padded like the rows' first cells and the last has no padding.
 */
export function DataTable({
  caption,
  columns,
  th,
  head = "border-b border-slate-200 dark:border-slate-700",
  className = "w-full text-left text-sm",
  hidden,
  children,
}: {
  caption: string;
  columns: string[];
  th?: string;
  head?: string;
  className?: string;
  /** kept in the page (hidden) while it has no rows */
  hidden?: boolean;
  children: ReactNode;
}) {
  const cell = (i: number) => th ?? (i === 0 ? "py-1 pr-3" : i < columns.length - 1 ? "pr-3" : undefined);
  return (
    <ScrollArea label={caption} className={hidden ? "hidden" : undefined}>
      <table className={className}>
        <caption className="sr-only">{caption}</caption>
        <thead className={head}>
          <tr>
            {columns.map((c, i) => (
              <th key={c} scope="col" className={cell(i)}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </ScrollArea>
  );
}

/** A body row: a light rule below, cells aligned to the top. */
export const rowClass = "border-b border-slate-100 align-top dark:border-slate-800";
