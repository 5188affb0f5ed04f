"use client";

import { secondaryButton } from "@/components/ui/button-styles";
import { ErrorPanel } from "@/components/ui/state-panels";

// Unexpected failures: a message and a retry, never a stack trace.
export default function PortalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <ErrorPanel title="This page could not be shown">
      <p>Something unexpected went wrong on the server. It has been logged.</p>
      <button type="button" className={`${secondaryButton} mt-3`} onClick={reset}>
        Try again
      </button>
    </ErrorPanel>
  );
}
