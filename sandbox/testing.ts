// Helpers for tests that run against an already running sandbox (SANDBOX_STATE=<sandbox.json>,
// written by `tsx sandbox/cli.ts up`). Without it they fail, naming what is missing.

import { randomBytes } from "node:crypto";
import { APIS } from "../lib/k8s/apis";
import type { KubeClient } from "../lib/k8s/client";
import { isNotFound, KubeError } from "../lib/k8s/errors";
import { kubeconfigClient } from "./lib/kube";
import { readSandboxState, type SandboxState } from "./state";

export { waitFor } from "./lib/process";

export type SandboxCluster = "provider" | "consumer";

let state: SandboxState | undefined;
export function sandboxState(): SandboxState {
  state ??= readSandboxState();
  return state;
}

/** A client for one cluster acting as one identity: admin, portal, alice, bob or admin-user. */
export function kubeClient(cluster: SandboxCluster, identity = "admin"): Promise<KubeClient> {
  const file = sandboxState().clusters[cluster].kubeconfigs[identity];
  if (!file) throw new Error(`no kubeconfig for identity "${identity}" on ${cluster}`);
  return kubeconfigClient(file, cluster);
}

export const NAMESPACES = APIS.namespaces;

export interface FreshNamespace {
  name: string;
  /** deletes the namespace (kube-controller-manager then removes its content) */
  cleanup(): Promise<void>;
}

/** A uniquely named namespace for one test, created as the cluster admin. */
export async function freshNamespace(cluster: SandboxCluster, prefix: string): Promise<FreshNamespace> {
  const base = prefix
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, "-")
    .slice(0, 40);
  const name = `${base}-${randomBytes(3).toString("hex")}`;
  const admin = await kubeClient(cluster);
  await admin.create(NAMESPACES, { metadata: { name, labels: { "sandbox.kube-bind.io/test": "true" } } });
  return {
    name,
    cleanup: async () => {
      await admin.delete({ ...NAMESPACES, name }).catch((error: unknown) => {
        if (!isNotFound(error)) throw error;
      });
    },
  };
}

/** The HTTP status of a failed Kubernetes call, or undefined. */
export function statusOf(error: unknown): number | undefined {
  return error instanceof KubeError ? error.status : undefined;
}
