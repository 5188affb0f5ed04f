// kube-bind emulator for the sandbox: the provider-side backend controllers and the consumer-side
// konnector of kube-bind v0.6, in TypeScript, because kube-bind's Go modules cannot be fetched
// here. See README.md for what is faithful and what is simplified.
import { startBackend } from "./backend";
import { startKonnector } from "./konnector";
import type { Stoppable } from "./types";

export { kubeconfigProblem } from "./konnector";
export {
  CLUSTER_NAMESPACE_ANNOTATION,
  DOWNSTREAM_FINALIZER,
  KONNECTOR_VERSION,
  OWNER_LABEL,
  providerNamespaceName,
  SERVICE_NAMESPACE_ANNOTATION,
} from "./naming";

export interface KubeBindEmulatorOptions {
  /** provider cluster, admin: kubeconfig file path (or YAML text) */
  providerKubeconfig: string;
  /** consumer cluster, admin: kubeconfig file path (or YAML text) */
  consumerKubeconfig: string;
  log?: (line: string) => void;
  /** konnector heartbeat interval (default 10 s) */
  heartbeatMs?: number;
}

export type KubeBindEmulator = Stoppable;

/** Starts both halves; resolves once their caches are synced. stop() ends every watch and timer. */
export async function startKubeBindEmulator(options: KubeBindEmulatorOptions): Promise<KubeBindEmulator> {
  const log = options.log ?? ((line: string) => console.error(`[kube-bind] ${line}`));
  // Both start in parallel; each gives up (and cleans up) after a bounded wait for its caches.
  // Wait for both, so that a failing one never leaves the other running unnoticed.
  const [backend, konnector] = await Promise.allSettled([
    startBackend({ kubeconfig: options.providerKubeconfig, log }),
    startKonnector({ kubeconfig: options.consumerKubeconfig, log, heartbeatMs: options.heartbeatMs }),
  ]);
  if (backend.status === "rejected" || konnector.status === "rejected") {
    if (backend.status === "fulfilled") await backend.value.stop();
    if (konnector.status === "fulfilled") await konnector.value.stop();
    const reason = backend.status === "rejected" ? backend.reason : (konnector as PromiseRejectedResult).reason;
    throw reason instanceof Error ? reason : new Error(String(reason));
  }
  let stopping: Promise<void> | undefined;
  return {
    stop() {
      stopping ??= Promise.all([konnector.value.stop(), backend.value.stop()]).then(() => undefined);
      return stopping;
    },
  };
}
