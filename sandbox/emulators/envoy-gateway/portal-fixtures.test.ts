// The portal's status model explains Envoy Gateway failures from fixtures (lib/status/fixtures/eg-*.json).
// Each fixture must say what Envoy Gateway says: every condition it carries (type, status, reason) occurs
// in the golden cases it names, and the emulator, which the golden files hold to Envoy Gateway's
// behaviour, computes exactly the fixture's conditions, messages included, from the fixture's objects.
import { describe, expect, it } from "vitest";
import { ENVOY_GATEWAY_FAILURES, envoyGatewayFailure } from "../../../lib/status/fixtures/envoy-gateway";
import { acceptedFromListeners, type Cond, conds, goldenDir, readOutput } from "./golden";
import { CONTROLLER_NAME } from "./naming";
import { gatewayStatusFrom, routeParentsFrom } from "./status";
import { translate } from "./translate";
import { EndpointSlice, Gateway, HTTPRoute, Namespace, ReferenceGrant, Service } from "./types";

const dir = await goldenDir();

type Status = {
  conditions?: Cond[];
  listeners?: { name: string; conditions?: Cond[] }[];
  parents?: { controllerName: string; conditions: Cond[] }[];
};

/** Where each condition sits, with its type, status and reason. Programmed comes from the status updater, not the golden files. */
function triples(gateway: Status | undefined, routes: (Status | undefined)[]): string[] {
  const out = new Set<string>();
  const add = (where: string, c: Cond) => out.add(`${where} ${c.type}=${c.status}/${c.reason}`);
  for (const c of gateway?.conditions ?? []) if (c.type !== "Programmed") add("Gateway", c);
  for (const l of gateway?.listeners ?? []) for (const c of l.conditions ?? []) add("listener", c);
  for (const r of routes) {
    for (const p of r?.parents ?? [])
      if (p.controllerName === CONTROLLER_NAME) for (const c of p.conditions) add("HTTPRoute", c);
  }
  return [...out];
}

describe("the status model's Envoy Gateway fixtures", () => {
  it("cover every failure the portal explains", () => {
    expect(ENVOY_GATEWAY_FAILURES).toEqual([
      "ref-not-permitted",
      "backend-not-found",
      "no-endpoints",
      "invalid-header",
      "listener-conflict",
    ]);
  });

  it.each(ENVOY_GATEWAY_FAILURES)("%s carries only conditions of its golden cases", (failure) => {
    const f = envoyGatewayFailure(failure);
    const golden = new Set<string>();
    for (const name of f.golden) {
      const out = readOutput(dir, name);
      for (const gw of (out.gateways ?? []) as { status?: Status }[]) {
        const listeners = gw.status?.listeners ?? [];
        const derived = {
          ...gw.status,
          conditions: [acceptedFromListeners(listeners), ...(gw.status?.conditions ?? [])],
        };
        for (const t of triples(derived, [])) golden.add(t);
      }
      for (const t of triples(
        undefined,
        ((out.httpRoutes ?? []) as { status?: Status }[]).map((r) => r.status),
      ))
        golden.add(t);
    }
    const mine = triples(f.gateway.status as Status, [f.httpRoute.status as Status]);
    expect(mine.length).toBeGreaterThan(0);
    for (const t of mine) expect([...golden], `${t} in ${f.golden.join(", ")}`).toContain(t);
  });

  it.each(ENVOY_GATEWAY_FAILURES)("%s is what the emulator computes for its objects", (failure) => {
    const f = envoyGatewayFailure(failure);
    const gw = Gateway.parse(f.gateway);
    const route = HTTPRoute.parse(f.httpRoute);
    const namespaces = [...new Set([gw.metadata.namespace, "default"])].map((name) =>
      Namespace.parse({ metadata: { name } }),
    );
    const t = translate([gw], {
      routes: [route],
      grants: f.referenceGrant ? [ReferenceGrant.parse(f.referenceGrant)] : [],
      services: [Service.parse(f.service)],
      slices: [EndpointSlice.parse(f.endpointSlice)],
      namespaces,
    });
    const recorded = f.gateway.status as Status & { addresses?: { type?: string; value: string }[] };
    const programmed = recorded.conditions?.find((c) => c.type === "Programmed");
    const status = gatewayStatusFrom(t, gw, {
      addresses: recorded.addresses ?? [],
      proxyReady: programmed?.status === "True",
      now: "2026-11-26T09:26:47Z",
    });
    expect(conds(status.conditions)).toEqual(conds(recorded.conditions));
    expect(status.listeners?.map((l) => [l.name, l.attachedRoutes, conds(l.conditions)])).toEqual(
      recorded.listeners?.map((l) => [l.name, (l as { attachedRoutes?: number }).attachedRoutes, conds(l.conditions)]),
    );
    const parents = routeParentsFrom(t, route, "2026-11-26T09:26:47Z")?.map((p) => conds(p.conditions));
    expect(parents).toEqual((f.httpRoute.status as Status).parents?.map((p) => conds(p.conditions)));
  });
});
