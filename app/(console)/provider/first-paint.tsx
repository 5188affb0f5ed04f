import { ErrorPanel } from "@/components/ui/state-panels";
import type { Result } from "@/lib/result";

/** What the console's pages show when the provider did not answer the access check. */
export function ProviderUnreachable() {
  return (
    <ErrorPanel title="Cannot reach the provider cluster">
      <p>The portal could not check your access to the provider console. Reload in a moment.</p>
    </ErrorPanel>
  );
}

/** A server-rendered first view as a live view's props: the view and its resume hash, or the problem. */
export function firstPaint<V>(first: Result<{ view: V; resume: string } | undefined>) {
  if (!first.ok) {
    const { status, reason, message } = first.error;
    return { initialProblem: { status, reason, message } };
  }
  return { initial: first.data?.view, resume: first.data?.resume };
}
