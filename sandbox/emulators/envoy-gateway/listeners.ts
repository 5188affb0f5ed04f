// Listener validation as Envoy Gateway v1.9 does it for one Gateway (its ProcessListeners without
// ListenerSets and merged Gateways): each listener's spec first, then hostname conflicts between
// the valid ones, then the final Programmed/Accepted/ResolvedRefs conditions. Pure; depends on the
// Gateway alone, so the status and the data plane compute the same verdicts.
import { type ConditionSpec, Conditions, cond } from "./conditions";
import { parseLabelSelector } from "./label-selector";
import { GATEWAY_GROUP } from "./naming";
import type { Gateway, Listener, ListenerStatus, Namespace } from "./types";

export interface ListenerVerdict {
  listener: Listener;
  /** In the order Envoy Gateway sets them. */
  conditions: ConditionSpec[];
  supportedKinds: ListenerStatus["supportedKinds"];
  /** Programmed=True: the listener reaches Envoy (and the proxy Service gets its port). */
  programmed: boolean;
  /** Whether routes in this namespace may attach (allowedRoutes.namespaces); false for an unknown namespace. */
  allowsNamespace(namespace: Namespace | undefined): boolean;
}

const EG_PROTOCOLS = ["HTTP", "HTTPS", "TLS", "TCP", "UDP"];
/** Route kinds per protocol (allowedRouteKindsForProtocol). */
function kindsFor(l: Listener): string[] {
  if (l.protocol === "HTTP" || l.protocol === "HTTPS") return ["HTTPRoute", "GRPCRoute"];
  if (l.protocol === "TLS") {
    const mode = (l as { tls?: { mode?: string } }).tls?.mode;
    return mode === "Passthrough" ? ["TLSRoute"] : ["TCPRoute", "TLSRoute"];
  }
  if (l.protocol === "TCP") return ["TCPRoute"];
  if (l.protocol === "UDP") return ["UDPRoute"];
  return [];
}

const INVALID = "Listener is invalid, see other Conditions for details.";

interface Work {
  listener: Listener;
  conds: Conditions;
  supportedKinds: ListenerStatus["supportedKinds"];
  specValid: boolean;
  allowsNamespace(namespace: Namespace | undefined): boolean;
}

function validateSpec(gw: Gateway, l: Listener): Work {
  const conds = new Conditions();
  let specValid = true;
  const from = l.allowedRoutes?.namespaces?.from;
  let allowsNamespace = (ns: Namespace | undefined) => !!ns && ns.metadata.name === gw.metadata.namespace;
  if (from === "All") allowsNamespace = (ns) => !!ns;
  if (from === "Selector") {
    const selector = l.allowedRoutes?.namespaces?.selector;
    const parsed = selector ? parseLabelSelector(selector) : undefined;
    allowsNamespace = (ns) => !!ns && !!parsed?.ok && parsed.matches(ns.metadata.labels ?? {});
    if (!parsed?.ok) {
      specValid = false;
      const message = !parsed
        ? 'The allowedRoutes.namespaces.selector field must be specified when allowedRoutes.namespaces.from is set to "Selector".'
        : `The allowedRoutes.namespaces.selector could not be parsed: ${parsed.error}.`;
      conds.set(cond("Programmed", "False", "Invalid", message));
    }
  }

  let supportedKinds: ListenerStatus["supportedKinds"] = [];
  if (EG_PROTOCOLS.includes(l.protocol)) {
    const kinds = kindsFor(l);
    const wanted = l.allowedRoutes?.kinds ?? [];
    if (wanted.length === 0) {
      supportedKinds = kinds.map((kind) => ({ group: GATEWAY_GROUP, kind }));
    } else {
      const supported = wanted.filter(
        (k) => (k.group === undefined || k.group === GATEWAY_GROUP) && kinds.includes(k.kind),
      );
      for (const k of wanted) {
        if (k.group !== undefined && k.group !== GATEWAY_GROUP) {
          specValid = false;
          conds.set(
            cond(
              "ResolvedRefs",
              "False",
              "InvalidRouteKinds",
              `Group is not supported, group must be ${GATEWAY_GROUP}`,
            ),
          );
        }
      }
      for (const k of wanted.filter(
        (k) => (k.group === undefined || k.group === GATEWAY_GROUP) && !kinds.includes(k.kind),
      )) {
        specValid = false;
        // Go prints a []Kind as [A B].
        const allowed = supported.length ? supported.map((s) => s.kind) : kinds;
        conds.set(
          cond(
            "ResolvedRefs",
            "False",
            "InvalidRouteKinds",
            `${k.kind} is not supported, kind must be one of [${allowed.join(" ")}]`,
          ),
        );
      }
      supportedKinds = supported;
    }
  }
  if (l.protocol !== "HTTP") {
    // Envoy Gateway serves its other protocols; the sandbox's data plane does not.
    specValid = false;
    const why = EG_PROTOCOLS.includes(l.protocol)
      ? "is not supported by the sandbox emulator"
      : "is unsupported, must be HTTP, HTTPS, TCP or UDP";
    conds.set(cond("Accepted", "False", "UnsupportedProtocol", `Protocol ${l.protocol} ${why}.`));
  }
  return { listener: l, conds, supportedKinds, specValid, allowsNamespace };
}

/** Listeners on one port must differ in hostname; with two Gateway listeners alike, neither wins. */
function markHostnameConflicts(gw: Gateway, work: Work[]): void {
  const byPort = new Map<number, Work[]>();
  for (const w of work) {
    if (!w.specValid || w.listener.protocol === "TCP" || w.listener.protocol === "UDP") continue;
    byPort.set(w.listener.port, [...(byPort.get(w.listener.port) ?? []), w]);
  }
  for (const onPort of byPort.values()) {
    const byHost = new Map<string, Work[]>();
    for (const w of onPort)
      byHost.set(w.listener.hostname ?? "", [...(byHost.get(w.listener.hostname ?? "") ?? []), w]);
    for (const same of byHost.values()) {
      if (same.length < 2) continue;
      const names = same.map((w) => `${gw.metadata.namespace}/${gw.metadata.name}/${w.listener.name}`).sort();
      const message = `All listeners for a given port must use a unique hostname, conflicting listeners: ${names.join(", ")}`;
      for (const w of same) w.conds.set(cond("Conflicted", "True", "HostnameConflict", message));
    }
  }
}

function finalConditions(conds: Conditions): ConditionSpec[] {
  if (conds.list.length === 0) {
    return [
      cond("Programmed", "True", "Programmed", "Sending translated listener configuration to the data plane"),
      cond("Accepted", "True", "Accepted", "Listener has been successfully translated"),
      cond("ResolvedRefs", "True", "ResolvedRefs", "Listener references have been resolved"),
    ];
  }
  const first = conds.list[0];
  if (first.type !== "Programmed" || first.status !== "True") {
    if (!conds.has("Programmed")) conds.set(cond("Programmed", "False", "Invalid", INVALID));
    if (!conds.has("ResolvedRefs")) {
      conds.set(cond("ResolvedRefs", "True", "ResolvedRefs", "Listener references have been resolved"));
    }
  }
  return conds.list;
}

// Verdicts are asked for on every proxied request: kept per Gateway object while its listeners
// are unchanged (compared as JSON, which is cheap next to recomputing).
const cache = new WeakMap<Gateway, { key: string; verdicts: ListenerVerdict[] }>();

export function listenerVerdicts(gw: Gateway): ListenerVerdict[] {
  const key = JSON.stringify([gw.metadata.namespace, gw.metadata.name, gw.spec.listeners]);
  const cached = cache.get(gw);
  if (cached?.key === key) return cached.verdicts;
  const work = gw.spec.listeners.map((l) => validateSpec(gw, l));
  markHostnameConflicts(gw, work);
  const verdicts = work.map((w) => {
    const conditions = finalConditions(w.conds);
    return {
      listener: w.listener,
      conditions,
      supportedKinds: w.supportedKinds,
      programmed: conditions.some((c) => c.type === "Programmed" && c.status === "True"),
      allowsNamespace: w.allowsNamespace,
    };
  });
  cache.set(gw, { key, verdicts });
  return verdicts;
}

/** The Gateway's Accepted condition, derived from its listeners' Accepted conditions. */
export function gatewayAccepted(verdicts: ListenerVerdict[]): ConditionSpec {
  const rejected = verdicts
    .filter((v) => !v.conditions.some((c) => c.type === "Accepted" && c.status === "True"))
    .map((v) => v.listener.name)
    .sort();
  if (rejected.length === 0)
    return cond("Accepted", "True", "Accepted", "The Gateway has been scheduled by Envoy Gateway");
  if (rejected.length < verdicts.length) {
    return cond("Accepted", "True", "ListenersNotValid", `Listeners not valid: ${rejected.join(", ")}`);
  }
  return cond("Accepted", "False", "ListenersNotValid", `No listeners are valid: ${rejected.join(", ")}`);
}

/** Service ports of the programmed listeners, unique by port, as Envoy Gateway's proxy infra lists them. */
export function programmedPorts(gw: Gateway): number[] {
  const ports = listenerVerdicts(gw)
    .filter((v) => v.programmed)
    .map((v) => v.listener.port);
  return [...new Set(ports)].sort((a, b) => a - b);
}
