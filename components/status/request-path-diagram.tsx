import { ArrowDown, ArrowRight, CheckCircle2, Circle, Loader2, XCircle } from "lucide-react";
import { cn } from "@/components/ui/cn";
import type { PathNode, PathNodeState } from "@/lib/loadbalancer/request-path";

/** Colour AND an icon and a word per state, so colour is never the only signal. */
const LOOK: Record<PathNodeState, { word: string; icon: typeof Circle; box: string; text: string }> = {
  done: { word: "Done", icon: CheckCircle2, box: "border-success/60 bg-success-soft", text: "text-success" },
  "in-progress": { word: "In progress", icon: Loader2, box: "border-warning/60 bg-warning-soft", text: "text-warning" },
  blocked: { word: "Blocked", icon: XCircle, box: "border-danger/60 bg-danger-soft", text: "text-danger" },
  failed: { word: "Failed", icon: XCircle, box: "border-danger/60 bg-danger-soft", text: "text-danger" },
  absent: {
    word: "Absent",
    icon: Circle,
    box: "border-dashed border-border-strong bg-surface-sunken",
    text: "text-muted",
  },
};

/**
 * The way a request travels, left to right on wide screens and top to bottom on narrow ones: one
 * box per hop with its state and one sentence (lib/loadbalancer/request-path.ts decides them).
 */
export function RequestPathDiagram({ nodes }: { nodes: PathNode[] }) {
  return (
    <ol aria-label="Request path" className="flex flex-col items-stretch gap-1 lg:flex-row lg:items-stretch">
      {nodes.map((n, i) => {
        const look = LOOK[n.state];
        const Icon = look.icon;
        return (
          <li key={n.id} className="flex flex-col items-stretch gap-1 lg:min-w-0 lg:flex-1 lg:flex-row">
            <div
              data-node={n.id}
              data-state={n.state}
              className={cn("flex min-w-0 flex-1 flex-col gap-1 rounded-lg border-2 p-3 text-sm", look.box)}
            >
              <p className="font-semibold">{n.kind}</p>
              {n.name ? <code className="text-xs break-all">{n.name}</code> : null}
              <p className={cn("inline-flex items-center gap-1 text-xs font-semibold", look.text)}>
                <Icon aria-hidden="true" className="size-3.5 shrink-0" />
                {look.word}
              </p>
              <p className="text-xs break-words text-fg">{n.detail}</p>
            </div>
            {i < nodes.length - 1 ? (
              <span aria-hidden="true" className="flex items-center justify-center text-muted">
                <ArrowDown className="size-4 lg:hidden" />
                <ArrowRight className="hidden size-4 lg:block" />
              </span>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
