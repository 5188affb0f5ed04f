"use client";

import { RouteError } from "@/components/shell/route-error";

// A failure in this section keeps the shell and the navigation; "Go back" leads to its start.
export default function SectionError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <RouteError reset={reset} digest={error.digest} home="/loadbalancers" />;
}
