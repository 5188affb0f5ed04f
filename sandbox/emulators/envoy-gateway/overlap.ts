// RouteRulesOverlap as Envoy Gateway v1.9 reports it: two routes overlap on a programmed listener
// when some rule match of each, on the same served hostname, matches exactly the same requests
// (same path match after trimming one trailing slash of a prefix, same header, method and query
// matches in any order). Pure.
import type { HTTPRoute, RouteMatch } from "./types";

const routeKey = (r: HTTPRoute) => `${r.metadata.namespace}/${r.metadata.name}`;

function pathKey(m: RouteMatch | undefined): string {
  const type = m?.path?.type ?? "PathPrefix";
  const value = m?.path ? (m.path.value ?? "") : "/";
  if (type === "PathPrefix") return `p:${value === "/" ? value : value.replace(/\/$/, "")}`;
  return `${type === "Exact" ? "e" : "r"}:${value}`;
}

function matchKey(host: string, m: RouteMatch | undefined): string {
  const headers = (m?.headers ?? []).map(
    (h) => `${h.name.toLowerCase()}\u0000${(h.type ?? "Exact") === "Exact" ? "e" : "r"}${h.value}`,
  );
  if (m?.method) headers.push(`:method\u0000e${m.method}`);
  const query = ((m as { queryParams?: { type?: string; name: string; value: string }[] })?.queryParams ?? []).map(
    (q) => `${q.name}\u0000${(q.type ?? "Exact") === "Exact" ? "e" : "r"}${q.value}`,
  );
  return [host, pathKey(m), headers.sort().join("\u0001"), query.sort().join("\u0001")].join("\u0002");
}

/** Collects which routes a programmed listener serves, then names each route's overlapping peers. */
export class OverlapIndex {
  /** listener id → match key → route keys */
  private readonly buckets = new Map<string, Map<string, Set<string>>>();

  add(listenerId: string, route: HTTPRoute, hosts: string[]): void {
    let byKey = this.buckets.get(listenerId);
    if (!byKey) {
      byKey = new Map();
      this.buckets.set(listenerId, byKey);
    }
    for (const host of hosts) {
      for (const rule of route.spec.rules ?? []) {
        const matches: (RouteMatch | undefined)[] = rule.matches?.length ? rule.matches : [undefined];
        for (const m of matches) {
          const key = matchKey(host, m);
          byKey.set(key, (byKey.get(key) ?? new Set()).add(routeKey(route)));
        }
      }
    }
  }

  /** "Overlapping match conditions with route(s): …" for `route` on these listeners, if any. */
  message(route: HTTPRoute, listenerIds: string[]): string | undefined {
    const self = routeKey(route);
    const peers = new Set<string>();
    for (const id of listenerIds) {
      for (const keys of this.buckets.get(id)?.values() ?? []) {
        if (keys.has(self)) for (const k of keys) if (k !== self) peers.add(`HTTPRoute ${k}`);
      }
    }
    if (peers.size === 0) return undefined;
    return `Overlapping match conditions with route(s): ${[...peers].sort().join(", ")}`;
  }
}
