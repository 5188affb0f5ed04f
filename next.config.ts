import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./lib/security-headers";

const config: NextConfig = {
  // The container image is built from the standalone output (Dockerfile sets NEXT_OUTPUT);
  // `next start` (demo, e2e) needs the regular one.
  output: process.env.NEXT_OUTPUT === "standalone" ? "standalone" : undefined,
  // pino finds its worker files at run time, which bundling would break.
  serverExternalPackages: ["pino"],
  poweredByHeader: false,
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
