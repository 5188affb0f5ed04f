// GatewayClass, Gateway and HTTPRoute status as Envoy Gateway v1.9 writes it: translate.ts decides
// the conditions, this file adds what its status updater adds (addresses, Programmed, times and
// generations) and keeps other controllers' entries. Pure functions of the objects plus `now`;
// controller.ts decides when to write.
import { type ConditionSpec, cond, mergeConditions, stamp } from "./conditions";
import { CONTROLLER_NAME } from "./naming";
import { type Translation, translate, type World } from "./translate";
import type {
  Gateway,
  GatewayAddress,
  GatewayClass,
  HTTPRoute,
  ListenerStatus,
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

export interface ProxyState {
  /** From the proxy Service: status.loadBalancer.ingress, else spec.externalIPs. */
  addresses: GatewayAddress[];
  /** Stands in for the proxy Deployment's availableReplicas > 0: the emulated proxy is listening. */
  proxyReady: boolean;
  now: string;
}

/** Programmed needs an address and an available proxy (UpdateGatewayStatusProgrammedCondition). */
function programmed(addresses: GatewayAddress[], proxyReady: boolean): ConditionSpec {
  if (addresses.length === 0) {
    return cond("Programmed", "False", "AddressNotAssigned", "No addresses have been assigned to the Gateway");
  }
  if (addresses.length > 16) {
    const message = `Too many addresses (${addresses.length}) have been assigned to the Gateway; only the first 16 are included in the status.`;
    return cond("Programmed", "True", "Programmed", message);
  }
  if (proxyReady) {
    return cond("Programmed", "True", "Programmed", "Address assigned to the Gateway, 1/1 envoy replicas available");
  }
  return cond("Programmed", "False", "NoResources", "Envoy replicas unavailable");
}

/** The Gateway's status from a translation that includes it. */
export function gatewayStatusFrom(t: Translation, gw: Gateway, proxy: ProxyState): NonNullable<Gateway["status"]> {
  const gen = gw.metadata.generation;
  const g = t.gateways.get(gw);
  if (!g) throw new Error(`Gateway ${gw.metadata.namespace}/${gw.metadata.name} was not translated`);
  const listeners: ListenerStatus[] = g.listeners.map((v) => ({
    name: v.listener.name,
    supportedKinds: v.supportedKinds,
    attachedRoutes: g.attached.get(v.listener.name) ?? 0,
    conditions: stamp(v.conditions, gen, proxy.now),
  }));
  const ours = stamp([g.accepted, programmed(proxy.addresses, proxy.proxyReady)], gen, proxy.now);
  const status: NonNullable<Gateway["status"]> = {
    ...gw.status,
    conditions: mergeConditions(gw.status?.conditions, ours),
    listeners,
  };
  const addresses = proxy.addresses.slice(0, 16);
  if (addresses.length > 0) status.addresses = addresses;
  else delete status.addresses;
  return status;
}

/**
 * The route's `status.parents` with our entries rebuilt from a translation: one per parentRef that
 * names a translated Gateway. Other controllers' entries are kept. Undefined when nothing concerns us.
 */
export function routeParentsFrom(t: Translation, route: HTTPRoute, now: string): RouteParentStatus[] | undefined {
  const existing = route.status?.parents ?? [];
  const others = existing.filter((p) => p.controllerName !== CONTROLLER_NAME);
  const ours: RouteParentStatus[] = (t.routes.get(route) ?? []).map((p) => ({
    parentRef: p.parentRef,
    controllerName: CONTROLLER_NAME,
    conditions: stamp(p.conditions, route.metadata.generation, now),
  }));
  if (ours.length === 0 && existing.length === others.length) return undefined;
  return [...others, ...ours];
}

/** One Gateway's status, translating it with the routes that may attach to it. */
export function gatewayStatus(
  gw: Gateway,
  input: Pick<World, "routes" | "namespaces"> & ProxyState,
): NonNullable<Gateway["status"]> {
  const t = translate([gw], {
    routes: input.routes,
    namespaces: input.namespaces,
    grants: [],
    services: [],
    slices: [],
  });
  return gatewayStatusFrom(t, gw, input);
}

/** One route's parents, translating everything it may overlap with. */
export function httpRouteParents(
  route: HTTPRoute,
  gateways: Gateway[],
  world: World,
  now: string,
): RouteParentStatus[] | undefined {
  const routes = world.routes.includes(route) ? world.routes : [...world.routes, route];
  return routeParentsFrom(translate(gateways, { ...world, routes }), route, now);
}
