import { KubeClient } from "../../lib/k8s/client";
import { ClusterConnection } from "../../lib/k8s/connection";
import { PORTAL } from "../../lib/k8s/types";
import { sandbox } from "./sandbox";

/** The provider cluster as its admin, to check what the portal created. */
export async function providerAdmin() {
  const path = sandbox().clusters.provider.kubeconfigs.admin;
  return new KubeClient(await ClusterConnection.open({ name: "provider", kubeconfig: path }), PORTAL);
}

/** A client from a kubeconfig the portal handed out (as YAML text). */
export async function clientFromKubeconfig(yaml: string, dir: string) {
  const { mkdir, writeFile } = await import("node:fs/promises");
  await mkdir(dir, { recursive: true });
  const file = `${dir}/kubeconfig-${Math.random().toString(36).slice(2)}`;
  await writeFile(file, yaml, { mode: 0o600 });
  return new KubeClient(await ClusterConnection.open({ name: "provider", kubeconfig: file }), PORTAL);
}
