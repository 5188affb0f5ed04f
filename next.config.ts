import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./lib/security-headers";

const config: NextConfig = {
  // The container image is built from the standalone output (Dockerfile sets NEXT_OUTPUT);
  // `next start` (demo, e2e) needs the regular one.
  output: process.env.NEXT_OUTPUT === "standalone" ? "standalone" : undefined,
  // pino finds its worker files at run time, which bundling would break.
  serverExternalPackages: ["pino"],
  poweredByHeader: false,
  turbopack: {
    // The live stream is a Pages API route (pages/api/live.ts), whose server code Next resolves
    // without the react-server condition: there the marker resolves to its empty module, as in
    // Server Components. Browser bundles keep the real one, which fails any client import.
    resolveAlias: { "server-only": { browser: "server-only", default: "./node_modules/server-only/empty.js" } },
  },
  // Bundled, so that the alias above applies (the Pages Router would load it from node_modules).
  transpilePackages: ["server-only"],
  // The build checks the application only; `npm run typecheck` checks everything (tests, sandbox).
  typescript: { tsconfigPath: "tsconfig.app.json" },
  experimental: {
    // unauthorized(): a server action of a signed-out (or revoked) session answers 401.
    authInterrupts: true,
    // Above the 1 MiB a form may hold, so an oversized form reaches its action and gets the form's
    // own message naming the limit; proxy.ts refuses larger bodies with 413 (ACTION_BODY_LIMIT).
    serverActions: { bodySizeLimit: "2mb" },
  },
  // proxy.ts sets these (and the CSP) on everything else; the build's static files skip it.
  async headers() {
    const headers = Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value }));
    return [{ source: "/:path*", headers }];
  },
};

export default config;
