import "server-only";
import { pickTenant, tenantCandidates } from "../bind/tenancy";
import { APIS } from "../k8s/apis";
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

const KRO_CHILDREN = [
  { kind: "Gateway", ...APIS.gateways },
  { kind: "HTTPRoute", ...APIS.httpRoutes },
  { kind: "ReferenceGrant", ...APIS.referenceGrants },
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
 * The provider namespace and copy of a consumer LoadBalancer, found as the live views find them
 * (lib/bind/tenancy.ts): the namespaces of this consumer cluster's binding, told apart by the copy
 * when several could hold it.
 */
async function locateCopy(
  provider: KubeClient,
  lb: { namespace: string; name: string; spec?: unknown },
): Promise<{ namespace: string; copy: KubeObject } | null> {
  const consumer = await portalIdentityClient("consumer");
  const kubeSystem = await consumer.get({ ...APIS.namespaces, name: "kube-system" });
  const namespaces = await provider.list(APIS.namespaces);
  const candidates = await Promise.all(
    tenantCandidates(namespaces.items, lb.namespace, kubeSystem.metadata.uid).map(async (tenant) => ({
      tenant,
      copy: (await getOrNull(provider, { ...loadBalancerRef(tenant.providerNamespace), name: lb.name })) ?? undefined,
    })),
  );
  const ns = pickTenant(candidates, lb.spec)?.providerNamespace;
  const copy = candidates.find((c) => c.tenant.providerNamespace === ns)?.copy;
  return ns && copy ? { namespace: ns, copy } : null;
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
  spec?: unknown;
  configMapRef?: string;
}): Promise<ProviderSide> {
  try {
    const provider = await portalIdentityClient("provider");
    const located = await locateCopy(provider, readAsUser);
    if (!located) return { state: "not-synced" };
    const { namespace: ns, copy } = located;
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
        { ...APIS.services, namespace: ENVOY_NAMESPACE },
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
        ...APIS.configMaps,
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
