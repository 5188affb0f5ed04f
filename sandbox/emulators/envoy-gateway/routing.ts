// Request → (route, rule) selection and header filters for the emulated Envoy. Pure.
import type { HeaderOps } from "./header-filters";
import { listenerVerdicts } from "./listeners";
import { compareScores, hostnameMatches, type RequestInfo, ruleScore, servingListeners } from "./matching";
import type { Gateway, HTTPRoute, Listener, RouteFilter, RouteRule, Snapshot } from "./types";

export const hostWithoutPort = (host: string) =>
  host
    .replace(/:\d+$/, "")
    .replace(/^\[(.*)\]$/, "$1")
    .toLowerCase();

/** Exact hostname beats a longer wildcard beats a shorter one beats none (Envoy virtual hosts). */
const hostnameRank = (pattern: string | undefined) =>
  pattern === undefined || pattern === "*"
    ? [0, 0]
    : pattern.startsWith("*.")
      ? [1, pattern.length]
      : [2, pattern.length];

/**
 * The programmed listener (virtual host) on `port` that serves `host`, like Envoy's vhost
 * selection; listeners Envoy Gateway does not program (conflicts, invalid specs) serve nothing.
 */
export function listenerFor(gw: Gateway, port: number, host: string): Listener | undefined {
  return listenerVerdicts(gw)
    .filter((v) => v.programmed && v.listener.port === port)
    .map((v) => v.listener)
    .filter((l) => !l.hostname || hostnameMatches(l.hostname, host))
    .sort((a, b) => compareScores(hostnameRank(a.hostname), hostnameRank(b.hostname)))[0];
}

export interface Selection {
  route: HTTPRoute;
  rule: RouteRule;
}

/** Gateway API precedence: hostname specificity, match specificity, oldest route, name, rule order. */
export function selectRule(
  gw: Gateway,
  port: number,
  req: RequestInfo,
  snap: Pick<Snapshot, "routes" | "namespaces">,
): Selection | undefined {
  const host = hostWithoutPort(req.host);
  const listener = listenerFor(gw, port, host);
  if (!listener) return undefined;
  const candidates: { sel: Selection; score: number[]; created: string; name: string; index: number }[] = [];
  for (const route of snap.routes) {
    if (route.metadata.deletionTimestamp) continue;
    // The hostnames the route serves on this listener, as Envoy Gateway computes them.
    const served = servingListeners(route, gw, snap.namespaces).get(listener);
    if (!served) continue;
    const hostMatch = served
      .filter((h) => hostnameMatches(h, host))
      .sort((a, b) => compareScores(hostnameRank(a), hostnameRank(b)))[0];
    if (hostMatch === undefined) continue;
    for (const [index, rule] of (route.spec.rules ?? [{}]).entries()) {
      const score = ruleScore(rule, req);
      if (!score) continue;
      candidates.push({
        sel: { route, rule },
        score: [...hostnameRank(hostMatch), ...score],
        created: String(route.metadata.creationTimestamp ?? ""),
        name: `${route.metadata.namespace}/${route.metadata.name}`,
        index,
      });
    }
  }
  candidates.sort(
    (a, b) =>
      compareScores(a.score, b.score) ||
      a.created.localeCompare(b.created) ||
      a.name.localeCompare(b.name) ||
      a.index - b.index,
  );
  return candidates[0]?.sel;
}

/** Headers as an ordered multimap keyed by lower-case name, keeping the first spelling seen. */
export type HeaderList = Map<string, { name: string; values: string[] }>;

export function headerListFromRaw(raw: string[], drop: ReadonlySet<string> = new Set()): HeaderList {
  const out: HeaderList = new Map();
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const key = raw[i].toLowerCase();
    if (drop.has(key)) continue;
    const entry = out.get(key);
    if (entry) entry.values.push(raw[i + 1]);
    else out.set(key, { name: raw[i], values: [raw[i + 1]] });
  }
  return out;
}

/** Envoy applies a route's header changes as: remove, then add or overwrite in order. */
export function applyHeaderOps(headers: HeaderList, ops: HeaderOps): void {
  for (const name of ops.remove) headers.delete(name.toLowerCase());
  for (const h of ops.add) {
    const entry = headers.get(h.name.toLowerCase());
    if (entry && h.append) entry.values.push(h.value);
    else headers.set(h.name.toLowerCase(), { name: h.name, values: [h.value] });
  }
}

export function headerObject(headers: HeaderList): Record<string, string | string[]> {
  return Object.fromEntries([...headers.values()].map((h) => [h.name, h.values.length === 1 ? h.values[0] : h.values]));
}

const SUPPORTED_FILTERS = new Set(["RequestHeaderModifier", "ResponseHeaderModifier"]);

export function unsupportedFilter(filters: RouteFilter[]): string | undefined {
  return filters.find((f) => !SUPPORTED_FILTERS.has(f.type))?.type;
}
