// The stream keys of the APIs the live views read, and where the objects they read live.
import type { Api } from "../k8s/apis";
import type { ClusterName } from "../k8s/types";
import type { StreamKey } from "../k8s/watch-types";

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
