import type { PortalError } from "@/lib/result";
import { ErrorPanel } from "./state-panels";

/** Explains a failed cluster call in words: which cluster, what it said, what to do. */
export function PortalErrorPanel({ error, action }: { error: PortalError; action: string }) {
  const where = error.cluster ? `the ${error.cluster} cluster` : "the server";
  if (error.reason === "Unreachable") {
    return (
      <ErrorPanel title={`Cannot reach ${where}`}>
        <p>
          {action} failed because {where} did not answer. The page will work again once it is back; reload to retry.
        </p>
      </ErrorPanel>
    );
  }
  if (error.status === 403) {
    return (
      <ErrorPanel title="Not allowed">
        <p>
          {action} failed: {where} says you are not allowed ({error.message}). Ask your platform team for access.
        </p>
      </ErrorPanel>
    );
  }
  return (
    <ErrorPanel title={`${action} failed`}>
      <p>
        {where} answered {error.status} {error.reason}: {error.message}
      </p>
    </ErrorPanel>
  );
}
