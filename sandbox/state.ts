// The contract between the running sandbox and everything that uses it (tests, the demo, the
// portal's environment). The sandbox writes it as JSON to <runDir>/sandbox.json; consumers read
// it with readSandboxState(), which validates it.
import { readFileSync } from "node:fs";
import { z } from "zod";

export const SandboxUser = z.object({
  /** login name typed on the IdP page, e.g. "alice" */
  username: z.string(),
  password: z.string(),
  /** the OIDC `email` claim, which is also the Kubernetes user name the portal impersonates */
  email: z.string(),
  name: z.string(),
  groups: z.array(z.string()),
});
export type SandboxUser = z.infer<typeof SandboxUser>;

export const ClusterState = z.object({
  name: z.string(),
  /** https://127.0.0.1:<port> */
  server: z.url(),
  caFile: z.string(),
  /** kube-apiserver --version, e.g. "Kubernetes v1.35.4" */
  version: z.string(),
  etcd: z.url(),
  /**
   * kubeconfig files by identity: `admin` (system:masters), `portal` (the portal's own
   * ServiceAccount with only the rights in deploy/), and one per sandbox user name
   * (alice, bob, admin-user) authenticating as that user directly.
   */
  kubeconfigs: z.record(z.string(), z.string()),
});
export type ClusterState = z.infer<typeof ClusterState>;

export const SandboxState = z.object({
  runDir: z.string(),
  startedAt: z.string(),
  /**
   * `consumer` is the cluster the portal serves (bound from the browser); `secondConsumer` is
   * another consumer cluster, for binding with the kubectl-bind CLI as the guide does.
   */
  clusters: z.object({ provider: ClusterState, consumer: ClusterState, secondConsumer: ClusterState }),
  oidc: z.object({
    issuer: z.url(),
    clientId: z.string(),
    clientSecret: z.string(),
    users: z.array(SandboxUser),
  }),
  /** the echo backend standing in for the guide's `backend` Deployment */
  echo: z.object({ url: z.url() }),
  /** kubectl of the clusters' version, for trying the guide by hand and for tests */
  kubectl: z.string(),
  /** the real kube-bind release the sandbox runs: its backend, konnector and kubectl-bind */
  kubeBind: z.object({
    version: z.string(),
    dir: z.string(),
    bin: z.object({ "kubectl-bind": z.string(), konnector: z.string(), backend: z.string() }),
  }),
  /** the portal URL the sandbox's OIDC client accepts redirects for (set by whoever starts the portal) */
  portalUrls: z.array(z.url()),
});
export type SandboxState = z.infer<typeof SandboxState>;

export function readSandboxState(file = process.env.SANDBOX_STATE): SandboxState {
  if (!file) throw new Error("SANDBOX_STATE is not set: start the sandbox first (npm run sandbox -- up)");
  return SandboxState.parse(JSON.parse(readFileSync(file, "utf8")));
}
