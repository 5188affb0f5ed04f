// Helpers for tests that run against an already running sandbox (SANDBOX_STATE=<sandbox.json>,
// written by `tsx sandbox/cli.ts up`). Without it they fail, naming what is missing.
import { randomBytes } from "node:crypto";
import {
  AuthorizationV1Api,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  RbacAuthorizationV1Api,
  VersionApi,
} from "@kubernetes/client-node";
import { isNotFound, RawClient } from "./lib/kube";
import { readSandboxState, type SandboxState } from "./state";

export { waitFor } from "./lib/process";

export type SandboxCluster = "provider" | "consumer";

let state: SandboxState | undefined;
export function sandboxState(): SandboxState {
  state ??= readSandboxState();
  return state;
}

/** Clients for one cluster acting as one identity: admin, portal, alice, bob or admin-user. */
export function kubeClient(cluster: SandboxCluster, identity = "admin") {
  const file = sandboxState().clusters[cluster].kubeconfigs[identity];
  if (!file) throw new Error(`no kubeconfig for identity "${identity}" on ${cluster}`);
  const kc = new KubeConfig();
  kc.loadFromFile(file);
  return {
    kc,
    core: kc.makeApiClient(CoreV1Api),
    custom: kc.makeApiClient(CustomObjectsApi),
    authz: kc.makeApiClient(AuthorizationV1Api),
    rbac: kc.makeApiClient(RbacAuthorizationV1Api),
    version: kc.makeApiClient(VersionApi),
    /** untyped requests (apply, arbitrary paths) without the typed serializer */
    raw: new RawClient(kc),
  };
}

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
  const { core } = kubeClient(cluster);
  await core.createNamespace({ body: { metadata: { name, labels: { "sandbox.kube-bind.io/test": "true" } } } });
  return {
    name,
    cleanup: async () => {
      await core.deleteNamespace({ name }).catch((error: unknown) => {
        if (!isNotFound(error)) throw error;
      });
    },
  };
}

/** The HTTP status of a failed client-node call (ApiException.code), or undefined. */
export function statusOf(error: unknown): number | undefined {
  return (error as { code?: number } | null)?.code;
}
