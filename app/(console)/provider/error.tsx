"use client";

import { RouteError } from "@/components/shell/route-error";

// Unexpected failures of the provider console: the shell stays, only the console's content is replaced.
export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <RouteError reset={reset} digest={error.digest} home="/provider" />;
}
