/**
 * Callout: a boxed message in one of four tones, with a title and an optional action row.
 *   <Callout tone="danger" title="Not bound">why, and what to do</Callout>
 * tone "danger" is announced (role="alert"); "success" is a polite status (<output>).
 */
import { AlertTriangle, CheckCircle2, Info, XCircle } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "./cn";

export type Tone = "info" | "success" | "warning" | "danger";

const TONE: Record<Tone, { box: string; icon: typeof Info }> = {
  info: { box: "border-accent/40 bg-accent-soft", icon: Info },
  success: { box: "border-success/40 bg-success-soft", icon: CheckCircle2 },
  warning: { box: "border-warning/40 bg-warning-soft", icon: AlertTriangle },
  danger: { box: "border-danger/40 bg-danger-soft", icon: XCircle },
};
const ICON_COLOUR: Record<Tone, string> = {
  info: "text-accent",
  success: "text-success",
  warning: "text-warning",
  danger: "text-danger",
};

export function Callout({
  tone = "info",
  title,
  children,
  actions,
  className,
  ...data
}: {
  tone?: Tone;
  title?: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
  className?: string;
  [data: `data-${string}`]: string | undefined;
}) {
  const { box, icon: Icon } = TONE[tone];
  const body = (
    <div className="flex gap-3">
      <Icon aria-hidden="true" className={cn("mt-0.5 size-5 shrink-0", ICON_COLOUR[tone])} />
      <div className="min-w-0 flex-1 text-fg">
        {title ? <h2 className="font-semibold">{title}</h2> : null}
        {children ? <div className={cn("text-sm", title ? "mt-1" : undefined)}>{children}</div> : null}
        {actions ? <div className="mt-3 flex flex-wrap gap-2">{actions}</div> : null}
      </div>
    </div>
  );
  const cls = cn("block rounded-lg border p-4", box, className);
  if (tone === "success")
    return (
      <output className={cls} {...data}>
        {body}
      </output>
    );
  return (
    <section role={tone === "danger" ? "alert" : undefined} className={cls} {...data}>
      {body}
    </section>
  );
}
