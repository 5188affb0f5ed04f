"use client";

import { RotateCcw } from "lucide-react";
import { Button, ButtonLink } from "@/components/ui/button";
import { ErrorPanel } from "@/components/ui/state-panels";

/**
 * A section's error boundary content: the shell stays, the failed part says so and offers a
 * retry and a way out. Never a stack trace; the server has logged it (the digest ties the two).
 */
export function RouteError({ reset, digest, home }: { reset: () => void; digest?: string; home: string }) {
  return (
    <ErrorPanel
      title="This page could not be shown"
      actions={
        <>
          <Button variant="primary" onClick={reset}>
            <RotateCcw aria-hidden="true" className="size-4" />
            Try again
          </Button>
          <ButtonLink href={home}>Go back</ButtonLink>
        </>
      }
    >
      <p>
        Something unexpected went wrong while loading it. It has been logged
        {digest ? ` (reference ${digest})` : ""}; if trying again does not help, tell your platform team.
      </p>
    </ErrorPanel>
  );
}
