// The provider side of the guide on a real cluster: Gateway API and kro CRDs from their Go
// modules, the real kro controller, the LoadBalancer RGD (exported to kube-bind), kube-bind's own
// CRDs (from its release) and the export template, and the guide's `backend` Service whose EndpointSlice points at the
// echo server (the sandbox's "multi-cluster networking"; see lib/network.ts for its address).
import { join } from "node:path";
import { applyAll, getObject, mergePatchObject } from "../../lib/k8s/apply";
import { type Condition, isConditionTrue } from "../../lib/k8s/condition";
import type { KubeObject } from "../../lib/k8s/types";
import type { Cluster } from "../cluster/control-plane";
import { SANDBOX_APPLY } from "../lib/kube";
import { type Log, type ManagedProcess, waitFor } from "../lib/process";
import { startKro } from "./kro";
import { GATEWAY_API_MODULE, goModuleDir, KRO_MODULE, manifestsIn, sandboxManifest } from "./manifests";

export const LOADBALANCER_CRD = "loadbalancers.networking.kro.run";
export const EXPORTED_LABEL = "kube-bind.io/exported";

async function upstreamCrds(): Promise<KubeObject[]> {
  const [gatewayDir, kroDir] = await Promise.all([goModuleDir(GATEWAY_API_MODULE), goModuleDir(KRO_MODULE)]);
  const [gateway, kro] = await Promise.all([
    manifestsIn(join(gatewayDir, "config", "crd", "standard")),
    manifestsIn(join(kroDir, "helm", "crds")),
  ]);
  return [...gateway, ...kro];
}

function backendObjects(echo: { address: string; port: number }): KubeObject[] {
  const metadata = { name: "backend", namespace: "default" };
  const service = {
    apiVersion: "v1",
    kind: "Service",
    metadata,
    spec: { clusterIP: "None", ports: [{ name: "http", port: 30080, targetPort: 30080, protocol: "TCP" }] },
  };
  const slice = {
    apiVersion: "discovery.k8s.io/v1",
    kind: "EndpointSlice",
    metadata: { ...metadata, labels: { "kubernetes.io/service-name": "backend" } },
    addressType: "IPv4",
    ports: [{ name: "http", port: echo.port, protocol: "TCP" }],
    endpoints: [{ addresses: [echo.address], conditions: { ready: true } }],
  };
  return [service, slice];
}

async function waitForCrds(cluster: Cluster, crds: KubeObject[]): Promise<void> {
  await Promise.all(
    crds.map((crd) =>
      waitFor(`CRD ${crd.metadata?.name} Established`, async () => established(cluster, crd), {
        timeoutMs: 60_000,
      }),
    ),
  );
}

type RgdStatus = { state?: string; conditions?: Condition[] };

async function established(cluster: Cluster, crd: KubeObject): Promise<boolean> {
  const found = await getObject<KubeObject & { status?: { conditions?: Condition[] } }>(cluster.admin, crd);
  return isConditionTrue(found?.status?.conditions, "Established");
}

export async function setupProvider(
  cluster: Cluster,
  opts: { echo: { address: string; port: number }; kubeBindCrds: string; runDir: string; log?: Log },
): Promise<{ kro: ManagedProcess }> {
  const log = opts.log ?? (() => {});
  const crds = [...(await upstreamCrds()), ...(await manifestsIn(opts.kubeBindCrds))];
  await applyAll(cluster.admin, crds, SANDBOX_APPLY);
  await waitForCrds(cluster, crds);
  log("provider: Gateway API, kro and kube-bind CRDs established");

  const kroStart = startKro({ kubeconfig: cluster.kubeconfigs.admin, runDir: opts.runDir });
  try {
    await applyAll(
      cluster.admin,
      [
        ...(await sandboxManifest("provider-base.yaml")),
        ...(await sandboxManifest("loadbalancer-export-template.yaml")),
        ...backendObjects(opts.echo),
      ],
      SANDBOX_APPLY,
    );
    await applyAll(cluster.admin, await sandboxManifest("loadbalancer-rgd.yaml"), SANDBOX_APPLY);
  } catch (error) {
    await kroStart.then((kro) => kro.stop()).catch(() => undefined);
    throw error;
  }
  const kro = await kroStart;
  try {
    const rgd = {
      apiVersion: "kro.run/v1alpha1",
      kind: "ResourceGraphDefinition",
      metadata: { name: "loadbalancers" },
    };
    await waitFor(
      "kro to report RGD loadbalancers Active",
      async () => {
        const status = (await getObject<KubeObject & { status?: RgdStatus }>(cluster.admin, rgd))?.status;
        if (status?.state === "Active") return true;
        const notReady = status?.conditions?.filter((c) => c.status !== "True").map((c) => `${c.type}: ${c.message}`);
        throw new Error(`state ${status?.state ?? "unset"}; ${notReady?.join("; ") ?? "no conditions"}`);
      },
      { process: kro, timeoutMs: 120_000 },
    );
    const crd = {
      apiVersion: "apiextensions.k8s.io/v1",
      kind: "CustomResourceDefinition",
      metadata: { name: LOADBALANCER_CRD },
    };
    await waitFor(`CRD ${LOADBALANCER_CRD} Established`, async () => established(cluster, crd), {
      process: kro,
    });
    // The guide's export label: kube-bind only offers CRDs that carry it.
    await mergePatchObject(cluster.admin, crd, { metadata: { labels: { [EXPORTED_LABEL]: "true" } } });
    log("provider: kro is serving LoadBalancer (RGD Active, CRD labelled for export)");
  } catch (error) {
    await kro.stop();
    throw error;
  }
  return { kro };
}
