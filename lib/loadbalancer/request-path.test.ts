// The request-path diagram's nodes from the status model, against recorded objects
// (lib/status/fixtures): every hop done when Ready, the failing hop red when Envoy Gateway
// refuses, absent hops grey while kro has not made them.
import { describe, expect, it } from "vitest";
import { envoyGatewayFailure } from "@/lib/status/fixtures/envoy-gateway";
import { frame, frameWhere, inputFrom } from "@/lib/status/fixtures/load";
import { loadBalancerStatus } from "@/lib/status/model";
import type { StatusInput } from "@/lib/status/types";
import { type PathNode, requestPath } from "./request-path";

function pathOf(input: StatusInput): PathNode[] {
  const status = loadBalancerStatus(input);
  return requestPath({ status, spec: input.consumer.loadBalancer.spec, provider: input.provider });
}

const states = (nodes: PathNode[]) => Object.fromEntries(nodes.map((n) => [n.id, n.state]));

describe("requestPath", () => {
  it("a Ready LoadBalancer: every hop done, in request order, with the objects' names", () => {
    const nodes = pathOf(inputFrom(frame("healthy"), { withStatus: true, konnector: "running" }));
    expect(nodes.map((n) => n.id)).toEqual(["client", "envoy", "gateway", "route", "backend"]);
    expect(states(nodes)).toEqual({ client: "done", envoy: "done", gateway: "done", route: "done", backend: "done" });
    expect(nodes.find((n) => n.id === "gateway")?.name).toBe("shop-gw");
    expect(nodes.find((n) => n.id === "backend")?.name).toBe("default/backend:30080");
    expect(nodes[0].detail).toMatch(/^Requests for shop\.example\.com go to /);
  });

  it("a target Service that does not exist: the backend is the one failing hop, with the model's sentence", () => {
    const input = inputFrom(frame("backend-not-found"), { withStatus: true, konnector: "running" });
    const nodes = pathOf(input);
    expect(states(nodes)).toEqual({
      client: "done",
      envoy: "done",
      gateway: "done",
      route: "done",
      backend: "blocked",
    });
    const backend = nodes.find((n) => n.id === "backend");
    expect(backend?.detail).toContain("no-such-service does not exist in namespace default");
  });

  it("no ReferenceGrant (RefNotPermitted): the route is blocked, the backend not reached", () => {
    const f = envoyGatewayFailure("ref-not-permitted");
    const input = inputFrom(frame("healthy"), { withStatus: true });
    Object.assign(input.provider, { gateway: f.gateway, httpRoute: f.httpRoute, referenceGrant: f.referenceGrant });
    const nodes = pathOf(input);
    expect(states(nodes)).toMatchObject({ gateway: "done", route: "blocked", backend: "in-progress" });
    expect(nodes.find((n) => n.id === "route")?.detail).toContain("no ReferenceGrant");
  });

  it("before kro made the Gateway: the Gateway, route and proxy are absent (grey), not failed", () => {
    const early = frameWhere("healthy", "the copy exists but no Gateway yet", (f) => !!f.loadBalancer && !f.gateway);
    const nodes = pathOf(inputFrom(early, { konnector: "running" }));
    expect(states(nodes)).toEqual({
      client: "absent",
      envoy: "absent",
      gateway: "absent",
      route: "absent",
      backend: "absent",
    });
  });

  it("objects it cannot read as Kubernetes objects count as unready, never as a crash", () => {
    const nodes = requestPath({ spec: { domain: 42 }, provider: { gateway: { status: "odd" }, httpRoute: [] } });
    expect(states(nodes)).toMatchObject({ gateway: "in-progress", route: "in-progress", backend: "absent" });
  });
});

describe("requestPath: a copy the provider's policy refuses", () => {
  const policy = { sharedTargets: [{ namespace: "default", service: "backend" }] };
  const refused = (spec: Record<string, unknown>): PathNode[] => {
    const input = inputFrom(frame("healthy"), { drop: ["loadBalancer", "configMap", "gateway", "httpRoute"] });
    const lb = input.consumer.loadBalancer as { spec: Record<string, unknown> };
    lb.spec = { ...lb.spec, ...spec };
    return pathOf({ ...input, policy });
  };

  it("a target namespace that does not exist: the backend fails with the policy's words; nothing else is red", () => {
    const nodes = refused({ targetServiceNamespace: "no-such-namespace" });
    const red = nodes.filter((n) => n.state === "failed" || n.state === "blocked");
    expect(red.map((n) => n.id)).toEqual(["backend"]);
    expect(red[0]).toMatchObject({ state: "failed", name: "no-such-namespace/backend:30080" });
    expect(red[0].detail).toContain("target Service namespace no-such-namespace (Service backend)");
    expect(red[0].detail).toContain("set spec.targetServiceNamespace");
  });

  it("a bad domain: the client's side fails, the backend does not", () => {
    const nodes = refused({ domain: "Bad_Host" });
    expect(states(nodes)).toMatchObject({ client: "failed", backend: "absent" });
    expect(nodes[0].detail).toContain("spec.domain must be a DNS host name");
  });
});
