/**
 * Badge: a small label (a group, a version). StatusPill: a state with an icon and a word, so
 * colour is never the only signal.
 *   <Badge>team-a</Badge>
 *   <StatusPill tone="success">Bound</StatusPill>  tones: neutral, info, success, warning, danger
 */
import { AlertTriangle, CheckCircle2, Circle, Info, XCircle } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "./cn";

export type PillTone = "neutral" | "info" | "success" | "warning" | "danger";

const PILL: Record<PillTone, { cls: string; icon: typeof Info }> = {
  neutral: { cls: "bg-surface-sunken text-fg", icon: Circle },
  info: { cls: "bg-accent-soft text-accent", icon: Info },
  success: { cls: "bg-success-soft text-success", icon: CheckCircle2 },
  warning: { cls: "bg-warning-soft text-warning", icon: AlertTriangle },
  danger: { cls: "bg-danger-soft text-danger", icon: XCircle },
};

export function Badge({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <span className={cn("inline-flex items-center rounded bg-surface-sunken px-2 py-0.5 text-xs text-fg", className)}>
      {children}
    </span>
  );
}

export function StatusPill({
  tone = "neutral",
  children,
  className,
  ...data
}: {
  tone?: PillTone;
  children: ReactNode;
  className?: string;
  [data: `data-${string}`]: string | undefined;
}) {
  const { cls, icon: Icon } = PILL[tone];
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap",
        cls,
        className,
      )}
      {...data}
    >
      <Icon aria-hidden="true" className="size-3.5" />
      {children}
    </span>
  );
}
