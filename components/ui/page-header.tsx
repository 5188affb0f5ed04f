/**
 * PageHeader: the page's one h1, an optional back link above it, a description and actions.
 *   <PageHeader title="Catalog" description="…" back={{ href: "/", label: "Dashboard" }} actions={…} />
 */
import { ArrowLeft } from "lucide-react";
import type { ReactNode } from "react";
import { AppLink as Link } from "@/components/ui/app-link";

export function PageHeader({
  title,
  description,
  back,
  actions,
}: {
  title: ReactNode;
  description?: ReactNode;
  back?: { href: string; label: string };
  actions?: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-2">
      {back ? (
        <Link href={back.href} className="inline-flex w-fit items-center gap-1 text-sm font-medium text-accent">
          <ArrowLeft aria-hidden="true" className="size-4" />
          {back.label}
        </Link>
      ) : null}
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
      </div>
      {description ? <div className="max-w-3xl text-muted">{description}</div> : null}
    </div>
  );
}
