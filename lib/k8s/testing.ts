// Helpers for cluster tests of lib/k8s against the running sandbox (SANDBOX_STATE).
import { readSandboxState } from "../../sandbox/state";
import { KubeClient } from "./client";
import { ClusterConnection } from "./connection";
import { type Actor, type ClusterName, PORTAL } from "./types";

/** A client with the credentials of one of the sandbox's kubeconfigs (admin, portal, alice, …). */
export async function sandboxClient(cluster: ClusterName, kubeconfig: string, actor: Actor = PORTAL) {
  const state = readSandboxState();
  const path = state.clusters[cluster].kubeconfigs[kubeconfig];
  if (!path) throw new Error(`the sandbox has no ${kubeconfig} kubeconfig for ${cluster}`);
  return new KubeClient(await ClusterConnection.open({ name: cluster, kubeconfig: path }), actor);
}

export function randomSuffix() {
  return Math.random().toString(36).slice(2, 8);
}
