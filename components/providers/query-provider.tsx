"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { config } from "zod/v4/core";

// The CSP forbids eval; without this zod probes `new Function` once, which the browser reports
// as a violation even though zod catches it. This provider wraps every page, so it runs first;
// the config lives in zod's core, so setting it does not load zod into pages that never parse.
config({ jitless: true });

/** One client cache per browser tab; live updates are written into it by the page's stream. */
export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false } } }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
