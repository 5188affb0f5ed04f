import "server-only";
import { z } from "zod";
import { portalIdentityClient, userClient } from "../k8s/clusters";
import { namespacesWhereUserCan } from "../k8s/namespaces";
import { LOADBALANCERS, loadBalancerRef } from "./resource";

const LoadBalancer = z.object({
  metadata: z.object({ name: z.string(), namespace: z.string(), creationTimestamp: z.string().optional() }),
  spec: z
    .object({ domain: z.string().optional(), targetService: z.string().optional(), targetPort: z.number().optional() })
    .loose()
    .optional(),
  status: z
    .object({
      state: z.string().optional(),
      address: z.string().optional(),
      conditions: z.array(z.object({ type: z.string(), status: z.string() }).loose()).optional(),
    })
    .loose()
    .optional(),
});

export interface LoadBalancerRow {
  namespace: string;
  name: string;
  domain?: string;
  state: string;
  ready: string;
  address?: string;
  createdAt?: string;
}

export type LoadBalancerListing = { bound: false } | { bound: true; namespaces: string[]; rows: LoadBalancerRow[] };

/** The user's LoadBalancers on the consumer cluster, read as the user. */
export async function listUserLoadBalancers(identity: {
  user: string;
  groups: string[];
}): Promise<LoadBalancerListing> {
  const user = await userClient("consumer", identity);
  const portal = await portalIdentityClient("consumer");
  const served = await user.served(LOADBALANCERS.group, LOADBALANCERS.version);
  if (!served?.some((r) => r.name === LOADBALANCERS.resource)) return { bound: false };
  const namespaces = await namespacesWhereUserCan(portal, user, { verb: "list", ...LOADBALANCERS });
  const lists = await Promise.all(namespaces.map((ns) => user.list(loadBalancerRef(ns))));
  const rows = lists
    .flatMap((l) => l.items)
    .map((raw) => LoadBalancer.parse(raw))
    .map((lb) => ({
      namespace: lb.metadata.namespace,
      name: lb.metadata.name,
      domain: lb.spec?.domain,
      state: lb.status?.state ?? "PENDING",
      ready: lb.status?.conditions?.find((c) => c.type === "Ready")?.status ?? "Unknown",
      address: lb.status?.address,
      createdAt: lb.metadata.creationTimestamp,
    }));
  return { bound: true, namespaces, rows };
}
