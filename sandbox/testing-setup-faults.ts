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
import { APIS } from "../lib/k8s/apis";
import { applyAll, deleteObject, getObject, mergePatchObject, parseManifests } from "../lib/k8s/apply";
import type { KubeClient } from "../lib/k8s/client";
import { type Condition, findCondition } from "../lib/k8s/condition";
import type { TypedObject } from "../lib/k8s/discovery";
import type { KubeObject } from "../lib/k8s/types";
import { KONNECTOR } from "./kube-bind/konnector-runner";
import { kubeconfigClient, SANDBOX_APPLY } from "./lib/kube";
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

type Obj = KubeObject & {
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
  return kubeconfigClient(state.clusters[cluster].kubeconfigs.admin, cluster);
}

const typed = (apiVersion: string, kind: string, metadata: TypedObject["metadata"]): TypedObject => ({
  apiVersion,
  kind,
  metadata,
});
const RGD = typed("kro.run/v1alpha1", "ResourceGraphDefinition", { name: "loadbalancers" });
const CRD = typed("apiextensions.k8s.io/v1", "CustomResourceDefinition", { name: LOADBALANCER_CRD });
const GATEWAY_CLASS = typed("gateway.networking.k8s.io/v1", "GatewayClass", { name: "eg" });
const KONNECTOR_DEPLOYMENT = typed("apps/v1", "Deployment", { name: KONNECTOR.name, namespace: KONNECTOR.namespace });

const conditionOf = (o: Obj | undefined, type: string) => findCondition(o?.status?.conditions, type);

/** kro processed the RGD's current generation: accepted (`true`) or rejected (`false`). */
async function rgdSettled(client: KubeClient, accepted: boolean): Promise<Obj> {
  return waitFor(
    `kro to ${accepted ? "accept" : "reject"} RGD loadbalancers`,
    async () => {
      const rgd = await getObject<Obj>(client, RGD);
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
  const client = await admin(state, "provider");
  await applyAll(client, await sandboxManifest("guide-loadbalancer-rgd.yaml"), SANDBOX_APPLY);
  await rgdSettled(client, false);
  return {
    what: "the guide's original LoadBalancer RGD",
    async restore() {
      await applyAll(client, await sandboxManifest("loadbalancer-rgd.yaml"), SANDBOX_APPLY);
      await rgdSettled(client, true);
      await waitFor("the LoadBalancer CRD to stay exported", async () => {
        const crd = await getObject<Obj>(client, CRD);
        return crd?.metadata.labels?.[EXPORTED_LABEL] === "true";
      });
    },
  };
}

/** Deletes GatewayClass eg; restore creates it as the sandbox does and waits until it is Accepted. */
export async function deleteGatewayClass(state = readSandboxState()): Promise<BrokenStep> {
  const client = await admin(state, "provider");
  await deleteObject(client, GATEWAY_CLASS);
  await waitFor("GatewayClass eg to be gone", async () => (await getObject(client, GATEWAY_CLASS)) === undefined, {
    timeoutMs: TIMEOUT_MS,
  });
  return {
    what: "GatewayClass eg deleted",
    async restore() {
      const manifest = (await sandboxManifest("provider-base.yaml")).filter((o) => o.kind === "GatewayClass");
      await applyAll(client, manifest, SANDBOX_APPLY);
      await waitFor(
        "GatewayClass eg Accepted",
        async () => conditionOf(await getObject<Obj>(client, GATEWAY_CLASS), "Accepted")?.status === "True",
        { timeoutMs: TIMEOUT_MS },
      );
    },
  };
}

/** Removes kube-bind.io/exported=true from the LoadBalancer CRD; restore puts it back. */
export async function removeExportLabel(state = readSandboxState()): Promise<BrokenStep> {
  const client = await admin(state, "provider");
  await mergePatchObject(client, CRD, { metadata: { labels: { [EXPORTED_LABEL]: null } } });
  await waitFor(
    "the export label to be gone",
    async () => (await getObject<Obj>(client, CRD))?.metadata.labels?.[EXPORTED_LABEL] === undefined,
  );
  return {
    what: "export label removed",
    async restore() {
      await mergePatchObject(client, CRD, { metadata: { labels: { [EXPORTED_LABEL]: "true" } } });
      await waitFor(
        "the export label to be back",
        async () => (await getObject<Obj>(client, CRD))?.metadata.labels?.[EXPORTED_LABEL] === "true",
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
  const consumer = await admin(state, "consumer");
  const provider = await admin(state, "provider");
  const before = await getObject<Obj>(consumer, KONNECTOR_DEPLOYMENT);
  if (!before) throw new Error("the consumer has no konnector Deployment: bind it first");
  const replicas = before.spec?.replicas || 2;
  const scale = (n: number) => mergePatchObject(consumer, KONNECTOR_DEPLOYMENT, { spec: { replicas: n } });
  await scale(0);
  await waitFor(
    "the konnector to stop",
    async () => ((await getObject<Obj>(consumer, KONNECTOR_DEPLOYMENT))?.status?.readyReplicas ?? 0) === 0,
    { timeoutMs: TIMEOUT_MS },
  );
  return {
    what: "konnector stopped",
    async restore() {
      await scale(replicas);
      await waitFor(
        "the konnector to be ready",
        async () => ((await getObject<Obj>(consumer, KONNECTOR_DEPLOYMENT))?.status?.readyReplicas ?? 0) > 0,
        { timeoutMs: TIMEOUT_MS },
      );
      // A starting konnector heart-beats at once when its last heartbeat is overdue (else on its
      // 5-minute schedule): after ageHeartbeat() this waits for that fresh one.
      await waitFor(
        "a current konnector heartbeat",
        async () => {
          const bindings = await provider.list<Obj>(APIS.clusterBindings);
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
  const provider = await admin(state, "provider");
  const bindings = await provider.list<Obj>(APIS.clusterBindings);
  const at = new Date(Date.now() - ageMs).toISOString().replace(/\.\d+Z$/, "Z");
  for (const b of bindings.items.filter((x) => x.status?.lastHeartbeatTime)) {
    await provider.mergePatch(
      { ...APIS.clusterBindings, namespace: b.metadata.namespace, name: b.metadata.name, subresource: "status" },
      { status: { lastHeartbeatTime: at } },
    );
  }
}
