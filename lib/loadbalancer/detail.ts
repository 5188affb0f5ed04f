import "server-only";
import { z } from "zod";
import type { FormModel } from "../forms/form-model";
import { dns1123Label, dns1123Subdomain } from "../forms/kubernetes-rules";
import { APIS } from "../k8s/apis";
import { userClient } from "../k8s/clusters";
import { KubeError } from "../k8s/errors";
import { ConfigMap, LoadBalancer, LoadBalancerSpec, NamespacedMeta } from "../k8s/models";
import type { Identity } from "../k8s/types";
import { loadBalancerApi } from "./api";
import { loadBalancerRef } from "./resource";

/** A LoadBalancer as the forms read it: a whole object, always with a spec. */
export const LoadBalancerObject = LoadBalancer.extend({
  apiVersion: z.string(),
  kind: z.string(),
  metadata: NamespacedMeta,
  spec: LoadBalancerSpec.default({}),
});
export type LoadBalancerObject = z.infer<typeof LoadBalancerObject>;

const ConfigMapObject = ConfigMap.extend({ data: z.record(z.string(), z.string()).default({}) });

export type ConfigMapView =
  | { name: string; state: "found"; data: Record<string, string>; resourceVersion?: string }
  | { name: string; state: "missing" }
  | { name: string; state: "forbidden" };

export type LoadBalancerDetail =
  | { state: "not-bound"; settingUp: boolean }
  | { state: "not-found" }
  | { state: "forbidden"; message: string }
  | {
      state: "found";
      model: FormModel;
      lb: LoadBalancerObject;
      configMap?: ConfigMapView;
      can: { update: boolean; delete: boolean };
    };

export const RouteParams = z.object({
  namespace: z.string().refine((v) => dns1123Label(v) === null),
  name: z.string().refine((v) => dns1123Subdomain(v) === null),
});

/** One LoadBalancer and its ConfigMap of settings, read on the consumer as the user. */
export async function loadBalancerDetail(
  identity: Identity,
  params: { namespace: string; name: string },
): Promise<LoadBalancerDetail> {
  const parsed = RouteParams.safeParse(params);
  if (!parsed.success) return { state: "not-found" };
  const { namespace, name } = parsed.data;
  const user = await userClient("consumer", identity);
  const api = await loadBalancerApi(user);
  if (!api.bound) return { state: "not-bound", settingUp: api.settingUp };
  let lb: LoadBalancerObject;
  try {
    lb = LoadBalancerObject.parse(await user.get({ ...loadBalancerRef(namespace), name }));
  } catch (e) {
    if (e instanceof KubeError && e.notFound) return { state: "not-found" };
    if (e instanceof KubeError && e.forbidden) {
      return {
        state: "forbidden",
        message: `You may not read LoadBalancers in namespace ${namespace} on the consumer cluster.`,
      };
    }
    throw e;
  }
  const [configMap, update, del] = await Promise.all([
    lb.spec.configMapRef ? readConfigMap(user, namespace, lb.spec.configMapRef) : undefined,
    user.can({ verb: "update", ...APIS.loadBalancers, namespace, name }),
    user.can({ verb: "delete", ...APIS.loadBalancers, namespace, name }),
  ]);
  return { state: "found", model: api.model, lb, configMap, can: { update, delete: del } };
}

async function readConfigMap(
  user: Awaited<ReturnType<typeof userClient>>,
  namespace: string,
  name: string,
): Promise<ConfigMapView> {
  try {
    const cm = ConfigMapObject.parse(await user.get({ ...APIS.configMaps, namespace, name }));
    return { name, state: "found", data: cm.data, resourceVersion: cm.metadata.resourceVersion };
  } catch (e) {
    if (e instanceof KubeError && e.notFound) return { name, state: "missing" };
    if (e instanceof KubeError && e.forbidden) return { name, state: "forbidden" };
    throw e;
  }
}
