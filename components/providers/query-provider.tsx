"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";

// The CSP forbids eval; without `jitless` zod probes `new Function` once, which the browser
// reports as a violation even though zod catches it. This provider wraps every page, so it runs
// first. zod keeps its config on this global and adopts one that is already there, so setting it
// here does not load zod (not even its core) into pages that never parse.
const zodConfig = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
zodConfig.__zod_globalConfig ??= {};
zodConfig.__zod_globalConfig.jitless = true;

/** One client cache per browser tab; live updates are written into it by the page's stream. */
export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false } } }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
