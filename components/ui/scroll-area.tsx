/**
 * ScrollArea: a box that scrolls sideways on its own (a wide table on a phone), so the page never
 * does. It is focusable and labelled, so keyboard users can scroll it too.
 *   <ScrollArea label="Conditions of the Gateway"><table>…</table></ScrollArea>
 */
import type { ReactNode } from "react";
import { cn } from "./cn";

export function ScrollArea({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section aria-label={label} tabIndex={0} className={cn("overflow-x-auto", className)}>
      {children}
    </section>
  );
}
