/**
 * EmptyState: what a page shows when there is nothing (yet): says why and what to do next.
 *   <EmptyState title="Nothing exported yet" icon={Inbox} actions={<ButtonLink …/>}>why</EmptyState>
 */
import { Inbox, type LucideIcon } from "lucide-react";
import type { ReactNode } from "react";

export function EmptyState({
  title,
  children,
  actions,
  icon: Icon = Inbox,
  headingLevel = 2,
}: {
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
  icon?: LucideIcon;
  headingLevel?: 1 | 2;
}) {
  const H = headingLevel === 1 ? "h1" : "h2";
  return (
    <section
      aria-label={title}
      className="flex flex-col items-center rounded-lg border border-dashed border-border-strong p-6 text-center sm:p-8"
    >
      <Icon aria-hidden="true" className="mb-2 size-8 text-muted" />
      <H className="text-lg font-semibold">{title}</H>
      {children ? <div className="mt-2 max-w-prose text-sm text-muted">{children}</div> : null}
      {actions ? <div className="mt-4 flex flex-wrap justify-center gap-2">{actions}</div> : null}
    </section>
  );
}
