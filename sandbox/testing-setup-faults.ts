// Breaks one step of the guide's setup on a running sandbox on purpose, so tests can show how the
// portal's provider console explains it and recovers once it is fixed:
//
//   const broken = await applyGuideRgd();      // or deleteGatewayClass, removeExportLabel, stopKonnector
//   …                                          // the step is broken (the helper waited until it shows)
//   await broken.restore();                    // fixed again, waited until the sandbox is healthy
//
// Each helper waits for the provider (or consumer) to reflect the break before it returns, and its
// restore() waits until the step is as the sandbox set it up. Conditions are polled, never slept.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { KubernetesObject } from "@kubernetes/client-node";
import { KONNECTOR } from "./kube-bind/konnector-runner";
import { loadKubeConfig, parseManifests, RawClient } from "./lib/kube";
import { waitFor } from "./lib/process";
import { readSandboxState, type SandboxState } from "./state";

// The same names as sandbox/setup/provider.ts, which Playwright's loader cannot import (it reads
// the sandbox's Go module cache through import.meta); this file must load in vitest and Playwright.
const LOADBALANCER_CRD = "loadbalancers.networking.kro.run";
const EXPORTED_LABEL = "kube-bind.io/exported";

/** A file of sandbox/manifests, as objects. */
const sandboxManifest = async (name: string) =>
  parseManifests(readFileSync(join(__dirname, "manifests", name), "utf8"));

export interface BrokenStep {
  /** what was broken, for test titles and logs */
  what: string;
  restore(): Promise<void>;
}

type Condition = { type: string; status: string; observedGeneration?: number; message?: string };
type Obj = KubernetesObject & {
  metadata: { name: string; generation?: number; labels?: Record<string, string> };
  spec?: { replicas?: number };
  status?: {
    state?: string;
    conditions?: Condition[];
    readyReplicas?: number;
    lastHeartbeatTime?: string;
  };
};

const TIMEOUT_MS = 120_000;
/** kube-bind v0.8.1's konnector heartbeat interval */
const HEARTBEAT_MS = 5 * 60_000;

function admin(state: SandboxState, cluster: "provider" | "consumer") {
  return new RawClient(loadKubeConfig(state.clusters[cluster].kubeconfigs.admin));
}

const RGD: KubernetesObject = {
  apiVersion: "kro.run/v1alpha1",
  kind: "ResourceGraphDefinition",
  metadata: { name: "loadbalancers" },
};
const CRD: KubernetesObject = {
  apiVersion: "apiextensions.k8s.io/v1",
  kind: "CustomResourceDefinition",
  metadata: { name: LOADBALANCER_CRD },
};
const GATEWAY_CLASS: KubernetesObject = {
  apiVersion: "gateway.networking.k8s.io/v1",
  kind: "GatewayClass",
  metadata: { name: "eg" },
};
const KONNECTOR_DEPLOYMENT: KubernetesObject = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: KONNECTOR.name, namespace: KONNECTOR.namespace },
};

const conditionOf = (o: Obj | undefined, type: string) => o?.status?.conditions?.find((c) => c.type === type);

/** kro processed the RGD's current generation: accepted (`true`) or rejected (`false`). */
async function rgdSettled(client: RawClient, accepted: boolean): Promise<Obj> {
  return waitFor(
    `kro to ${accepted ? "accept" : "reject"} RGD loadbalancers`,
    async () => {
      const rgd = await client.get<Obj>(RGD);
      const c = conditionOf(rgd, "GraphAccepted");
      if (!rgd || !c || c.observedGeneration !== rgd.metadata.generation) return undefined;
      if (accepted) return c.status === "True" && rgd.status?.state === "Active" ? rgd : undefined;
      return c.status === "False" ? rgd : undefined;
    },
    { timeoutMs: TIMEOUT_MS },
  );
}

/**
 * Applies the guide's original RGD (`status.address: string`), which current kro rejects; restore
 * applies the sandbox's RGD again and waits until kro has it Active (and the CRD still exported).
 */
export async function applyGuideRgd(state = readSandboxState()): Promise<BrokenStep> {
  const client = admin(state, "provider");
  await client.applyAll(await sandboxManifest("guide-loadbalancer-rgd.yaml"));
  await rgdSettled(client, false);
  return {
    what: "the guide's original LoadBalancer RGD",
    async restore() {
      await client.applyAll(await sandboxManifest("loadbalancer-rgd.yaml"));
      await rgdSettled(client, true);
      await waitFor("the LoadBalancer CRD to stay exported", async () => {
        const crd = await client.get<Obj>(CRD);
        return crd?.metadata.labels?.[EXPORTED_LABEL] === "true";
      });
    },
  };
}

/** Deletes GatewayClass eg; restore creates it as the sandbox does and waits until it is Accepted. */
export async function deleteGatewayClass(state = readSandboxState()): Promise<BrokenStep> {
  const client = admin(state, "provider");
  await client.request("DELETE", await client.path(GATEWAY_CLASS));
  await waitFor("GatewayClass eg to be gone", async () => (await client.get(GATEWAY_CLASS)) === undefined, {
    timeoutMs: TIMEOUT_MS,
  });
  return {
    what: "GatewayClass eg deleted",
    async restore() {
      const manifest = (await sandboxManifest("provider-base.yaml")).filter((o) => o.kind === "GatewayClass");
      await client.applyAll(manifest);
      await waitFor(
        "GatewayClass eg Accepted",
        async () => conditionOf(await client.get<Obj>(GATEWAY_CLASS), "Accepted")?.status === "True",
        { timeoutMs: TIMEOUT_MS },
      );
    },
  };
}

/** Removes kube-bind.io/exported=true from the LoadBalancer CRD; restore puts it back. */
export async function removeExportLabel(state = readSandboxState()): Promise<BrokenStep> {
  const client = admin(state, "provider");
  await client.mergePatch(CRD, { metadata: { labels: { [EXPORTED_LABEL]: null } } });
  await waitFor(
    "the export label to be gone",
    async () => (await client.get<Obj>(CRD))?.metadata.labels?.[EXPORTED_LABEL] === undefined,
  );
  return {
    what: "export label removed",
    async restore() {
      await client.mergePatch(CRD, { metadata: { labels: { [EXPORTED_LABEL]: "true" } } });
      await waitFor(
        "the export label to be back",
        async () => (await client.get<Obj>(CRD))?.metadata.labels?.[EXPORTED_LABEL] === "true",
      );
    },
  };
}

/**
 * Scales the consumer's konnector Deployment to zero (the sandbox's workload runner stops its
 * processes and reports 0 ready); restore scales it back and waits until it is ready and has
 * heart-beaten into its ClusterBinding again (the konnector does so when it starts).
 */
export async function stopKonnector(state = readSandboxState()): Promise<BrokenStep> {
  const consumer = admin(state, "consumer");
  const provider = admin(state, "provider");
  const before = await consumer.get<Obj>(KONNECTOR_DEPLOYMENT);
  if (!before) throw new Error("the consumer has no konnector Deployment: bind it first");
  const replicas = before.spec?.replicas || 2;
  const scale = (n: number) => consumer.mergePatch(KONNECTOR_DEPLOYMENT, { spec: { replicas: n } });
  await scale(0);
  await waitFor(
    "the konnector to stop",
    async () => ((await consumer.get<Obj>(KONNECTOR_DEPLOYMENT))?.status?.readyReplicas ?? 0) === 0,
    { timeoutMs: TIMEOUT_MS },
  );
  return {
    what: "konnector stopped",
    async restore() {
      await scale(replicas);
      await waitFor(
        "the konnector to be ready",
        async () => ((await consumer.get<Obj>(KONNECTOR_DEPLOYMENT))?.status?.readyReplicas ?? 0) > 0,
        { timeoutMs: TIMEOUT_MS },
      );
      // A starting konnector heart-beats at once when its last heartbeat is overdue (else on its
      // 5-minute schedule): after ageHeartbeat() this waits for that fresh one.
      await waitFor(
        "a current konnector heartbeat",
        async () => {
          const bindings = await provider.request<{ items: Obj[] }>(
            "GET",
            "/apis/kube-bind.io/v1alpha2/clusterbindings",
          );
          return bindings.items
            .filter((b) => b.status?.lastHeartbeatTime)
            .every((b) => Date.now() - Date.parse(b.status?.lastHeartbeatTime ?? "") < HEARTBEAT_MS);
        },
        { timeoutMs: TIMEOUT_MS },
      );
    },
  };
}

/**
 * Sets the heartbeat of every ClusterBinding of the consumer to `ageMs` ago, as if its konnector
 * had stopped that long ago (the konnector, while running, writes a fresh one every 5 minutes).
 */
export async function ageHeartbeat(ageMs: number, state = readSandboxState()): Promise<void> {
  const provider = admin(state, "provider");
  const bindings = await provider.request<{ items: (Obj & { metadata: { namespace: string } })[] }>(
    "GET",
    "/apis/kube-bind.io/v1alpha2/clusterbindings",
  );
  const at = new Date(Date.now() - ageMs).toISOString().replace(/\.\d+Z$/, "Z");
  for (const b of bindings.items.filter((x) => x.status?.lastHeartbeatTime)) {
    await provider.request(
      "PATCH",
      `/apis/kube-bind.io/v1alpha2/namespaces/${b.metadata.namespace}/clusterbindings/${b.metadata.name}/status`,
      { status: { lastHeartbeatTime: at } },
      "application/merge-patch+json",
    );
  }
}
