// The portal's environment for a running sandbox: what `npm run demo` and the e2e suite use.
import { join } from "node:path";
import type { SandboxState } from "./state";

export function portalEnv(state: SandboxState, portalUrl: string): Record<string, string> {
  return {
    PORTAL_URL: portalUrl,
    // A per-run secret: sessions of one sandbox run are worthless in another.
    SESSION_SECRET: `sandbox-session-secret-${state.startedAt}-${state.runDir}`.padEnd(48, "x"),
    OIDC_ISSUER_URL: state.oidc.issuer,
    OIDC_CLIENT_ID: state.oidc.clientId,
    OIDC_CLIENT_SECRET: state.oidc.clientSecret,
    PROVIDER_KUBECONFIG: state.clusters.provider.kubeconfigs.portal,
    CONSUMER_KUBECONFIG: state.clusters.consumer.kubeconfigs.portal,
    CLI_TOKEN_KEY_FILE: join(state.runDir, "cli-token-key.json"),
    NEXT_TELEMETRY_DISABLED: "1",
  };
}
