import "server-only";
import { APIS } from "../k8s/apis";
import type { KubeClient } from "../k8s/client";
import { KubeError } from "../k8s/errors";
import { actorName } from "../k8s/types";
import { log } from "../log";
import { BindStepError } from "./bind-errors";
import { KONNECTOR_NAMESPACE, konnectorDeploymentRef, konnectorManifests } from "./konnector";

const KONNECTOR_TIMEOUT_MS = 90_000;
const POLL_MS = 1_000;

/** Whether Deployment kube-bind/konnector exists on the consumer (as `consumer` sees it). */
export async function konnectorDeployed(consumer: KubeClient): Promise<boolean> {
  try {
    await consumer.get(konnectorDeploymentRef());
    return true;
  } catch (e) {
    if (e instanceof KubeError && e.notFound) return false;
    throw e;
  }
}

/**
 * Whether the user may do everything a browser bind does on their cluster: create the kubeconfig
 * Secret and APIServiceBindings and, unless a konnector is already deployed, the konnector's
 * namespace, ServiceAccount, ClusterRole(Binding) and Deployment. Asked before anything is made
 * anywhere, so a refusal leaves nothing half-made.
 */
export async function mayBindOnConsumer(consumer: KubeClient): Promise<boolean> {
  const needed = [
    consumer.can({ verb: "create", ...APIS.apiServiceBindings }),
    consumer.can({ verb: "create", ...APIS.secrets, namespace: KONNECTOR_NAMESPACE }),
  ];
  const present = await konnectorDeployed(consumer).catch((e: unknown) => {
    if (e instanceof KubeError && e.forbidden) return false;
    throw e;
  });
  if (!present) {
    for (const m of konnectorManifests()) {
      const { group, resource, namespace } = m.ref;
      // The namespace may exist already; the rest are created only with it.
      if (resource === "namespaces") continue;
      needed.push(consumer.can({ verb: "create", group, resource, namespace }));
    }
  }
  return (await Promise.all(needed)).every(Boolean);
}

/**
 * Deploys the konnector as `kubectl bind` does, acting as the user (their RBAC decides), unless
 * Deployment kube-bind/konnector already exists. Objects that exist are updated to ours, except
 * the namespace and the ServiceAccount, which carry nothing of ours.
 */
export async function deployKonnector(consumer: KubeClient): Promise<"deployed" | "present"> {
  if (await konnectorDeployed(consumer)) return "present";
  for (const { ref, body } of konnectorManifests()) {
    try {
      await consumer.create({ ...ref, name: undefined }, body);
    } catch (e) {
      if (!(e instanceof KubeError && e.conflict)) throw e;
      if (ref.resource !== "namespaces" && ref.resource !== "serviceaccounts") await consumer.apply(ref, body);
    }
  }
  log.info(
    { audit: { user: actorName(consumer.actor), action: "deploy-konnector", namespace: KONNECTOR_NAMESPACE } },
    "konnector deployed",
  );
  return "deployed";
}

/**
 * Waits until the consumer serves APIServiceBindings: the konnector installs that CRD when it
 * starts, so then it runs (or ran once). As `kubectl bind` does before it creates the binding.
 */
export async function waitForKonnector(consumer: KubeClient, timeoutMs = KONNECTOR_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const served = await consumer.served("kube-bind.io", "v1alpha2");
    if (served?.some((r) => r.name === "apiservicebindings")) return;
    if (Date.now() > deadline) {
      throw new BindStepError(
        "konnector",
        "Timeout",
        `The konnector (Deployment ${KONNECTOR_NAMESPACE}/konnector on your cluster) did not start within ${Math.round(timeoutMs / 1000)} s: ` +
          `your cluster still does not serve APIServiceBindings. See \`kubectl -n ${KONNECTOR_NAMESPACE} get deployment,pods\`.`,
      );
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}
