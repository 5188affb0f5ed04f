// One translation pass over plain objects, as Envoy Gateway v1.9's Gateway API translator computes
// statuses: per Gateway the listener verdicts, attached-route counts and the derived Accepted
// condition; per HTTPRoute one parent entry per parentRef to one of the Gateways, with Accepted,
// ResolvedRefs, BackendsAvailable, PartiallyInvalid and RouteRulesOverlap. Pure: no API server,
// no clock (status.ts stamps times), so the golden-file test feeds Envoy Gateway's inputs to it.
import { type ConditionSpec, Conditions, cond, conditionMessage, errorsMessage, joinedReasons } from "./conditions";
import { compileHeaderFilters } from "./header-filters";
import { gatewayAccepted, type ListenerVerdict, listenerVerdicts } from "./listeners";
import { attachRoute, NO_HOSTNAME_INTERSECTION, refersToGateway } from "./matching";
import { GATEWAY_GROUP } from "./naming";
import { OverlapIndex } from "./overlap";
import { resolveBackendRef } from "./references";
import type { Gateway, HTTPRoute, ParentRef, Snapshot } from "./types";

export type World = Pick<Snapshot, "routes" | "grants" | "services" | "slices" | "namespaces">;

export interface GatewayTranslation {
  listeners: ListenerVerdict[];
  /** listener name → routes attached (hostnames intersect), whether or not the listener is programmed */
  attached: Map<string, number>;
  accepted: ConditionSpec;
}

export interface ParentTranslation {
  parentRef: ParentRef;
  conditions: ConditionSpec[];
}

export interface Translation {
  gateways: Map<Gateway, GatewayTranslation>;
  /** Only routes with a parentRef to one of the Gateways. */
  routes: Map<HTTPRoute, ParentTranslation[]>;
}

/** Failures of a route's rules, the same for every parentRef. */
interface RuleFailures {
  /** rule indexes whose filters were rejected */
  rejected: number[];
  byType: Map<string, { messages: string[]; reasons: string[] }>;
}

function ruleFailures(route: HTTPRoute, world: World): RuleFailures {
  const out: RuleFailures = { rejected: [], byType: new Map() };
  const add = (type: string, message: string, reason: string) => {
    const entry = out.byType.get(type) ?? { messages: [], reasons: [] };
    entry.messages.push(message);
    entry.reasons.push(reason);
    out.byType.set(type, entry);
  };
  const routeNs = route.metadata.namespace ?? "";
  for (const [i, rule] of (route.spec.rules ?? []).entries()) {
    const filterError = compileHeaderFilters(rule.filters).error;
    if (filterError) {
      add("Accepted", filterError, "UnsupportedValue");
      out.rejected.push(i);
    }
    for (const [j, ref] of (rule.backendRefs ?? []).entries()) {
      const r = resolveBackendRef(ref, routeNs, world);
      if (r.ok) continue;
      if (r.condition === "BackendsAvailable") add(r.condition, `failed to find endpoints: ${r.detail}`, r.reason);
      else add(r.condition, `failed to process route rule ${i} backendRef ${j}: ${r.detail}`, r.reason);
    }
  }
  return out;
}

const withDefaults = (ref: ParentRef, routeNs: string) => ({
  group: ref.group ?? GATEWAY_GROUP,
  kind: ref.kind ?? "Gateway",
  namespace: ref.namespace ?? routeNs,
  name: ref.name,
  sectionName: ref.sectionName,
  port: ref.port,
});
const sameParent = (a: ParentRef, b: ParentRef, routeNs: string) =>
  JSON.stringify(withDefaults(a, routeNs)) === JSON.stringify(withDefaults(b, routeNs));

const listenerId = (gw: Gateway, v: ListenerVerdict) =>
  `${gw.metadata.namespace}/${gw.metadata.name}/${v.listener.name}`;

export function translate(gateways: Gateway[], world: World): Translation {
  const result: Translation = { gateways: new Map(), routes: new Map() };
  const byName = new Map(gateways.map((g) => [`${g.metadata.namespace}/${g.metadata.name}`, g]));
  for (const gw of gateways) {
    const listeners = listenerVerdicts(gw);
    result.gateways.set(gw, { listeners, attached: new Map(), accepted: gatewayAccepted(listeners) });
  }
  const overlaps = new OverlapIndex();
  /** route → per parent entry, the ids of the listeners that allow it (for the overlap check) */
  const allowedIds = new Map<HTTPRoute, string[][]>();

  for (const route of world.routes) {
    if (route.metadata.deletionTimestamp) continue;
    const routeNs = route.metadata.namespace ?? "";
    const refs: { ref: ParentRef; gw: Gateway }[] = [];
    for (const ref of route.spec.parentRefs ?? []) {
      const candidate = byName.get(`${ref.namespace ?? routeNs}/${ref.name}`);
      const gw = candidate && refersToGateway(ref, routeNs, candidate) ? candidate : undefined;
      if (gw && !refs.some((r) => sameParent(r.ref, ref, routeNs))) refs.push({ ref, gw });
    }
    if (refs.length === 0) continue;
    const failures = ruleFailures(route, world);
    const ruleCount = route.spec.rules?.length ?? 0;
    const parents: ParentTranslation[] = [];
    const ids: string[][] = [];
    for (const { ref, gw } of refs) {
      const conds = new Conditions();
      const a = attachRoute(route, ref, gw, world.namespaces);
      conds.set(
        a.accepted
          ? cond("Accepted", "True", "Accepted", "Route is accepted")
          : cond("Accepted", "False", a.reason, a.message),
      );
      for (const [type, { messages, reasons }] of failures.byType) {
        const message = conditionMessage(errorsMessage(messages));
        const reason = joinedReasons(reasons);
        if (type !== "Accepted") conds.set(cond(type, "False", reason, message));
        else if (failures.rejected.length === ruleCount) conds.set(cond("Accepted", "False", reason, message));
        else {
          // Go prints an []int as [0 2].
          const dropped = `Dropped Rule(s) [${failures.rejected.join(" ")}]: ${message}`;
          conds.set(cond("PartiallyInvalid", "True", reason, dropped));
          conds.set(cond("Accepted", "True", "Accepted", "Route is accepted"));
        }
      }
      if (!conds.list.some((c) => c.type === "ResolvedRefs")) {
        conds.set(cond("ResolvedRefs", "True", "ResolvedRefs", "Resolved all the Object references for the Route"));
      }
      if (a.accepted) {
        const g = result.gateways.get(gw) as GatewayTranslation;
        for (const [v, hosts] of a.hosts) {
          g.attached.set(v.listener.name, (g.attached.get(v.listener.name) ?? 0) + 1);
          if (v.programmed) overlaps.add(listenerId(gw, v), route, hosts);
        }
        if (a.hosts.size === 0)
          conds.set(cond("Accepted", "False", "NoMatchingListenerHostname", NO_HOSTNAME_INTERSECTION));
        ids.push(a.allowed.map((v) => listenerId(gw, v)));
      } else ids.push([]);
      parents.push({ parentRef: ref, conditions: conds.list });
    }
    result.routes.set(route, parents);
    allowedIds.set(route, ids);
  }

  for (const [route, parents] of result.routes) {
    const ids = allowedIds.get(route) ?? [];
    for (const [i, parent] of parents.entries()) {
      const message = overlaps.message(route, ids[i] ?? []);
      if (message) parent.conditions.push(cond("RouteRulesOverlap", "True", "RouteRulesOverlap", message));
    }
  }
  return result;
}
