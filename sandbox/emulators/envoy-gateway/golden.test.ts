// Conformance of the emulator's status computation with Envoy Gateway v1.9.1's golden files: every
// in-scope case (golden.ts says which and why) is translated by the emulator, and its Gateway,
// listener and HTTPRoute conditions (type, status, reason, message) and proxy Service name, labels
// and ports must equal what Envoy Gateway computes. Conditions are compared by type, not by their
// order in the list. Needs Go and the module proxy (or the module in the Go module cache).
import { describe, expect, it } from "vitest";
import {
  acceptedFromListeners,
  type Cond,
  caseNames,
  conds,
  type GoldenDoc,
  goldenDir,
  goldenSnapshot,
  outOfScope,
  readInput,
  readOutput,
} from "./golden";
import { desiredService } from "./infra";
import { programmedPorts } from "./listeners";
import { CONTROLLER_NAME, envoyInfraName, proxyLabels } from "./naming";
import { gatewayStatusFrom, ourGateways, routeParentsFrom } from "./status";
import { translate } from "./translate";
import type { Gateway, HTTPRoute } from "./types";

const dir = await goldenDir();
const all = caseNames(dir);
const inScope = all.filter((name) => outOfScope(name, readInput(dir, name)).length === 0);

const key = (o: { metadata: { namespace?: string; name: string } }) => `${o.metadata.namespace}/${o.metadata.name}`;
const goldenList = (doc: GoldenDoc, k: string) =>
  (doc[k] ?? []) as {
    metadata: { namespace?: string; name: string };
    spec: { gatewayClassName?: string };
    status?: Record<string, unknown>;
  }[];

describe("Envoy Gateway v1.9.1 golden files", () => {
  it("selects the cases within what this product uses", () => {
    expect(all).toHaveLength(726);
    expect(inScope).toHaveLength(51);
    for (const named of [
      "httproute-with-backendref-in-other-namespace-allowed-by-refgrant",
      "httproute-with-invalid-backendref-in-other-namespace",
      "httproute-with-header-filter-invalid-header-values",
      "httproute-with-backendref-no-endpoints",
      "httproute-with-invalid-backend-ref-no-service",
      "gateway-with-two-listeners-with-same-port-and-hostname",
    ]) {
      expect(inScope).toContain(named);
    }
  });

  it.each(inScope)("%s", (name) => {
    const snap = goldenSnapshot(name, readInput(dir, name));
    const out = readOutput(dir, name);
    const gateways = ourGateways(snap);
    const t = translate(gateways, snap);
    const now = "2026-01-01T00:00:00Z";

    for (const golden of goldenList(out, "gateways")) {
      const gw = gateways.find((g) => key(g) === key(golden)) as Gateway;
      expect(gw, `Gateway ${key(golden)}`).toBeDefined();
      const status = gatewayStatusFrom(t, gw, { addresses: [], proxyReady: true, now });
      const listeners = (golden.status?.listeners ?? []) as { name: string; conditions?: Cond[] }[];
      expect(
        status.listeners?.map((l) => ({ ...l, conditions: conds(l.conditions) })),
        `listeners of Gateway ${key(golden)}`,
      ).toEqual(listeners.map((l) => ({ ...l, conditions: conds(l.conditions) })));
      const expected = conds([acceptedFromListeners(listeners), ...((golden.status?.conditions ?? []) as Cond[])]);
      const own = conds(status.conditions).filter((c) => c.type !== "Programmed");
      expect(own, `conditions of Gateway ${key(golden)}`).toEqual(expected);
    }

    for (const golden of goldenList(out, "httpRoutes")) {
      const route = snap.routes.find((r) => key(r) === key(golden)) as HTTPRoute;
      const want = (
        (golden.status?.parents ?? []) as { controllerName: string; parentRef: unknown; conditions: Cond[] }[]
      )
        .filter((p) => p.controllerName === CONTROLLER_NAME)
        .map((p) => ({ parentRef: p.parentRef, conditions: conds(p.conditions) }));
      const got = (routeParentsFrom(t, route, now) ?? []).map((p) => ({
        parentRef: p.parentRef,
        conditions: conds(p.conditions),
      }));
      expect(got, `parents of HTTPRoute ${key(golden)}`).toEqual(want);
    }

    // The proxy Service: Envoy Gateway's name, owning-gateway labels and one port per programmed listener port.
    const infra = (out.infraIR ?? {}) as Record<
      string,
      {
        proxy: {
          metadata: { labels: Record<string, string> };
          listeners?: { ports: { name: string; servicePort: number; containerPort: number }[] }[];
        };
      }
    >;
    const xds = (out.xdsIR ?? {}) as Record<
      string,
      { globalResources?: { proxyServiceCluster?: { metadata?: { name: string } } } }
    >;
    for (const [irKey, { proxy }] of Object.entries(infra)) {
      const gw = gateways.find((g) => key(g) === irKey) as Gateway;
      const [ns, gwName] = irKey.split("/");
      const svcName = xds[irKey]?.globalResources?.proxyServiceCluster?.metadata?.name;
      if (svcName) expect(envoyInfraName(ns, gwName)).toBe(svcName);
      expect(proxyLabels(ns, gwName)).toMatchObject(proxy.metadata.labels);
      const svc = desiredService(gw, snap.classes[0], { url: undefined }, programmedPorts(gw));
      expect(svc.spec?.ports?.map((p) => ({ name: p.name, port: p.port, targetPort: p.targetPort }))).toEqual(
        (proxy.listeners ?? [])
          .flatMap((l) => l.ports)
          .map((p) => ({ name: p.name, port: p.servicePort, targetPort: p.containerPort })),
      );
    }
  });
});
