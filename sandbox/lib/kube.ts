// The sandbox reaches its clusters through lib/k8s like the portal does, with a kubeconfig's own
// credentials, and applies its setup by force: it is the source of truth for what it installs.
import { KubeClient } from "../../lib/k8s/client";
import { ClusterConnection } from "../../lib/k8s/connection";
import { PORTAL } from "../../lib/k8s/types";

export const SANDBOX_APPLY = { force: true, fieldManager: "kube-bind-portal-sandbox" };

/** `cluster` names the sandbox cluster in errors; a second consumer is reported as "consumer". */
export async function kubeconfigClient(file: string, cluster: string): Promise<KubeClient> {
  const name = cluster === "provider" ? "provider" : "consumer";
  return new KubeClient(await ClusterConnection.open({ name, kubeconfig: file }), PORTAL);
}
