import "server-only";
import { z } from "zod";
import { bindingIdentityKey, IDENTITY_ANNOTATION } from "../bind/naming";
import type { KubeClient } from "../k8s/client";
import { portalIdentityClient } from "../k8s/clusters";
import { KubeError } from "../k8s/errors";
import type { KubeObject } from "../k8s/types";
import { loadBalancerRef } from "./resource";

export interface ProviderObject {
  kind: string;
  namespace?: string;
  name: string;
  /** what happens to it when the LoadBalancer is deleted */
  note?: string;
}

export type ProviderSide =
  | { state: "found"; providerNamespace: string; objects: ProviderObject[] }
  /** the konnector has not copied the LoadBalancer to the provider (yet) */
  | { state: "not-synced" }
  | { state: "unavailable"; message: string };

const SERVICE_NAMESPACE = z.object({ status: z.object({ namespace: z.string().optional() }).optional() });
const KRO_CHILDREN = [
  { kind: "Gateway", group: "gateway.networking.k8s.io", version: "v1", resource: "gateways" },
  { kind: "HTTPRoute", group: "gateway.networking.k8s.io", version: "v1", resource: "httproutes" },
  { kind: "ReferenceGrant", group: "gateway.networking.k8s.io", version: "v1beta1", resource: "referencegrants" },
];
const ENVOY_NAMESPACE = "envoy-gateway-system";

async function getOrNull<T extends KubeObject>(client: KubeClient, ref: Parameters<KubeClient["get"]>[0]) {
  try {
    return await client.get<T>(ref);
  } catch (e) {
    if (e instanceof KubeError && e.notFound) return null;
    throw e;
  }
}

/**
 * The provider namespace the consumer namespace maps to: kube-bind's APIServiceNamespace in the
 * binding's cluster namespace, which the portal's handshake marks with the consumer cluster's
 * identity (the UID of its kube-system namespace).
 */
async function providerNamespaceOf(provider: KubeClient, consumerNamespace: string): Promise<string | null> {
  const consumer = await portalIdentityClient("consumer");
  const kubeSystem = await consumer.get({ group: "", version: "v1", resource: "namespaces", name: "kube-system" });
  const key = bindingIdentityKey("", kubeSystem.metadata.uid);
  const namespaces = await provider.list({ group: "", version: "v1", resource: "namespaces" });
  const clusterNamespaces = namespaces.items
    .filter((n) => n.metadata.annotations?.[IDENTITY_ANNOTATION] === key)
    .map((n) => n.metadata.name);
  for (const clusterNamespace of clusterNamespaces) {
    const sns = await getOrNull(provider, {
      group: "kube-bind.io",
      version: "v1alpha2",
      resource: "apiservicenamespaces",
      namespace: clusterNamespace,
      name: consumerNamespace,
    });
    const assigned = sns ? SERVICE_NAMESPACE.parse(sns).status?.namespace : undefined;
    if (assigned) return assigned;
  }
  return null;
}

/**
 * What exists on the provider for a consumer LoadBalancer: its synced copy, the children kro made
 * for it (found by the kro.run/instance-id label) and the Envoy proxy Service. Read with the
 * portal's read-only provider identity, so call it ONLY for a LoadBalancer the user has just read
 * on the consumer as themselves.
 */
export async function providerCounterparts(readAsUser: {
  namespace: string;
  name: string;
  configMapRef?: string;
}): Promise<ProviderSide> {
  try {
    const provider = await portalIdentityClient("provider");
    const ns = await providerNamespaceOf(provider, readAsUser.namespace);
    if (!ns) return { state: "not-synced" };
    const copy = await getOrNull(provider, { ...loadBalancerRef(ns), name: readAsUser.name });
    if (!copy) return { state: "not-synced" };
    const objects: ProviderObject[] = [
      { kind: "LoadBalancer", namespace: ns, name: copy.metadata.name, note: "the copy kube-bind keeps in sync" },
    ];
    const selector = `kro.run/instance-id=${copy.metadata.uid}`;
    const lists = await Promise.all(KRO_CHILDREN.map((c) => provider.list(c, { labelSelector: selector })));
    lists.forEach((list, i) => {
      for (const o of list.items)
        objects.push({
          kind: KRO_CHILDREN[i].kind,
          namespace: o.metadata.namespace,
          name: o.metadata.name,
          note: "created by kro",
        });
    });
    const gateways = objects.filter((o) => o.kind === "Gateway");
    for (const gw of gateways) {
      const proxies = await provider.list(
        { group: "", version: "v1", resource: "services", namespace: ENVOY_NAMESPACE },
        {
          labelSelector: `gateway.envoyproxy.io/owning-gateway-namespace=${gw.namespace},gateway.envoyproxy.io/owning-gateway-name=${gw.name}`,
        },
      );
      for (const s of proxies.items)
        objects.push({
          kind: "Service",
          namespace: ENVOY_NAMESPACE,
          name: s.metadata.name,
          note: "the Envoy proxy, with its address",
        });
    }
    if (readAsUser.configMapRef) {
      const cm = await getOrNull(provider, {
        group: "",
        version: "v1",
        resource: "configmaps",
        namespace: ns,
        name: readAsUser.configMapRef,
      });
      if (cm)
        objects.push({
          kind: "ConfigMap",
          namespace: ns,
          name: cm.metadata.name,
          note: "stays while the ConfigMap exists in your cluster",
        });
    }
    return { state: "found", providerNamespace: ns, objects };
  } catch (e) {
    if (e instanceof KubeError)
      return {
        state: "unavailable",
        message: `The ${e.cluster} cluster answered ${e.status} ${e.reason}: ${e.message}`,
      };
    throw e;
  }
}
