// Helpers for cluster tests of lib/k8s against the running sandbox (SANDBOX_STATE). Tests under lib/
// reach the sandbox only through test-support/, so lib/ never depends on sandbox/.

import { KubeClient } from "../lib/k8s/client";
import { ClusterConnection } from "../lib/k8s/connection";
import { KubeError } from "../lib/k8s/errors";
import { type Actor, type ClusterName, PORTAL, type ResourceRef } from "../lib/k8s/types";
import { log } from "../lib/log";
import { readSandboxState } from "../sandbox/state";

/** A client with the credentials of one of the sandbox's kubeconfigs (admin, portal, alice, …). */
export async function sandboxClient(cluster: ClusterName, kubeconfig: string, actor: Actor = PORTAL) {
  const state = readSandboxState();
  const path = state.clusters[cluster].kubeconfigs[kubeconfig];
  if (!path) throw new Error(`the sandbox has no ${kubeconfig} kubeconfig for ${cluster}`);
  return new KubeClient(await ClusterConnection.open({ name: cluster, kubeconfig: path, log }), actor);
}

/** Whether the object exists; any answer but 404 is an error. */
export async function exists(client: KubeClient, ref: ResourceRef, namespace: string, name: string) {
  try {
    await client.get({ ...ref, namespace, name });
    return true;
  } catch (e) {
    if (e instanceof KubeError && e.notFound) return false;
    throw e;
  }
}

export function randomSuffix() {
  return Math.random().toString(36).slice(2, 8);
}

export { readSandboxState };
