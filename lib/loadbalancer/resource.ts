import { APIS } from "../k8s/apis";
import type { ResourceRef } from "../k8s/types";

export function loadBalancerRef(namespace?: string, name?: string): ResourceRef {
  return { ...APIS.loadBalancers, namespace, name };
}
