import "server-only";
import { APIS } from "../k8s/apis";
import type { KubeClient } from "../k8s/client";
import { portalIdentityClient, userClient } from "../k8s/clusters";
import { KubeError } from "../k8s/errors";
import { ConfigMap, NamespacedMeta, Service as ServiceModel } from "../k8s/models";
import { namespacesWhereUserCan } from "../k8s/namespaces";
import type { Identity } from "../k8s/types";
import { isSharedTarget, type SharedTarget } from "./policy";
import { loadSharedTargets } from "./shared-targets";

export interface ConfigMapOption {
  name: string;
  keys: string[];
}

export interface ServiceOption {
  namespace: string;
  name: string;
  ports: number[];
}

export interface FormOptions {
  /** namespaces where the user may create LoadBalancers */
  namespaces: string[];
  /** existing ConfigMaps the user can read, by namespace */
  configMaps: Record<string, ConfigMapOption[]>;
  /**
   * Services on the consumer cluster, in namespaces where the user may list them, that the
   * platform's policy lets a LoadBalancer target (all of them if the policy cannot be read)
   */
  services: ServiceOption[];
  /** the platform's shared targets, if known */
  targets?: SharedTarget[];
}

const Service = ServiceModel.extend({ metadata: NamespacedMeta });

/** Lists as the user; a namespace the user may not list in contributes nothing. */
async function listOrEmpty(user: KubeClient, resource: string, namespace: string) {
  try {
    return (await user.list({ group: "", version: "v1", resource, namespace })).items;
  } catch (e) {
    if (e instanceof KubeError && (e.forbidden || e.notFound)) return [];
    throw e;
  }
}

/** What the create form offers: namespaces, ConfigMaps and Services, all as the user sees them. */
export async function loadFormOptions(identity: Identity): Promise<FormOptions> {
  const user = await userClient("consumer", identity);
  const portal = await portalIdentityClient("consumer");
  const [namespaces, serviceNamespaces] = await Promise.all([
    namespacesWhereUserCan(portal, user, { verb: "create", ...APIS.loadBalancers }),
    namespacesWhereUserCan(portal, user, { verb: "list", ...APIS.services }),
  ]);
  const [cms, svcs, targets] = await Promise.all([
    Promise.all(namespaces.map((ns) => listOrEmpty(user, "configmaps", ns))),
    Promise.all(serviceNamespaces.map((ns) => listOrEmpty(user, "services", ns))),
    loadSharedTargets(),
  ]);
  const configMaps = Object.fromEntries(
    namespaces.map((ns, i) => [
      ns,
      cms[i]
        .map((raw) => ConfigMap.parse(raw))
        // kube-root-ca.crt is the cluster's CA bundle in every namespace, never a setting.
        .filter((cm) => cm.metadata.name !== "kube-root-ca.crt")
        .map((cm) => ({ name: cm.metadata.name, keys: Object.keys(cm.data ?? {}).sort() })),
    ]),
  );
  const services = svcs
    .flat()
    .map((raw) => Service.parse(raw))
    .filter((s) => !(s.metadata.namespace === "default" && s.metadata.name === "kubernetes"))
    .filter((s) => !targets || isSharedTarget(targets, s.metadata.namespace, s.metadata.name))
    .map((s) => ({
      namespace: s.metadata.namespace,
      name: s.metadata.name,
      ports: (s.spec?.ports ?? []).map((p) => p.port),
    }));
  return { namespaces, configMaps, services, ...(targets ? { targets } : {}) };
}
