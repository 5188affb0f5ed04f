// What the status model says for each Envoy Gateway failure, with the provider's Gateway and
// HTTPRoute as Envoy Gateway reports them (fixtures/eg-*.json, taken from its golden files): what
// blocks, and which field to fix.
import { describe, expect, it } from "vitest";
import { type EnvoyGatewayFailure, envoyGatewayFailure } from "./fixtures/envoy-gateway";
import { frame, inputFrom } from "./fixtures/load";
import { loadBalancerStatus } from "./model";
import type { LoadBalancerStatus, Stage } from "./types";

function routingWith(failure: EnvoyGatewayFailure) {
  const f = envoyGatewayFailure(failure);
  const input = inputFrom(frame("healthy"), { withStatus: true });
  input.provider.gateway = f.gateway;
  input.provider.httpRoute = f.httpRoute;
  input.provider.referenceGrant = f.referenceGrant;
  const status = loadBalancerStatus(input);
  return { status, routing: status.stages.find((s) => s.id === "routing") as Stage };
}

describe("status model: Envoy Gateway failures, in plain language", () => {
  const cases: {
    title: string;
    failure: EnvoyGatewayFailure;
    routing: Partial<Stage>;
    /** what else the status says besides the routing stage */
    also?: (status: LoadBalancerStatus, routing: Stage) => void;
  }[] = [
    {
      title: "missing ReferenceGrant (RefNotPermitted): names the Service, the namespaces and who creates the grant",
      failure: "ref-not-permitted",
      routing: {
        state: "blocked",
        reason: "RefNotPermitted",
        message:
          "The route may not use Service default/backend because no ReferenceGrant in namespace default allows routes from kube-bind-fx7k2p-default; kro creates one per load balancer, so ask the platform team if it is missing.",
      },
      also: (status) => expect(status.ready).toBe(false),
    },
    {
      title: "Service not found (BackendNotFound): says to create it or fix spec.targetService",
      failure: "backend-not-found",
      routing: {
        state: "blocked",
        reason: "BackendNotFound",
        message:
          "Service no-such-service does not exist in namespace default on the provider; create it there or set spec.targetService to an existing Service.",
      },
      also: (status) => expect(status.current).toBe("routing"),
    },
    {
      title: "no endpoints (BackendsAvailable=False): accepted and resolved, yet blocked, with the 503 explained",
      failure: "no-endpoints",
      routing: {
        state: "blocked",
        reason: "BackendNotFound",
        message:
          "Service backend in namespace default has no endpoints (no pods behind it), so the proxy answers 503; start the pods behind it or set spec.targetService to a Service that has them.",
      },
      also: (status, routing) =>
        expect(status).toMatchObject({ current: "routing", ready: false, summary: routing.message }),
    },
    {
      title: "invalid header value (Accepted=False/UnsupportedValue): points at the ConfigMap's custom-header key",
      failure: "invalid-header",
      routing: {
        state: "blocked",
        reason: "RouteNotAccepted",
        message:
          "Envoy Gateway rejected HTTPRoute shop-route because the header value from the custom-header key of ConfigMap shop-settings is not a valid HTTP header value (a line break, a control character, or a space at either end), so requests get 500; fix the value (kubectl -n default edit configmap shop-settings).",
      },
    },
    {
      title: "listener conflict (Conflicted=True/HostnameConflict): names the listeners and the hostname field",
      failure: "listener-conflict",
      routing: {
        state: "failed",
        reason: "GatewayRejected",
        message:
          "Gateway shop-gw has listeners on the same port with the same hostname (http-1, http-2), so Envoy Gateway serves none of them; each listener on a port needs its own spec.listeners[].hostname, which the platform team sets in the LoadBalancer ResourceGraphDefinition.",
      },
      also: (status) => expect(status.stages.find((s) => s.id === "address")).toMatchObject({ state: "pending" }),
    },
  ];
  for (const c of cases)
    it(c.title, () => {
      const { routing, status } = routingWith(c.failure);
      expect(routing).toMatchObject(c.routing);
      c.also?.(status, routing);
    });

  it("a port the Service does not have (PortNotFound): says to fix spec.targetPort", () => {
    const f = envoyGatewayFailure("backend-not-found");
    const parent = (f.httpRoute.status as { parents: { conditions: Record<string, string>[] }[] }).parents[0];
    const resolved = parent.conditions.find((c) => c.type === "ResolvedRefs") as Record<string, string>;
    Object.assign(resolved, {
      reason: "PortNotFound",
      message: "Failed to process route rule 0 backendRef 0: TCP Port 30080 not found on Service default/backend.",
    });
    const input = inputFrom(frame("healthy"), { withStatus: true });
    input.provider.gateway = f.gateway;
    input.provider.httpRoute = f.httpRoute;
    const routing = loadBalancerStatus(input).stages.find((s) => s.id === "routing");
    expect(routing).toMatchObject({
      state: "blocked",
      reason: "RefsNotResolved",
      message:
        "Service no-such-service in namespace default has no TCP port 30080; set spec.targetPort to a port the Service exposes.",
    });
  });
});
