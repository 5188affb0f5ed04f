import type { ResourceRef } from "../k8s/types";

/** The exported API, as kro generates it from the LoadBalancer ResourceGraphDefinition. */
export const LOADBALANCERS = { group: "networking.kro.run", version: "v1alpha1", resource: "loadbalancers" } as const;

export function loadBalancerRef(namespace?: string, name?: string): ResourceRef {
  return { ...LOADBALANCERS, namespace, name };
}
