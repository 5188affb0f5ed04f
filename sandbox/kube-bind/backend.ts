// kube-bind's real backend against the provider, with its front end disabled: the portal is the
// front end. It runs every controller (ClusterBindings, APIServiceExportRequests, namespaces,
// export RBAC) plus the BindableResourcesRequest handshake the portal asks for bindings with.
import { applyAll } from "../../lib/k8s/apply";
import type { Cluster } from "../cluster/control-plane";
import type { KubeBindAssets } from "../lib/binaries";
import { SANDBOX_APPLY } from "../lib/kube";
import { freePort } from "../lib/ports";
import { type ManagedProcess, startProcess, waitFor } from "../lib/process";
import { sandboxManifest } from "../setup/manifests";
import { serviceAccountKubeconfig } from "../setup/rbac";

export const BACKEND_SERVICE_ACCOUNT = { namespace: "kube-bind-system", name: "kube-bind-backend" };
/** The prefix of per-consumer provider namespaces; the portal's PORTAL_NAMESPACE_PREFIX. */
export const NAMESPACE_PREFIX = "kube-bind-";

export interface KubeBindBackend {
  process: ManagedProcess;
  /** http://127.0.0.1:<port>, serving /healthz */
  url: string;
}

export async function startKubeBindBackend(
  provider: Cluster,
  opts: { kubeBind: KubeBindAssets; runDir: string },
): Promise<KubeBindBackend> {
  await applyAll(provider.admin, await sandboxManifest("kube-bind-backend.yaml"), SANDBOX_APPLY);
  const kubeconfig = await serviceAccountKubeconfig(provider, BACKEND_SERVICE_ACCOUNT, "kube-bind-backend");
  // Its listen address defaults to a fixed port (8080, the demo portal's): always a free one.
  const port = await freePort();
  const proc = startProcess({
    name: "provider-kube-bind-backend",
    command: opts.kubeBind.bin.backend,
    runDir: opts.runDir,
    args: [
      `--kubeconfig=${kubeconfig}`,
      "--frontend-disabled",
      `--listen-address=127.0.0.1:${port}`,
      `--namespace-prefix=${NAMESPACE_PREFIX}`,
      "--pretty-name=kube-bind portal",
      "--consumer-scope=Namespaced",
    ],
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor("kube-bind backend /healthz", async () => (await fetch(`${url}/healthz`)).ok, {
      process: proc,
      timeoutMs: 60_000,
    });
  } catch (error) {
    await proc.stop();
    throw error;
  }
  return { process: proc, url };
}
