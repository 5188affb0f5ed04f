import type { NextConfig } from "next";

const config: NextConfig = {
  output: "standalone",
  // The Kubernetes client is large and Node-only; keeping it external halves compile time.
  serverExternalPackages: ["@kubernetes/client-node", "pino"],
  poweredByHeader: false,
};

export default config;
