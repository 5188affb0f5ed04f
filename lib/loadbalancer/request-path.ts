// The request path of one LoadBalancer as a diagram's nodes: client → Envoy proxy Service →
// Gateway → HTTPRoute → backend Service, each with a state and one plain sentence. Pure: the
// status model (lib/status) has already judged the stages; this places its verdicts on the path
// and reads only what it needs of the provider's objects (parsed, never trusted).
import { z } from "zod";
import type { LoadBalancerStatus, Stage, StageReason } from "@/lib/status";
import { Condition } from "../k8s/condition";
import { LoadBalancerSpec } from "../k8s/models/kro";
import { Meta } from "../k8s/models/meta";
import { domainProblem } from "./policy";

/** `blocked` and `failed` both stop traffic; `absent`: the object does not exist (yet). */
export type PathNodeState = "done" | "in-progress" | "blocked" | "failed" | "absent";

export type PathNodeId = "client" | "envoy" | "gateway" | "route" | "backend";

export interface PathNode {
  id: PathNodeId;
  /** what the node is, e.g. "Gateway" */
  kind: string;
  /** the object's name, or what stands for it (the domain, the target Service) */
  name?: string;
  state: PathNodeState;
  /** one sentence: what this hop does, or what stops it */
  detail: string;
}

export interface RequestPathInput {
  status?: LoadBalancerStatus;
  spec?: unknown;
  provider: { envoyService?: unknown; gateway?: unknown; httpRoute?: unknown };
}

const Named = z.object({ metadata: Meta.pick({ name: true, namespace: true }) });
const GatewayStatus = z.object({
  status: z.object({ conditions: z.array(Condition).catch([]) }).catch({ conditions: [] }),
});
const RouteStatus = z.object({
  status: z
    .object({ parents: z.array(z.object({ conditions: z.array(Condition).catch([]) })).catch([]) })
    .catch({ parents: [] }),
});
const ServiceStatus = z.object({
  status: z
    .object({
      loadBalancer: z
        .object({
          ingress: z.array(z.object({ ip: z.string().optional(), hostname: z.string().optional() })).catch([]),
        })
        .catch({ ingress: [] }),
    })
    .catch({ loadBalancer: { ingress: [] } }),
});

/** Which node each routing/address reason is about (the others concern no single hop). */
const NODE_OF: Partial<Record<StageReason, PathNodeId>> = {
  GatewayRejected: "gateway",
  GatewayNotAccepted: "gateway",
  RouteNoStatus: "route",
  RouteNotAccepted: "route",
  RefNotPermitted: "route",
  RefsNotResolved: "route",
  BackendNotFound: "backend",
  EnvoyUnavailable: "envoy",
  EnvoyServiceMissing: "envoy",
  NoAddress: "envoy",
};

const isTrue = (conditions: { type: string; status: string }[], type: string) =>
  conditions.some((c) => c.type === type && c.status === "True");

const nameOf = (o: unknown) => Named.safeParse(o).data?.metadata.name;

/**
 * Which hop a blocked or failed stage is about. A copy the provider's policy refuses is about its
 * domain (the client's side) or else its target (the backend): the only two rules it applies.
 */
function nodeOf(stage: Stage, domain: string | undefined): PathNodeId | undefined {
  if (!stage.reason) return undefined;
  if (stage.reason === "PolicyRefused" && stage.id === "synced")
    return domain !== undefined && domainProblem(domain) ? "client" : "backend";
  return NODE_OF[stage.reason];
}

/** The stage whose blocked or failed verdict is about `id`, if any. */
function verdictFor(stages: Stage[], id: PathNodeId, domain: string | undefined): Stage | undefined {
  return stages.find((s) => (s.state === "blocked" || s.state === "failed") && nodeOf(s, domain) === id);
}

export function requestPath({ status, spec, provider }: RequestPathInput): PathNode[] {
  const stages = status?.stages ?? [];
  const s = LoadBalancerSpec.safeParse(spec ?? {}).data ?? {};
  const gw = provider.gateway ? GatewayStatus.safeParse(provider.gateway).data : undefined;
  const route = provider.httpRoute ? RouteStatus.safeParse(provider.httpRoute).data : undefined;
  const svc = provider.envoyService ? ServiceStatus.safeParse(provider.envoyService).data : undefined;
  const routeConditions = route?.status.parents.flatMap((p) => p.conditions) ?? [];
  const ingress = svc?.status.loadBalancer.ingress.map((i) => i.ip ?? i.hostname).filter(Boolean) ?? [];

  /** A node of an object: absent without it, the stage's verdict if it is about it, else ok/waiting. */
  const node = (
    id: PathNodeId,
    base: Omit<PathNode, "id" | "state" | "detail">,
    present: boolean,
    ok: boolean,
    text: { absent: string; done: string; waiting: string },
  ): PathNode => {
    const verdict = verdictFor(stages, id, s.domain);
    if (verdict) return { id, ...base, state: verdict.state as "blocked" | "failed", detail: verdict.message };
    if (!present) return { id, ...base, state: "absent", detail: text.absent };
    return { id, ...base, state: ok ? "done" : "in-progress", detail: ok ? text.done : text.waiting };
  };

  const address = status?.address;
  const backendName = s.targetService
    ? `${s.targetServiceNamespace ?? "?"}/${s.targetService}${s.targetPort ? `:${s.targetPort}` : ""}`
    : undefined;
  const refused = verdictFor(stages, "client", s.domain);
  const client: PathNode = refused
    ? { id: "client", kind: "Client", name: s.domain, state: refused.state as "failed", detail: refused.message }
    : {
        id: "client",
        kind: "Client",
        name: s.domain,
        state: address ? "done" : "absent",
        detail: address
          ? `Requests for ${s.domain ?? "the domain"} go to ${address}.`
          : "There is no address to send requests to yet.",
      };
  return [
    client,
    node(
      "envoy",
      { kind: "Envoy proxy Service", name: nameOf(provider.envoyService) },
      Boolean(provider.envoyService),
      ingress.length > 0,
      {
        absent: "Envoy Gateway has not created the proxy Service yet.",
        done: `Listens on ${ingress.join(", ")}.`,
        waiting: "Waiting for an external address.",
      },
    ),
    node(
      "gateway",
      { kind: "Gateway", name: nameOf(provider.gateway) },
      Boolean(provider.gateway),
      Boolean(gw && isTrue(gw.status.conditions, "Accepted") && isTrue(gw.status.conditions, "Programmed")),
      {
        absent: "kro has not created the Gateway yet.",
        done: "Accepted and programmed by Envoy Gateway.",
        waiting: "Waiting for Envoy Gateway to accept and program it.",
      },
    ),
    node(
      "route",
      { kind: "HTTPRoute", name: nameOf(provider.httpRoute) },
      Boolean(provider.httpRoute),
      isTrue(routeConditions, "Accepted"),
      {
        absent: "kro has not created the HTTPRoute yet.",
        done: "Accepted by the Gateway; adds the X-Custom-Message header.",
        waiting: "Waiting for the Gateway to accept it.",
      },
    ),
    node(
      "backend",
      { kind: "Backend Service", name: backendName },
      routeConditions.length > 0,
      isTrue(routeConditions, "ResolvedRefs"),
      {
        absent: "Not checked yet: no route points at it so far.",
        done: "Found by the route; requests reach it.",
        waiting: "Waiting for the route to resolve it.",
      },
    ),
  ];
}
