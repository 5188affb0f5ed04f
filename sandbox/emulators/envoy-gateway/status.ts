// GatewayClass, Gateway and HTTPRoute status as Envoy Gateway v1.9 writes it (reference §5, §6.3,
// §6.4, §8.2). Pure functions of the objects plus `now`; controller.ts decides when to write.
import { type ConditionSpec, cond, mergeConditions, stamp } from "./conditions";
import { acceptedListeners, attachRoute, GATEWAY_GROUP, isHttpListener, refersToGateway } from "./matching";
import { CONTROLLER_NAME } from "./naming";
import { firstUnresolvedRef } from "./references";
import type {
  Gateway,
  GatewayAddress,
  GatewayClass,
  HTTPRoute,
  Listener,
  ListenerStatus,
  ParentRef,
  RouteParentStatus,
  Snapshot,
} from "./types";

export const isOurClass = (gc: GatewayClass) =>
  gc.spec.controllerName === CONTROLLER_NAME && !gc.metadata.deletionTimestamp;

export function gatewayClassStatus(gc: GatewayClass, now: string): NonNullable<GatewayClass["status"]> {
  const ours = stamp([cond("Accepted", "True", "Accepted", "Valid GatewayClass")], gc.metadata.generation, now);
  return { ...gc.status, conditions: mergeConditions(gc.status?.conditions, ours) };
}

/** Gateways Envoy Gateway is responsible for: their class exists and names our controller. */
export function ourGateways(snap: Pick<Snapshot, "classes" | "gateways">): Gateway[] {
  const classes = new Set(snap.classes.filter(isOurClass).map((c) => c.metadata.name));
  return snap.gateways.filter((g) => classes.has(g.spec.gatewayClassName) && !g.metadata.deletionTimestamp);
}

function listenerConditions(l: Listener): ConditionSpec[] {
  if (!isHttpListener(l)) {
    return [
      cond("Programmed", "False", "Invalid", "Listener is invalid, see other Conditions for details."),
      cond(
        "Accepted",
        "False",
        "UnsupportedProtocol",
        `Protocol ${l.protocol} is not supported by the sandbox emulator.`,
      ),
      cond("ResolvedRefs", "True", "ResolvedRefs", "Listener references have been resolved"),
    ];
  }
  return [
    cond("Programmed", "True", "Programmed", "Sending translated listener configuration to the data plane"),
    cond("Accepted", "True", "Accepted", "Listener has been successfully translated"),
    cond("ResolvedRefs", "True", "ResolvedRefs", "Listener references have been resolved"),
  ];
}

function supportedKinds(l: Listener): ListenerStatus["supportedKinds"] {
  if (l.protocol !== "HTTP" && l.protocol !== "HTTPS") return [];
  const all = ["HTTPRoute", "GRPCRoute"];
  const wanted = l.allowedRoutes?.kinds?.filter((k) => (k.group ?? GATEWAY_GROUP) === GATEWAY_GROUP).map((k) => k.kind);
  return (wanted ?? all).filter((k) => all.includes(k)).map((kind) => ({ group: GATEWAY_GROUP, kind }));
}

export interface GatewayStatusInput {
  routes: HTTPRoute[];
  namespaces: Snapshot["namespaces"];
  /** From the proxy Service's status.loadBalancer.ingress (reference §6.3). */
  addresses: GatewayAddress[];
  /** Stands in for Deployment availableReplicas > 0: the emulated proxy is listening. */
  proxyReady: boolean;
  now: string;
}

export function gatewayStatus(gw: Gateway, input: GatewayStatusInput): NonNullable<Gateway["status"]> {
  const gen = gw.metadata.generation;
  const attached = new Map<string, number>();
  for (const route of input.routes) {
    if (route.metadata.deletionTimestamp) continue;
    for (const l of acceptedListeners(route, gw, input.namespaces))
      attached.set(l.name, (attached.get(l.name) ?? 0) + 1);
  }
  const listeners: ListenerStatus[] = gw.spec.listeners.map((l) => ({
    name: l.name,
    supportedKinds: supportedKinds(l),
    attachedRoutes: attached.get(l.name) ?? 0,
    conditions: stamp(listenerConditions(l), gen, input.now),
  }));

  const invalid = gw.spec.listeners.filter((l) => !isHttpListener(l)).map((l) => l.name);
  let accepted: ConditionSpec;
  if (invalid.length === 0) {
    accepted = cond("Accepted", "True", "Accepted", "The Gateway has been scheduled by Envoy Gateway");
  } else if (invalid.length < gw.spec.listeners.length) {
    accepted = cond("Accepted", "True", "ListenersNotValid", `Listeners not valid: ${invalid.join(", ")}`);
  } else {
    accepted = cond("Accepted", "False", "ListenersNotValid", `No listeners are valid: ${invalid.join(", ")}`);
  }

  const addresses = input.addresses.slice(0, 16);
  let programmed: ConditionSpec;
  if (addresses.length === 0) {
    programmed = cond("Programmed", "False", "AddressNotAssigned", "No addresses have been assigned to the Gateway");
  } else if (input.proxyReady) {
    programmed = cond(
      "Programmed",
      "True",
      "Programmed",
      "Address assigned to the Gateway, 1/1 envoy replicas available",
    );
  } else {
    programmed = cond("Programmed", "False", "NoResources", "Envoy replicas unavailable");
  }

  const status: NonNullable<Gateway["status"]> = {
    ...gw.status,
    conditions: mergeConditions(gw.status?.conditions, stamp([accepted, programmed], gen, input.now)),
    listeners,
  };
  if (addresses.length > 0) status.addresses = addresses;
  else delete status.addresses;
  return status;
}

const sameParentRef = (a: ParentRef, b: ParentRef) =>
  (a.group ?? GATEWAY_GROUP) === (b.group ?? GATEWAY_GROUP) &&
  (a.kind ?? "Gateway") === (b.kind ?? "Gateway") &&
  a.namespace === b.namespace &&
  a.name === b.name &&
  a.sectionName === b.sectionName &&
  a.port === b.port;

/**
 * The route's `status.parents` with our entries rebuilt: one per parentRef that names one of
 * `gateways` (ours). Other controllers' entries are kept. Undefined when nothing concerns us.
 */
export function httpRouteParents(
  route: HTTPRoute,
  gateways: Gateway[],
  snap: Pick<Snapshot, "grants" | "services" | "namespaces">,
  now: string,
): RouteParentStatus[] | undefined {
  const routeNs = route.metadata.namespace ?? "";
  const existing = route.status?.parents ?? [];
  const others = existing.filter((p) => p.controllerName !== CONTROLLER_NAME);
  const gen = route.metadata.generation;
  const unresolved = firstUnresolvedRef(route, snap);
  const resolved = unresolved
    ? cond("ResolvedRefs", "False", unresolved.reason, unresolved.message)
    : cond("ResolvedRefs", "True", "ResolvedRefs", "Resolved all the Object references for the Route");

  const ours: RouteParentStatus[] = [];
  for (const ref of route.spec.parentRefs ?? []) {
    const gw = gateways.find((g) => refersToGateway(ref, routeNs, g));
    if (!gw || ours.some((p) => sameParentRef(p.parentRef, ref))) continue;
    const a = attachRoute(route, ref, gw, snap.namespaces);
    const accepted = a.accepted
      ? cond("Accepted", "True", "Accepted", "Route is accepted")
      : cond("Accepted", "False", a.reason, a.message);
    // Our entries are rebuilt from scratch each time, as Envoy Gateway resets them per translation.
    ours.push({
      parentRef: { group: GATEWAY_GROUP, kind: "Gateway", ...ref },
      controllerName: CONTROLLER_NAME,
      conditions: stamp([accepted, resolved], gen, now),
    });
  }
  const hadOurs = existing.length !== others.length;
  if (ours.length === 0 && !hadOurs) return undefined;
  return [...others, ...ours];
}
