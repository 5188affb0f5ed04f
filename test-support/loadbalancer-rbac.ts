// kube-bind grants no RBAC on the consumer for a bound API: the consumer cluster's admin decides
// who may use it. The sandbox applies aggregated ClusterRoles for LoadBalancers
// (sandbox/manifests/consumer-rbac.yaml); tests wait until the aggregation reached `edit`.
import { APIS } from "../lib/k8s/apis";
import type { KubeClient } from "../lib/k8s/client";
import type { KubeObject } from "../lib/k8s/types";

export async function teamRolesCoverLoadBalancers(consumerAdmin: KubeClient, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const edit = await consumerAdmin.get<{ rules?: { resources?: string[] }[] } & KubeObject>({
      ...APIS.clusterRoles,
      name: "edit",
    });
    if (edit.rules?.some((r) => r.resources?.includes("loadbalancers"))) return;
    if (Date.now() > deadline) throw new Error("the edit ClusterRole did not aggregate the LoadBalancer rules");
    await new Promise((r) => setTimeout(r, 250));
  }
}
