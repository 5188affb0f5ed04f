import type { ReactNode } from "react";

/** A part of a page named by its heading; `id` gives the heading's id (`<id>-heading`). */
export function Section({
  id,
  title,
  gap = "gap-3",
  children,
}: {
  id: string;
  title: ReactNode;
  gap?: "gap-2" | "gap-3" | "gap-4";
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className={`flex flex-col ${gap}`}>
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
