// Pure tests of tenancy and per-object selection, on the recorded fixtures: two LoadBalancers of
// the same provider namespace (shop and nobackend were recorded side by side) share every stream,
// and each view must get exactly its own objects.

import { describe, expect, it } from "vitest";
import { pickTenant, tenantCandidates } from "../bind/tenancy";
import { APIS } from "../k8s/apis";
import type { KubeObject } from "../k8s/types";
import { streamId } from "../k8s/watch-types";
import { frame, recorded } from "../status/fixtures/load";
import { key } from "./resources";
import { matchEvents, type Need, selectProvider } from "./select";

const asObject = (o: unknown) => o as KubeObject;
/** the recorded binding's namespace, and its provider namespace for consumer namespace `default` */
const CLUSTER_NS = asObject(recorded.binding.clusterBinding).metadata.namespace ?? "";
const NS = `${CLUSTER_NS}-default`;

function streams(): Need {
  const shop = frame("healthy");
  const other = frame("backend-not-found");
  const contents = new Map<string, KubeObject[]>();
  const put = (k: ReturnType<typeof key>, ...objs: unknown[]) =>
    contents.set(streamId(k), [...(contents.get(streamId(k)) ?? []), ...objs.filter(Boolean).map(asObject)]);
  for (const f of [shop, other]) {
    put(key("provider", APIS.loadBalancers, NS), f.loadBalancer);
    put(key("provider", APIS.configMaps, NS), f.configMap);
    put(key("provider", APIS.gateways, NS), f.gateway);
    put(key("provider", APIS.httpRoutes, NS), f.httpRoute);
    put(key("provider", APIS.referenceGrants, "default"), f.referenceGrant);
    put(key("provider", APIS.services, "envoy-gateway-system"), f.envoyService);
  }
  put(key("provider", APIS.rgds), recorded.rgdInactive, shop.rgd);
  put(key("provider", APIS.clusterBindings, CLUSTER_NS), recorded.binding.clusterBinding);
  put(key("provider", APIS.namespaces), ...recorded.binding.namespaces);
  return (k) => contents.get(streamId(k)) ?? [];
}

describe("selection of one LoadBalancer's provider objects", () => {
  it("takes only the objects of this instance out of shared namespace streams", () => {
    const need = streams();
    const copy = need(key("provider", APIS.loadBalancers, NS), "portal").find((o) => o.metadata.name === "shop");
    const { provider } = selectProvider(need, { providerNamespace: NS, clusterNamespace: CLUSTER_NS }, copy, {
      events: false,
    });
    expect(provider.gateway?.metadata.name).toBe("shop-gw");
    expect(provider.httpRoute?.metadata.name).toBe("shop-route");
    // The sandbox RGD names each grant after the instance's namespace, so tenants never collide.
    expect(provider.referenceGrant?.metadata.name).toBe(`${NS}-shop-grant`);
    expect(provider.configMap?.metadata.name).toBe("shop-settings");
    expect(provider.envoyService?.metadata.labels?.["gateway.envoyproxy.io/owning-gateway-name"]).toBe("shop-gw");
    expect(provider.rgd?.metadata.name).toBe("loadbalancers");
    expect(provider.clusterBinding?.metadata.namespace).toBe(CLUSTER_NS);
  });

  it("selects nothing of kro's children before the copy exists", () => {
    const { provider } = selectProvider(streams(), { providerNamespace: NS }, undefined, {
      configMapName: "shop-settings",
      events: false,
    });
    expect(Object.keys(provider).sort()).toEqual(["configMap", "rgd"]);
  });

  it("matches Events by involvedObject uid, or kind and name", () => {
    const gw = asObject(frame("healthy").gateway);
    const ev = (involvedObject: object, message: string) =>
      asObject({
        kind: "Event",
        metadata: { name: message },
        involvedObject,
        message,
        lastTimestamp: "2026-01-01T00:00:00Z",
      });
    const events = matchEvents(
      "provider",
      [
        ev({ uid: gw.metadata.uid }, "by uid"),
        ev({ kind: "Gateway", name: "shop-gw", namespace: NS }, "by name"),
        ev({ kind: "Gateway", name: "nobackend-gw", namespace: NS }, "other"),
      ],
      [gw],
    );
    expect(events.map((e) => e.message).sort()).toEqual(["by name", "by uid"]);
  });
});

describe("tenancy", () => {
  const namespaces = recorded.binding.namespaces.map(asObject);
  // The identity the recorded binding is keyed by: the consumer cluster's, as the backend stored it.
  const uid = namespaces[0].metadata.annotations?.["backend.kube-bind.io/identity"] ?? "";
  const otherCluster = asObject({
    kind: "Namespace",
    metadata: { name: "kube-bind-other", annotations: { "backend.kube-bind.io/identity": "4d1c9a2e-other-cluster" } },
  });
  const otherDefault = asObject({
    kind: "Namespace",
    metadata: {
      name: "kube-bind-other-default",
      annotations: { "kube-bind.io/api-service-namespace": "kube-bind-other/default" },
    },
  });

  it("maps a consumer namespace to this cluster's provider namespace, never another cluster's", () => {
    const all = [...namespaces, otherCluster, otherDefault];
    expect(tenantCandidates(all, "default", uid)).toEqual([{ clusterNamespace: CLUSTER_NS, providerNamespace: NS }]);
    expect(tenantCandidates(all, "team-a", uid)).toEqual([
      { clusterNamespace: CLUSTER_NS, providerNamespace: `${CLUSTER_NS}-team-a` },
    ]);
    // Without this cluster's binding, another cluster's namespaces are still not candidates.
    expect(tenantCandidates([otherCluster, otherDefault], "default", uid)).toEqual([]);
  });

  it("tells user-keyed (v0.6) bindings apart by the copy's spec, and refuses to guess", () => {
    const a = { tenant: { clusterNamespace: "a", providerNamespace: "a-default" } };
    const b = { tenant: { clusterNamespace: "b", providerNamespace: "b-default" } };
    const spec = { domain: "x.example.com", targetPort: 80 };
    const copy = (s: object) => asObject({ metadata: { name: "x" }, spec: s });
    expect(pickTenant([a], spec)).toEqual(a.tenant);
    expect(
      pickTenant(
        [
          { ...a, copy: copy(spec) },
          { ...b, copy: copy({ ...spec, targetPort: 81 }) },
        ],
        spec,
      ),
    ).toEqual(a.tenant);
    expect(
      pickTenant(
        [
          { ...a, copy: copy(spec) },
          { ...b, copy: copy({ targetPort: 80, domain: "x.example.com" }) },
        ],
        spec,
      ),
    ).toBeUndefined();
    expect(pickTenant([a, b], spec)).toBeUndefined();
  });
});
