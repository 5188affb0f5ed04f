// Which listeners a route attaches to (Envoy Gateway v1.9's parentRef and hostname rules), and
// which rule a request hits. Pure; shared by the status computation and the data plane so that
// "Accepted" and "routable" never disagree.
import { type ListenerVerdict, listenerVerdicts } from "./listeners";
import { GATEWAY_GROUP } from "./naming";
import type { Gateway, HTTPRoute, Listener, Namespace, ParentRef, RouteMatch, RouteRule } from "./types";

export { GATEWAY_GROUP };

export function refersToGateway(ref: ParentRef, routeNamespace: string, gw: Gateway): boolean {
  return (
    (ref.group ?? GATEWAY_GROUP) === GATEWAY_GROUP &&
    (ref.kind ?? "Gateway") === "Gateway" &&
    (ref.namespace ?? routeNamespace) === gw.metadata.namespace &&
    ref.name === gw.metadata.name
  );
}

/** `*.example.com` matches one or more labels in front of example.com; otherwise exact (no case). */
export function hostnameMatches(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase();
  const h = host.toLowerCase();
  if (p === "*") return true;
  if (p.startsWith("*.")) return h.endsWith(p.slice(1)) && h.length > p.length - 1;
  return p === h;
}

export const isHttpListener = (l: Listener) => l.protocol === "HTTP";

/** Gateway API's wildcard rule: `*.com` matches `*.example.com` and `a.example.com`, not `example.com`. */
function wildcardMatches(wildcard: string, host: string): boolean {
  const suffix = wildcard.slice(1);
  if (!host.startsWith("*")) return host.endsWith(suffix) && host.length > suffix.length;
  const rest = host.slice(1);
  if (!rest.endsWith(suffix)) return false;
  const front = rest.slice(0, rest.length - suffix.length);
  return front.length > 0 && front.startsWith(".");
}

/**
 * The hostnames a route serves on a listener: the intersection of both, minus hostnames another
 * listener on the same port names exactly (that listener serves them). `*` stands for any host.
 */
export function computeHosts(routeHostnames: string[], listener: Listener, gw: Gateway): string[] {
  const own = listener.hostname ?? "";
  if (routeHostnames.length === 0) return [own || "*"];
  const hosts = new Set<string>();
  for (const rh of routeHostnames) {
    if (own === "" || own === rh) hosts.add(rh);
    else if (own.startsWith("*") && rh.startsWith("*")) {
      if (wildcardMatches(rh, own)) hosts.add(own);
      if (wildcardMatches(own, rh)) hosts.add(rh);
    } else if (own.startsWith("*")) {
      if (wildcardMatches(own, rh)) hosts.add(rh);
    } else if (rh.startsWith("*") && wildcardMatches(rh, own)) hosts.add(own);
  }
  for (const other of gw.spec.listeners) {
    if (other === listener || other.port !== listener.port || !other.hostname) continue;
    hosts.delete(other.hostname);
  }
  return [...hosts].sort();
}

export type Attachment =
  | { accepted: true; allowed: ListenerVerdict[]; hosts: Map<ListenerVerdict, string[]> }
  | { accepted: false; reason: string; message: string };

/**
 * One parentRef of `route` to `gw`: the listeners it selects (sectionName, port), those that allow
 * HTTPRoutes from the route's namespace, and per allowed listener the hostnames served there
 * (absent when there are none). Rejections carry Envoy Gateway's reason and message.
 */
export function attachRoute(route: HTTPRoute, ref: ParentRef, gw: Gateway, namespaces: Namespace[]): Attachment {
  const selected = listenerVerdicts(gw).filter(
    (v) =>
      (ref.sectionName === undefined || v.listener.name === ref.sectionName) &&
      (ref.port === undefined || v.listener.port === ref.port),
  );
  if (selected.length === 0) {
    return { accepted: false, reason: "NoMatchingParent", message: "No listeners match this parent ref" };
  }
  const routeNs = namespaces.find((n) => n.metadata.name === route.metadata.namespace);
  const allowed = selected.filter(
    (v) =>
      v.supportedKinds.some((k) => (k.group ?? GATEWAY_GROUP) === GATEWAY_GROUP && k.kind === "HTTPRoute") &&
      v.allowsNamespace(routeNs),
  );
  if (allowed.length === 0) {
    return {
      accepted: false,
      reason: "NotAllowedByListeners",
      message: "No listeners included by this parent ref allowed this attachment.",
    };
  }
  const hosts = new Map<ListenerVerdict, string[]>();
  for (const v of allowed) {
    const served = computeHosts(route.spec.hostnames ?? [], v.listener, gw);
    if (served.length > 0) hosts.set(v, served);
  }
  return { accepted: true, allowed, hosts };
}

export const NO_HOSTNAME_INTERSECTION =
  "There were no hostname intersections between the HTTPRoute and this parent ref's Listener(s).";

/** Programmed listeners of `gw` that serve `route`, with the hostnames served, over all its parentRefs. */
export function servingListeners(route: HTTPRoute, gw: Gateway, namespaces: Namespace[]): Map<Listener, string[]> {
  const routeNs = route.metadata.namespace ?? "";
  const out = new Map<Listener, string[]>();
  for (const ref of route.spec.parentRefs ?? []) {
    if (!refersToGateway(ref, routeNs, gw)) continue;
    const a = attachRoute(route, ref, gw, namespaces);
    if (!a.accepted) continue;
    for (const [v, hosts] of a.hosts) {
      if (!v.programmed) continue;
      out.set(v.listener, [...new Set([...(out.get(v.listener) ?? []), ...hosts])]);
    }
  }
  return out;
}

export interface RequestInfo {
  host: string;
  path: string;
  method: string;
  headers: Record<string, string | string[] | undefined>;
}

const DEFAULT_MATCH: RouteMatch = { path: { type: "PathPrefix", value: "/" } };

function pathMatches(match: RouteMatch, pathname: string): boolean {
  const type = match.path?.type ?? "PathPrefix";
  const value = match.path?.value ?? "/";
  if (type === "Exact") return pathname === value;
  if (type === "RegularExpression") return new RegExp(`^(?:${value})$`).test(pathname);
  const prefix = value.replace(/\/+$/, "");
  return prefix === "" || pathname === prefix || pathname.startsWith(`${prefix}/`);
}

function headerValue(headers: RequestInfo["headers"], name: string): string | undefined {
  const v = headers[name.toLowerCase()];
  return Array.isArray(v) ? v.join(",") : v;
}

export function matchScore(match: RouteMatch, req: RequestInfo): number[] | undefined {
  const pathname = req.path.split("?")[0];
  if (!pathMatches(match, pathname)) return undefined;
  if (match.method && match.method !== req.method) return undefined;
  for (const h of match.headers ?? []) {
    const v = headerValue(req.headers, h.name);
    if (v === undefined) return undefined;
    if ((h.type ?? "Exact") === "Exact" ? v !== h.value : !new RegExp(`^(?:${h.value})$`).test(v)) return undefined;
  }
  // Gateway API precedence: exact path, longer prefix, method, more header matches. A trailing
  // slash does not make a prefix longer: "/api/" and "/api" match the same paths.
  const type = match.path?.type ?? "PathPrefix";
  const value = match.path?.value ?? "/";
  const length = type === "PathPrefix" ? value.replace(/\/+$/, "").length : value.length;
  return [type === "Exact" ? 1 : 0, length, match.method ? 1 : 0, match.headers?.length ?? 0];
}

/** Best score of any match of `rule` for `req`, or undefined when none matches. */
export function ruleScore(rule: RouteRule, req: RequestInfo): number[] | undefined {
  const scores = (rule.matches?.length ? rule.matches : [DEFAULT_MATCH])
    .map((m) => matchScore(m, req))
    .filter((s): s is number[] => s !== undefined);
  return scores.sort(compareScores)[0];
}

/** Descending: higher-precedence scores sort first. */
export function compareScores(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (b[i] ?? 0) - (a[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
