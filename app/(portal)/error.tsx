"use client";

import { RouteError } from "@/components/shell/route-error";

// Unexpected failures of a portal page: the shell stays, only the page's content is replaced.
export default function PortalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <RouteError reset={reset} digest={error.digest} home="/" />;
}
