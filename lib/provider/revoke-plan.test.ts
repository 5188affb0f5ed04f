import { describe, expect, it } from "vitest";
import type { KubeObject } from "../k8s/types";
import { recorded } from "./fixtures/load";
import { revokePlan } from "./revoke-plan";

// The recorded binding (kube-bind's objects in its namespace, the synced LoadBalancer in
// <namespace>-default) plus what kro, Envoy Gateway and the backend made elsewhere for it, shaped
// as the sandbox shows them.
const s = recorded("healthy");
const ns = s.clusterBindings[0].metadata.namespace ?? "";
const lb = s.instances["loadbalancers.networking.kro.run"][0];
const obj = (apiVersion: string, kind: string, metadata: KubeObject["metadata"]): KubeObject => ({
  apiVersion,
  kind,
  metadata,
});
const inside = [
  ...s.clusterBindings,
  ...s.exports,
  ...s.exportRequests,
  obj("v1", "Secret", { name: "kubeconfig", namespace: ns }),
  obj("v1", "ServiceAccount", { name: "kube-binder", namespace: ns }),
  lb,
  obj("gateway.networking.k8s.io/v1", "Gateway", { name: "my-lb-gw", namespace: `${ns}-default` }),
  obj("v1", "ConfigMap", { name: "elsewhere", namespace: "kube-bind-other" }),
];
const nsUid = s.namespaces.find((n) => n.metadata.name === ns)?.metadata.uid ?? "";
const clusterRoles = [
  obj("rbac.authorization.k8s.io/v1", "ClusterRole", {
    name: `kube-binder-resources-${ns}-loadbalancer`,
    ownerReferences: [{ apiVersion: "v1", kind: "Namespace", name: ns, uid: nsUid }],
  }),
  obj("rbac.authorization.k8s.io/v1", "ClusterRole", { name: "kube-binder-exports" }),
];
const referenceGrants = [
  obj("gateway.networking.k8s.io/v1beta1", "ReferenceGrant", {
    name: `${ns}-default-my-lb-grant`,
    namespace: "default",
    labels: { "kro.run/instance-id": lb.metadata.uid ?? "" },
  }),
  obj("gateway.networking.k8s.io/v1beta1", "ReferenceGrant", {
    name: "someone-elses",
    namespace: "default",
    labels: { "kro.run/instance-id": "other-uid" },
  }),
];
const envoyServices = [
  obj("v1", "Service", {
    name: "envoy-abc",
    namespace: "envoy-gateway-system",
    labels: {
      "gateway.envoyproxy.io/owning-gateway-namespace": `${ns}-default`,
      "gateway.envoyproxy.io/owning-gateway-name": "my-lb-gw",
    },
  }),
  obj("v1", "Service", {
    name: "envoy-other",
    namespace: "envoy-gateway-system",
    labels: { "gateway.envoyproxy.io/owning-gateway-namespace": "kube-bind-other-default" },
  }),
];

describe("revoke plan", () => {
  const plan = revokePlan({
    namespace: ns,
    consumer: "consumer",
    namespaces: [ns, `${ns}-default`],
    inside,
    clusterRoles,
    referenceGrants,
    envoyServices,
  });

  it("lists the namespaces first, then every object that goes with them, grouped by kind", () => {
    expect(plan.groups.map((g) => g.kind)).toEqual([
      "Namespace",
      "APIServiceExport",
      "APIServiceExportRequest",
      "ClusterBinding",
      "ClusterRole",
      "Gateway",
      "LoadBalancer",
      "ReferenceGrant",
      "Secret",
      "Service",
      "ServiceAccount",
    ]);
    expect(plan.groups[0].objects.map((o) => o.name)).toEqual([ns, `${ns}-default`]);
    expect(plan.total).toBe(12);
  });

  it("says why each object outside the namespaces goes, and leaves others' objects alone", () => {
    const by = (kind: string) => plan.groups.find((g) => g.kind === kind)?.objects ?? [];
    expect(by("ClusterRole")).toEqual([
      { namespace: undefined, name: `kube-binder-resources-${ns}-loadbalancer`, via: `owned by namespace ${ns}` },
    ]);
    expect(by("ReferenceGrant")).toEqual([
      {
        namespace: "default",
        name: `${ns}-default-my-lb-grant`,
        via: `kro's, for LoadBalancer ${ns}-default/my-lb`,
      },
    ]);
    expect(by("Service")).toEqual([
      {
        namespace: "envoy-gateway-system",
        name: "envoy-abc",
        via: `Envoy Gateway's proxy for Gateway ${ns}-default/my-lb-gw`,
      },
    ]);
    expect(plan.groups.flatMap((g) => g.objects).some((o) => o.name === "elsewhere")).toBe(false);
  });
});
