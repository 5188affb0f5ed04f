import "server-only";
import { APIS } from "../k8s/apis";
import { portalIdentityClient, userClient } from "../k8s/clusters";
import { findCondition, LoadBalancer, parseRequired } from "../k8s/models";
import { namespacesWhereUserCan } from "../k8s/namespaces";
import type { DashboardRow } from "../status";
import { loadBalancerRef } from "./resource";

/** One line of the list: kubectl's columns, as the dashboard's rows name them. */
export type LoadBalancerRow = Pick<
  DashboardRow,
  "namespace" | "name" | "domain" | "state" | "ready" | "address" | "createdAt"
>;

export type LoadBalancerListing = { bound: false } | { bound: true; namespaces: string[]; rows: LoadBalancerRow[] };

/** The user's LoadBalancers on the consumer cluster, read as the user. */
export async function listUserLoadBalancers(identity: {
  user: string;
  groups: string[];
}): Promise<LoadBalancerListing> {
  const user = await userClient("consumer", identity);
  const portal = await portalIdentityClient("consumer");
  const served = await user.served(APIS.loadBalancers.group, APIS.loadBalancers.version);
  if (!served?.some((r) => r.name === APIS.loadBalancers.resource)) return { bound: false };
  const namespaces = await namespacesWhereUserCan(portal, user, { verb: "list", ...APIS.loadBalancers });
  const lists = await Promise.all(namespaces.map((ns) => user.list(loadBalancerRef(ns))));
  const rows = lists
    .flatMap((l, i) => l.items.map((raw) => ({ namespace: namespaces[i], lb: parseRequired(LoadBalancer, raw) })))
    .map(({ namespace, lb }) => ({
      namespace,
      name: lb.metadata.name,
      domain: lb.spec?.domain,
      state: lb.status?.state ?? "PENDING",
      ready: findCondition(lb.status?.conditions, "Ready")?.status ?? "Unknown",
      address: lb.status?.address,
      createdAt: lb.metadata.creationTimestamp,
    }));
  return { bound: true, namespaces, rows };
}
