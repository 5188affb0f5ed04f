import { describe, expect, it } from "vitest";
import { findCondition } from "../../../lib/k8s/condition";
import { equalIgnoringTimes } from "./conditions";
import { loadSnapshot, loadYaml } from "./fixtures/load";
import { CONTROLLER_NAME } from "./naming";
import { gatewayClassStatus, gatewayStatus, httpRouteParents, ourGateways } from "./status";
import type { Gateway, HTTPRoute, Snapshot } from "./types";

const NOW = "2026-09-01T10:00:00Z";
const fresh = () => loadSnapshot("shop.yaml");
/** A condition as the emulator writes it at NOW for generation 1. */
const cond = (type: string, reason: string, message: string, status = "True") => ({
  type,
  status,
  reason,
  message,
  observedGeneration: 1,
  lastTransitionTime: NOW,
});
const gwOf = (s: Snapshot) => s.gateways[0] as Gateway;
const routeOf = (s: Snapshot) => s.routes[0] as HTTPRoute;
/** The shop Gateway's status with an address assigned and the proxy serving or not. */
const addressed = (proxyReady: boolean) => {
  const s = fresh();
  return gatewayStatus(gwOf(s), { ...s, addresses: [{ type: "IPAddress", value: "127.0.1.1" }], proxyReady, now: NOW });
};
const parentConds = (s: Snapshot, route = routeOf(s)) => {
  const parents = httpRouteParents(route, ourGateways(s), s, NOW) ?? [];
  return parents.find((p) => p.controllerName === CONTROLLER_NAME)?.conditions ?? [];
};

describe("GatewayClass status", () => {
  it("replaces the CRD default with Accepted=True", () => {
    const s = fresh();
    const status = gatewayClassStatus(s.classes[0], NOW);
    expect(status.conditions).toEqual([cond("Accepted", "Accepted", "Valid GatewayClass")]);
  });

  it("ignores Gateways of classes handled by another controller", () => {
    const s = fresh();
    s.classes[0].spec.controllerName = "example.com/other";
    expect(ourGateways(s)).toEqual([]);
  });
});

describe("Gateway status", () => {
  it("is Accepted but AddressNotAssigned while the proxy Service has no ingress", () => {
    const s = fresh();
    const status = gatewayStatus(gwOf(s), { ...s, addresses: [], proxyReady: true, now: NOW });
    expect(findCondition(status.conditions, "Accepted")).toMatchObject({ status: "True", reason: "Accepted" });
    expect(findCondition(status.conditions, "Programmed")).toMatchObject({
      status: "False",
      reason: "AddressNotAssigned",
      message: "No addresses have been assigned to the Gateway",
    });
    expect(status.addresses).toBeUndefined();
    expect(status.listeners?.[0].attachedRoutes).toBe(1);
  });

  it("matches the recorded Programmed status once an address is assigned", () => {
    expect(addressed(true)).toEqual(loadYaml("shop-gateway-programmed.status.yaml"));
  });

  it("reports NoResources when the proxy is not serving", () => {
    const status = addressed(false);
    expect(findCondition(status.conditions, "Programmed")).toMatchObject({ status: "False", reason: "NoResources" });
  });

  it("keeps other controllers' condition types and counts only accepted routes", () => {
    const s = fresh();
    const gw = gwOf(s);
    gw.status?.conditions?.push({
      type: "example.com/Custom",
      status: "True",
      reason: "X",
      message: "",
      lastTransitionTime: NOW,
    });
    routeOf(s).spec.hostnames = ["other.example.org"];
    const status = gatewayStatus(gw, { ...s, addresses: [], proxyReady: true, now: NOW });
    expect(status.conditions?.map((c) => c.type)).toEqual(["Accepted", "Programmed", "example.com/Custom"]);
    expect(status.listeners?.[0].attachedRoutes).toBe(0);
  });

  it("marks non-HTTP listeners invalid", () => {
    const s = fresh();
    const gw = gwOf(s);
    gw.spec.listeners.push({ name: "tls", protocol: "TLS", port: 443 });
    const status = gatewayStatus(gw, { ...s, addresses: [], proxyReady: true, now: NOW });
    expect(findCondition(status.conditions, "Accepted")).toMatchObject({
      status: "True",
      reason: "ListenersNotValid",
      message: "Listeners not valid: tls",
    });
    expect(findCondition(status.listeners?.[1].conditions, "Accepted")?.reason).toBe("UnsupportedProtocol");
  });
});

describe("HTTPRoute status", () => {
  it("is Accepted and ResolvedRefs with the grant in the target namespace", () => {
    const s = fresh();
    const parents = httpRouteParents(routeOf(s), ourGateways(s), s, NOW);
    expect(parents).toEqual([
      {
        parentRef: { group: "gateway.networking.k8s.io", kind: "Gateway", name: "shop-gw" },
        controllerName: CONTROLLER_NAME,
        conditions: [
          cond("Accepted", "Accepted", "Route is accepted"),
          cond("ResolvedRefs", "ResolvedRefs", "Resolved all the Object references for the Route"),
        ],
      },
    ]);
  });

  it("reports RefNotPermitted without a grant (Accepted stays True)", () => {
    const s = fresh();
    s.grants = [];
    const conds = parentConds(s);
    expect(findCondition(conds, "Accepted")?.status).toBe("True");
    expect(findCondition(conds, "ResolvedRefs")).toMatchObject({
      status: "False",
      reason: "RefNotPermitted",
      message:
        "Failed to process route rule 0 backendRef 0: Backend ref to Service backend/web not permitted by any ReferenceGrant.",
    });
  });

  it("reports RefNotPermitted when the grant is for another namespace or Service", () => {
    const s = fresh();
    s.grants[0].spec.from[0].namespace = "team-b";
    expect(findCondition(parentConds(s), "ResolvedRefs")?.reason).toBe("RefNotPermitted");
    const t = fresh();
    t.grants[0].spec.to[0].name = "db";
    expect(findCondition(parentConds(t), "ResolvedRefs")?.reason).toBe("RefNotPermitted");
    const u = fresh();
    u.grants[0].spec.to[0].name = "web";
    expect(findCondition(parentConds(u), "ResolvedRefs")?.status).toBe("True");
  });

  it("reports BackendNotFound for a missing Service, PortNotFound for a missing port", () => {
    const s = fresh();
    s.services = [];
    expect(findCondition(parentConds(s), "ResolvedRefs")).toMatchObject({
      reason: "BackendNotFound",
      message: "Failed to process route rule 0 backendRef 0: service backend/web not found.",
    });
    const t = fresh();
    const rule = routeOf(t).spec.rules?.[0];
    if (rule?.backendRefs?.[0]) rule.backendRefs[0].port = 9999;
    expect(findCondition(parentConds(t), "ResolvedRefs")).toMatchObject({
      reason: "PortNotFound",
      message: "Failed to process route rule 0 backendRef 0: TCP Port 9999 not found on Service backend/web.",
    });
  });

  it("rejects a hostname that does not intersect the listener", () => {
    const s = fresh();
    routeOf(s).spec.hostnames = ["other.example.org"];
    expect(findCondition(parentConds(s), "Accepted")).toMatchObject({
      status: "False",
      reason: "NoMatchingListenerHostname",
    });
  });

  it("rejects routes from other namespaces unless the listener allows them", () => {
    const s = fresh();
    const route = routeOf(s);
    route.metadata.namespace = "backend";
    route.spec.parentRefs = [{ name: "shop-gw", namespace: "team-a" }];
    expect(findCondition(parentConds(s, route), "Accepted")?.reason).toBe("NotAllowedByListeners");
    const listener = gwOf(s).spec.listeners[0];
    listener.allowedRoutes = {
      namespaces: { from: "Selector", selector: { matchLabels: { "kubernetes.io/metadata.name": "backend" } } },
    };
    expect(findCondition(parentConds(s, route), "Accepted")?.status).toBe("True");
  });

  it("reports NoMatchingParent for an unknown sectionName", () => {
    const s = fresh();
    routeOf(s).spec.parentRefs = [{ name: "shop-gw", sectionName: "https" }];
    expect(findCondition(parentConds(s), "Accepted")?.reason).toBe("NoMatchingParent");
  });

  it("keeps other controllers' parents and writes nothing for foreign Gateways", () => {
    const s = fresh();
    const route = routeOf(s);
    const foreign = { parentRef: { name: "x" }, controllerName: "example.com/other", conditions: [] };
    route.status = { parents: [foreign] };
    expect(httpRouteParents(route, ourGateways(s), s, NOW)?.[0]).toEqual(foreign);
    s.classes[0].spec.controllerName = "example.com/other";
    expect(httpRouteParents(route, ourGateways(s), s, NOW)).toBeUndefined();
  });

  it("compares statuses without timestamps", () => {
    const s = fresh();
    const a = httpRouteParents(routeOf(s), ourGateways(s), s, NOW);
    const b = httpRouteParents(routeOf(s), ourGateways(s), s, "2030-01-01T00:00:00Z");
    expect(equalIgnoringTimes(a, b)).toBe(true);
    s.grants = [];
    expect(equalIgnoringTimes(a, httpRouteParents(routeOf(s), ourGateways(s), s, NOW))).toBe(false);
  });
});

describe("recorded from the sandbox (kro LoadBalancer shop)", () => {
  // Objects as the live emulator left them; recomputing from the spec must give the same status.
  const recorded = loadSnapshot("kro-shop.recorded.yaml");
  const gw = recorded.gateways[0] as Gateway;
  const route = recorded.routes[0] as HTTPRoute;
  const stripped = (): Snapshot => ({
    ...recorded,
    gateways: [{ ...gw, status: undefined }],
    routes: [{ ...route, status: undefined }],
  });

  it("reproduces the Gateway status", () => {
    const s = stripped();
    const status = gatewayStatus(gwOf(s), {
      ...s,
      addresses: gw.status?.addresses ?? [],
      proxyReady: true,
      now: NOW,
    });
    expect(equalIgnoringTimes(status, gw.status)).toBe(true);
  });

  it("reproduces the HTTPRoute parents", () => {
    const s = stripped();
    const parents = httpRouteParents(routeOf(s), ourGateways(s), s, NOW);
    expect(equalIgnoringTimes(parents, route.status?.parents)).toBe(true);
  });
});
