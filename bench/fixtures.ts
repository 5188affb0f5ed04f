// The objects the bench creates and the clients it uses, all on the sandbox's clusters.

import { APIS } from "../lib/k8s/apis";
import { KubeClient } from "../lib/k8s/client";
import { ClusterConnection } from "../lib/k8s/connection";
import { KubeError } from "../lib/k8s/errors";
import { type ClusterName, type KubeObject, PORTAL, type ResourceRef } from "../lib/k8s/types";
import type { SandboxState } from "../sandbox/state";
import { until } from "./stats";

export const LB = APIS.loadBalancers;
export const CM = APIS.configMaps;
export const NAMESPACES = APIS.namespaces;
export const ROLEBINDINGS = APIS.roleBindings;
/** written on objects to produce events; its values are unique markers */
export const MARK = "bench.kube-bind.io/mark";

/** A client from one of the sandbox's kubeconfigs (admin, or a user authenticating as itself). */
export async function client(state: SandboxState, cluster: ClusterName, who: string): Promise<KubeClient> {
  const kubeconfig = state.clusters[cluster].kubeconfigs[who];
  if (!kubeconfig) throw new Error(`the sandbox has no ${who} kubeconfig for the ${cluster}`);
  return new KubeClient(await ClusterConnection.open({ name: cluster, kubeconfig }), PORTAL);
}

export async function createIfMissing(c: KubeClient, ref: ResourceRef, body: KubeObject) {
  try {
    await c.create(ref, body);
  } catch (e) {
    if (!(e instanceof KubeError && e.conflict)) throw e;
  }
}

export const settingsConfigMap = (name: string): KubeObject => ({
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: { name },
  data: { "custom-header": "hello-kube-bind" },
});

/** A LoadBalancer like the guide's, in front of the sandbox's `backend` Service. */
export const loadBalancer = (name: string, configMap: string, domain = `${name}.bench.example.com`): KubeObject => ({
  apiVersion: "networking.kro.run/v1alpha1",
  kind: "LoadBalancer",
  metadata: { name },
  spec: {
    domain,
    configMapRef: configMap,
    targetService: "backend",
    targetServiceNamespace: "default",
    targetPort: 30080,
  },
});

/**
 * One LoadBalancer of alice's (team-a) on the consumer, and its konnector copy on the provider;
 * waits a bounded while for kro to finish so that phase (a) measures writes, not reconciling.
 */
export async function aliceLoadBalancer(
  consumer: KubeClient,
  provider: KubeClient,
  name: string,
  log: (l: string) => void,
) {
  const namespace = "team-a";
  // The ConfigMap second: the konnector copies a referenced ConfigMap only on its own events.
  await createIfMissing(consumer, { ...LB, namespace }, loadBalancer(name, `${name}-config`));
  await createIfMissing(consumer, { ...CM, namespace }, settingsConfigMap(`${name}-config`));
  const copy = await until(async () => {
    const list = await provider.list(LB, { fieldSelector: `metadata.name=${name}` });
    return list.items.find((o) => o.metadata.namespace?.endsWith(`-${namespace}`));
  }, 90_000);
  if (!copy?.metadata.namespace) throw new Error(`no provider copy of ${namespace}/${name} after 90 s`);
  const ready = await until(async () => {
    const lb = await consumer.get<KubeObject & { status?: { state?: string } }>({ ...LB, namespace, name });
    return lb.status?.state === "ACTIVE";
  }, 90_000);
  log(`${namespace}/${name} synced to ${copy.metadata.namespace}${ready ? ", ACTIVE" : " (not ACTIVE after 90 s)"}`);
  return { consumer: { namespace, name }, provider: { namespace: copy.metadata.namespace, name } };
}
