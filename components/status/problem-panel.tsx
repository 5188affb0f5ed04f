import { ErrorPanel } from "@/components/ui/state-panels";
import type { LiveError } from "@/lib/live-wire/live-protocol";
import { problemText, say } from "./text";

/** Why a live sub has nothing (more) to show: not allowed, not bound, cluster unreachable. */
export function ProblemPanel({ error, revoked }: { error: LiveError; revoked?: boolean }) {
  const { title, body } = problemText(error);
  return (
    <ErrorPanel title={title}>
      <p>{body}</p>
      {revoked ? <p className="mt-2">{say.revoked}</p> : null}
    </ErrorPanel>
  );
}
