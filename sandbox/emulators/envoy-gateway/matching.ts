// Which listeners a route attaches to, and which rule a request hits. Pure; shared by the status
// computation and the data plane so that "Accepted" and "routable" never disagree.
import type { Gateway, HTTPRoute, Listener, Namespace, ParentRef, RouteMatch, RouteRule } from "./types";

export const GATEWAY_GROUP = "gateway.networking.k8s.io";

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
  if (p.startsWith("*.")) return h.endsWith(p.slice(1)) && h.length > p.length - 1;
  return p === h;
}

export function hostnamesIntersect(a: string, b: string): boolean {
  if (a.startsWith("*.") && b.startsWith("*.")) {
    const [x, y] = [a.slice(1).toLowerCase(), b.slice(1).toLowerCase()];
    return x.endsWith(y) || y.endsWith(x);
  }
  if (a.startsWith("*.")) return hostnameMatches(a, b);
  if (b.startsWith("*.")) return hostnameMatches(b, a);
  return a.toLowerCase() === b.toLowerCase();
}

export function routeHostnamesFitListener(route: HTTPRoute, listener: Listener): boolean {
  const names = route.spec.hostnames ?? [];
  if (!listener.hostname || names.length === 0) return true;
  return names.some((h) => hostnamesIntersect(listener.hostname ?? "", h));
}

export const isHttpListener = (l: Listener) => l.protocol === "HTTP";

function allowsHttpRoutes(listener: Listener): boolean {
  const kinds = listener.allowedRoutes?.kinds;
  if (kinds?.length) return kinds.some((k) => (k.group ?? GATEWAY_GROUP) === GATEWAY_GROUP && k.kind === "HTTPRoute");
  return listener.protocol === "HTTP" || listener.protocol === "HTTPS";
}

function allowsNamespace(listener: Listener, gw: Gateway, routeNs: string, namespaces: Namespace[]): boolean {
  const from = listener.allowedRoutes?.namespaces?.from ?? "Same";
  if (from === "All") return true;
  if (from === "Same") return routeNs === gw.metadata.namespace;
  const want = listener.allowedRoutes?.namespaces?.selector?.matchLabels ?? {};
  const labels = namespaces.find((n) => n.metadata.name === routeNs)?.metadata.labels ?? {};
  return Object.entries(want).every(([k, v]) => labels[k] === v);
}

export type Attachment =
  | { accepted: true; listeners: Listener[] }
  | { accepted: false; reason: string; message: string };

/** Attachment of one parentRef of `route` to `gw`, with Envoy Gateway's reasons and messages. */
export function attachRoute(route: HTTPRoute, ref: ParentRef, gw: Gateway, namespaces: Namespace[]): Attachment {
  const selected = gw.spec.listeners.filter(
    (l) =>
      (ref.sectionName === undefined || l.name === ref.sectionName) && (ref.port === undefined || l.port === ref.port),
  );
  if (selected.length === 0) {
    return { accepted: false, reason: "NoMatchingParent", message: "No listeners match this parent ref" };
  }
  const routeNs = route.metadata.namespace ?? "";
  const allowed = selected.filter((l) => allowsHttpRoutes(l) && allowsNamespace(l, gw, routeNs, namespaces));
  if (allowed.length === 0) {
    return {
      accepted: false,
      reason: "NotAllowedByListeners",
      message: "No listeners included by this parent ref allowed this attachment.",
    };
  }
  const fitting = allowed.filter((l) => routeHostnamesFitListener(route, l));
  if (fitting.length === 0) {
    return {
      accepted: false,
      reason: "NoMatchingListenerHostname",
      message: "There were no hostname intersections between the HTTPRoute and this parent ref's Listener(s).",
    };
  }
  return { accepted: true, listeners: fitting };
}

/** Listeners of `gw` that `route` is accepted on, over all of its parentRefs. */
export function acceptedListeners(route: HTTPRoute, gw: Gateway, namespaces: Namespace[]): Listener[] {
  const routeNs = route.metadata.namespace ?? "";
  const out = new Set<Listener>();
  for (const ref of route.spec.parentRefs ?? []) {
    if (!refersToGateway(ref, routeNs, gw)) continue;
    const a = attachRoute(route, ref, gw, namespaces);
    if (a.accepted) for (const l of a.listeners) out.add(l);
  }
  return [...out];
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
