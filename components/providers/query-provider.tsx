"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { z } from "zod";

// The CSP forbids eval; without this zod probes `new Function` once, which the browser reports
// as a violation even though zod catches it. This provider wraps every page, so it runs first.
z.config({ jitless: true });

/** One client cache per browser tab; live updates are written into it by the page's stream. */
export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false } } }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
