import type { NextConfig } from "next";

const config: NextConfig = {
  output: "standalone",
  // The Kubernetes client is large and Node-only; keeping it external halves compile time.
  serverExternalPackages: ["@kubernetes/client-node", "pino"],
  poweredByHeader: false,
  // The build checks the application only; `npm run typecheck` checks everything (tests, sandbox).
  typescript: { tsconfigPath: "tsconfig.app.json" },
};

export default config;
