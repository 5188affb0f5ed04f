// The APIs the live views read and the stream keys for them.
import type { ClusterName } from "../k8s/types";
import type { StreamKey } from "../k8s/watch-types";
import { LOADBALANCERS } from "../loadbalancer/resource";

export interface Api {
  group: string;
  version: string;
  resource: string;
}

export const API = {
  loadBalancers: LOADBALANCERS,
  configMaps: { group: "", version: "v1", resource: "configmaps" },
  events: { group: "", version: "v1", resource: "events" },
  namespaces: { group: "", version: "v1", resource: "namespaces" },
  services: { group: "", version: "v1", resource: "services" },
  gateways: { group: "gateway.networking.k8s.io", version: "v1", resource: "gateways" },
  httpRoutes: { group: "gateway.networking.k8s.io", version: "v1", resource: "httproutes" },
  referenceGrants: { group: "gateway.networking.k8s.io", version: "v1beta1", resource: "referencegrants" },
  rgds: { group: "kro.run", version: "v1alpha1", resource: "resourcegraphdefinitions" },
  clusterBindings: { group: "kube-bind.io", version: "v1alpha2", resource: "clusterbindings" },
  deployments: { group: "apps", version: "v1", resource: "deployments" },
} as const satisfies Record<string, Api>;

export const ENVOY_NAMESPACE = "envoy-gateway-system";
/** The konnector's Deployment on a consumer, as `kubectl bind` (and the portal's bind) creates it. */
export const KONNECTOR = { namespace: "kube-bind", name: "konnector" } as const;

export const key = (cluster: ClusterName, api: Api, namespace?: string): StreamKey => ({
  cluster,
  group: api.group,
  version: api.version,
  resource: api.resource,
  namespace,
});
