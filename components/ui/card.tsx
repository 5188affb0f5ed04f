/**
 * Card: a bordered surface for one thing (an export, a panel of a page).
 *   <Card as="li" title="loadbalancer" description="…" actions={<Button/>}>body</Card>
 */
import type { ReactNode } from "react";
import { cn } from "./cn";

export function Card({
  as: As = "section",
  title,
  headingLevel = 2,
  description,
  actions,
  children,
  className,
  ...data
}: {
  as?: "section" | "li" | "div" | "article";
  title?: ReactNode;
  headingLevel?: 2 | 3;
  description?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
  className?: string;
  [data: `data-${string}`]: string | undefined;
}) {
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <As className={cn("rounded-lg border border-border bg-surface-raised p-4 shadow-sm sm:p-5", className)} {...data}>
      {title || actions ? (
        <div className="mb-3 flex flex-wrap items-start justify-between gap-2">
          <div className="min-w-0">
            {title ? <H className="text-lg font-semibold">{title}</H> : null}
            {description ? <div className="mt-0.5 text-sm text-muted">{description}</div> : null}
          </div>
          {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
        </div>
      ) : null}
      {children}
    </As>
  );
}
