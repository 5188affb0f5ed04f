/**
 * The three states a data view can be in besides "here it is":
 *   <EmptyState title>…</EmptyState> (re-exported from ./empty-state)
 *   <ErrorPanel title>a failure in words, with the next step; never a stack trace</ErrorPanel>
 *   <LoadingPanel label="Loading…" />
 */
import { Loader2 } from "lucide-react";
import type { ReactNode } from "react";
import { Callout } from "./callout";

export { EmptyState } from "./empty-state";

export function ErrorPanel({ title, children, actions }: { title: string; children?: ReactNode; actions?: ReactNode }) {
  return (
    <Callout tone="danger" title={title} actions={actions}>
      {children}
    </Callout>
  );
}

export function LoadingPanel({ label }: { label: string }) {
  return (
    <output aria-live="polite" className="flex items-center gap-3 p-8 text-muted">
      <Loader2 aria-hidden="true" className="size-4 animate-spin" />
      {label}
    </output>
  );
}
