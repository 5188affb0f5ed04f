import { describe, expect, it } from "vitest";
import type { KubeObject } from "../k8s/types";
import { BINDING_NAMESPACE, bindingNamespace, CONSUMER_UID } from "./fixtures/backend";
import { tenantCandidates } from "./tenancy";

const ns = (o: unknown) => o as KubeObject;
const serviceNamespace = (binding: string, consumerNs: string) =>
  ns({
    apiVersion: "v1",
    kind: "Namespace",
    metadata: {
      name: `${binding}-${consumerNs}`,
      annotations: { "kube-bind.io/api-service-namespace": `${binding}/${consumerNs}` },
    },
  });

describe("tenancy with the backend's identity annotations", () => {
  const ours = ns(bindingNamespace("admin@example.com"));
  const otherCluster = ns(bindingNamespace("bob@example.com", "0e8d7c6b-other-cluster", "kube-bind-other"));
  const userKeyed = ns(bindingNamespace("alice@example.com", "user:alice@example.com", "kube-bind-v06"));
  const all = [
    ours,
    otherCluster,
    userKeyed,
    serviceNamespace(BINDING_NAMESPACE, "default"),
    serviceNamespace("kube-bind-other", "default"),
    serviceNamespace("kube-bind-v06", "default"),
  ];

  it("picks this cluster's binding by its raw identity", () => {
    expect(tenantCandidates(all, "default", CONSUMER_UID)).toEqual([
      { clusterNamespace: BINDING_NAMESPACE, providerNamespace: `${BINDING_NAMESPACE}-default` },
    ]);
  });

  it("falls back to user-keyed bindings only, never another cluster's", () => {
    expect(tenantCandidates(all, "default", "not-bound-cluster")).toEqual([
      { clusterNamespace: "kube-bind-v06", providerNamespace: "kube-bind-v06-default" },
    ]);
    expect(tenantCandidates(all, "default", undefined)).toEqual([
      { clusterNamespace: "kube-bind-v06", providerNamespace: "kube-bind-v06-default" },
    ]);
  });
});
