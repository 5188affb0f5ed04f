import "server-only";
import { z } from "zod";
import { APIS } from "../k8s/apis";
import { portalIdentityClient } from "../k8s/clusters";
import { KubeError } from "../k8s/errors";
import { log } from "../log";
import { POLICY_CONFIGMAP, parseSharedTargets, SHARED_TARGETS_KEY, type SharedTarget } from "./policy";

const PolicyConfigMap = z.object({ data: z.record(z.string(), z.string()).optional() });

/**
 * The platform's shared targets, from the ConfigMap the provider's target policy reads (read with
 * the portal's own identity: it is platform configuration, not a tenant's object). No ConfigMap:
 * none (the provider then refuses every target outside a tenant's own namespace). Unreadable:
 * undefined, and the portal leaves the target to the provider's own refusal.
 */
export async function loadSharedTargets(): Promise<SharedTarget[] | undefined> {
  try {
    const portal = await portalIdentityClient("provider");
    const cm = PolicyConfigMap.parse(await portal.get({ ...APIS.configMaps, ...POLICY_CONFIGMAP }));
    return parseSharedTargets(cm.data?.[SHARED_TARGETS_KEY]);
  } catch (e) {
    if (e instanceof KubeError && e.notFound) return [];
    if (!(e instanceof KubeError)) throw e;
    log.warn({ policy: { error: e.message } }, "cannot read the LoadBalancer policy's shared targets");
    return undefined;
  }
}
