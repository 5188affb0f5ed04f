// Authorization of live subscriptions, checked per subscriber BEFORE it joins a shared stream.
import { APIS, type Api } from "../k8s/apis";
import type { KubeClient } from "../k8s/client";
import { KubeError } from "../k8s/errors";
import { namespaceList, namespacesWhereUserCan } from "../k8s/namespaces";
import type { Identity } from "../k8s/types";
import type { PortalError } from "../result";
import type { LiveContext } from "./context";

/**
 * May the user list AND watch `api` in `namespace` (everywhere when undefined)? Asked as the user
 * (SelfSubjectAccessReview): a shared consumer stream shows everything in its scope, so joining it
 * needs exactly the rights a user's own `kubectl get -w` there would need.
 */
export async function mayWatch(user: KubeClient, api: Api, namespace?: string): Promise<boolean> {
  const attrs = { group: api.group, resource: api.resource, namespace };
  const [list, watch] = await Promise.all([
    user.can({ ...attrs, verb: "list" }),
    user.can({ ...attrs, verb: "watch" }),
  ]);
  return list && watch;
}

export interface LoadBalancerRights {
  loadBalancers: boolean;
  configMaps: boolean;
  events: boolean;
}

/** What the user may watch in one consumer namespace for a LoadBalancer page. */
export async function loadBalancerRights(user: KubeClient, api: Api, namespace: string): Promise<LoadBalancerRights> {
  const [loadBalancers, configMaps, events] = await Promise.all([
    mayWatch(user, api, namespace),
    mayWatch(user, APIS.configMaps, namespace),
    mayWatch(user, APIS.events, namespace),
  ]);
  return { loadBalancers, configMaps, events };
}

export interface DashboardScope {
  /** undefined: the user may watch LoadBalancers in every namespace (one cluster-wide stream) */
  namespaces?: string[];
  /** the namespaces listed on the page */
  listed: string[];
  configMapNamespaces: Set<string>;
}

/** Where the user may watch LoadBalancers (and ConfigMaps) on the consumer. */
export async function dashboardScope(user: KubeClient, portal: KubeClient, api: Api): Promise<DashboardScope> {
  // Every question at once, over one list of namespaces: one round trip on most clusters.
  const namespaces = namespaceList(portal);
  const where = async (a: Api) => {
    const attrs = { group: a.group, resource: a.resource };
    const [list, watch] = await Promise.all([
      namespacesWhereUserCan(portal, user, { ...attrs, verb: "list" }, namespaces),
      namespacesWhereUserCan(portal, user, { ...attrs, verb: "watch" }, namespaces),
    ]);
    return list.filter((n) => watch.includes(n));
  };
  const [everywhere, lbNamespaces, cmNamespaces] = await Promise.all([
    mayWatch(user, api),
    where(api),
    where(APIS.configMaps),
  ]);
  return {
    namespaces: everywhere ? undefined : lbNamespaces,
    listed: lbNamespaces,
    configMapNamespaces: new Set(cmNamespaces),
  };
}

export const isAdmin = (identity: Identity, adminGroup: string) => identity.groups.includes(adminGroup);

export const forbidden = (message: string): PortalError => ({
  cluster: "consumer",
  status: 403,
  reason: "Forbidden",
  message,
});

/** The consumer serves the bound API only after the binding; before that there is nothing to watch. */
export async function servesApi(user: KubeClient, api: Api): Promise<boolean> {
  try {
    const served = await user.served(api.group, api.version);
    return Boolean(served?.some((r) => r.name === api.resource));
  } catch (e) {
    if (e instanceof KubeError && e.forbidden) return false;
    throw e;
  }
}

export const notBound: PortalError = {
  cluster: "consumer",
  status: 404,
  reason: "NotBound",
  message: "Your cluster does not serve LoadBalancers yet: bind the LoadBalancer export first.",
};

/** The uid of the consumer's kube-system namespace: how the bind handshake keys this cluster. */
export async function clusterIdentity(ctx: LiveContext): Promise<string | undefined> {
  const cached = identities.get(ctx);
  if (cached) return cached;
  const portal = await ctx.consumerPortal();
  const ns = await portal.get({ ...APIS.namespaces, name: "kube-system" }).catch(() => undefined);
  const uid = ns?.metadata.uid;
  if (uid) identities.set(ctx, uid);
  return uid;
}
const identities = new WeakMap<LiveContext, string>();
