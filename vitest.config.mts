import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The real kube-bind suite binds the consumer itself, with kubectl-bind, and needs it unbound;
 * later suites bind it (idempotently) when they need the LoadBalancer API. So that suite runs first.
 */
class BindingOrder extends BaseSequencer {
  async sort(files: TestSpecification[]) {
    const sorted = await super.sort(files);
    const first = (f: TestSpecification) => (f.moduleId.includes("sandbox/kube-bind/kube-bind.test") ? 0 : 1);
    return [...sorted].sort((a, b) => first(a) - first(b));
  }
}

export default defineConfig({
  test: {
    environment: "node",
    // Cluster calls log one line each; keep test output readable.
    env: { LOG_LEVEL: "warn" },
    // Cluster suites share one sandbox (one consumer binding, one kro); run files one at a time.
    fileParallelism: false,
    sequence: { sequencer: BindingOrder },
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["e2e/**", ".next/**", "node_modules/**"],
    // Cluster tests share one sandbox started by scripts/test.ts; give them room on 2 cores.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)),
    },
  },
});
