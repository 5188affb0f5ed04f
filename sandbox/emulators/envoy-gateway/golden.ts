// Envoy Gateway's own golden files, read from the Go module cache at test time (never copied here):
// internal/gatewayapi/testdata/<case>.in.yaml holds Gateway API objects, <case>.out.yaml the statuses
// Envoy Gateway's translator computes for them. This module finds the module, decides which cases
// are within what this product uses, and rebuilds the world Envoy Gateway's translator test adds
// to every case, so golden.test.ts can run the emulator's translation on the same input.
//
// Scope rule: a case is in scope when
//   - its input holds only gateways, httpRoutes, services, endpointSlices, referenceGrants and
//     namespaces (matched without case, as Go's JSON decoding does), with at least one HTTPRoute,
//     and the upstream test runs it with default translator settings (NON_DEFAULT_SETTINGS);
//   - every Gateway is of class envoy-gateway-class with only listeners in its spec, and every
//     listener is HTTP with only name, port, hostname and allowedRoutes.namespaces;
//   - every HTTPRoute has only parentRefs (to Gateways), hostnames and rules; every rule only
//     matches (path PathPrefix/Exact, Exact headers), RequestHeaderModifier filters and backendRefs
//     to core Services (name, namespace, port, weight), in the same or another namespace.
// Everything else (TLS, other route kinds and protocols, policies, other filters, method and query
// matches, regular expressions, ListenerSets, Envoy Gateway's own Backend, ServiceImports,
// merged Gateways) is out of scope and listed by outOfScope() with the reasons.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { goModuleDir } from "../../setup/manifests";
import { CONTROLLER_NAME } from "./naming";
import * as api from "./types";

export const ENVOY_GATEWAY_MODULE = { path: "github.com/envoyproxy/gateway", version: "v1.9.1" };
/** The GatewayClass Envoy Gateway's translator test translates for. */
export const GOLDEN_CLASS = "envoy-gateway-class";
/** Cases the upstream test runs with other translator settings (here: Gateway namespace mode). */
export const NON_DEFAULT_SETTINGS = ["gateway-namespace-mode-infra-httproute"];

/** The golden files' folder (the module is downloaded through the Go module proxy if missing). */
export async function goldenDir(): Promise<string> {
  return join(await goModuleDir(ENVOY_GATEWAY_MODULE), "internal", "gatewayapi", "testdata");
}

export type GoldenDoc = Record<string, unknown>;
type Obj = Record<string, unknown> & { spec?: Record<string, unknown> };

export const caseNames = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".in.yaml"))
    .map((f) => f.slice(0, -".in.yaml".length))
    .sort();

const INPUT_KEYS = ["gateways", "httpRoutes", "services", "endpointSlices", "referenceGrants", "namespaces"];

/**
 * A case's input with its keys spelled as Envoy Gateway's resource struct spells them. A few
 * inputs (all with Envoy Gateway policies) use YAML quoting the yaml package refuses; for those only
 * the top-level keys are read, which suffices to put them out of scope.
 */
export function readInput(dir: string, name: string): GoldenDoc {
  const text = readFileSync(join(dir, `${name}.in.yaml`), "utf8");
  let raw: GoldenDoc;
  try {
    raw = (parse(text) ?? {}) as GoldenDoc;
  } catch {
    raw = Object.fromEntries([...text.matchAll(/^(\w+):/gm)].map((m) => [m[1], []]));
    raw["(not parsed)"] = [];
  }
  return Object.fromEntries(
    Object.entries(raw).map(([k, v]) => [INPUT_KEYS.find((key) => key.toLowerCase() === k.toLowerCase()) ?? k, v]),
  );
}

export const readOutput = (dir: string, name: string): GoldenDoc =>
  parse(readFileSync(join(dir, `${name}.out.yaml`), "utf8")) as GoldenDoc;

const list = (doc: GoldenDoc, key: string) => (doc[key] ?? []) as Obj[];
const extraKeys = (o: object | undefined, allowed: string[]) =>
  Object.keys(o ?? {}).filter((k) => !allowed.includes(k));

/** Why a case is out of scope; empty when it is in scope. */
export function outOfScope(name: string, input: GoldenDoc): string[] {
  const why = new Set<string>();
  if (NON_DEFAULT_SETTINGS.includes(name)) why.add("translator settings");
  for (const k of extraKeys(input, INPUT_KEYS)) why.add(`input ${k}`);
  if (list(input, "httpRoutes").length === 0) why.add("no HTTPRoute");
  for (const gw of list(input, "gateways")) {
    const spec = gw.spec ?? {};
    if (spec.gatewayClassName !== GOLDEN_CLASS) why.add("other GatewayClass");
    for (const k of extraKeys(spec, ["gatewayClassName", "listeners"])) why.add(`Gateway ${k}`);
    for (const l of (spec.listeners ?? []) as Obj[]) {
      if (l.protocol !== "HTTP") why.add(`${l.protocol} listener`);
      for (const k of extraKeys(l, ["name", "protocol", "port", "hostname", "allowedRoutes"])) why.add(`listener ${k}`);
      for (const k of extraKeys(l.allowedRoutes as object, ["namespaces"])) why.add(`allowedRoutes ${k}`);
    }
  }
  for (const route of list(input, "httpRoutes")) {
    const spec = route.spec ?? {};
    for (const k of extraKeys(spec, ["parentRefs", "hostnames", "rules"])) why.add(`HTTPRoute ${k}`);
    for (const p of (spec.parentRefs ?? []) as Obj[])
      if ((p.kind ?? "Gateway") !== "Gateway") why.add(`${p.kind} parent`);
    for (const rule of (spec.rules ?? []) as Obj[]) {
      for (const k of extraKeys(rule, ["matches", "filters", "backendRefs"])) why.add(`rule ${k}`);
      for (const m of (rule.matches ?? []) as Obj[]) {
        for (const k of extraKeys(m, ["path", "headers"])) why.add(`${k} match`);
        const pathType = (m.path as Obj | undefined)?.type ?? "PathPrefix";
        if (pathType !== "PathPrefix" && pathType !== "Exact") why.add(`${pathType} path`);
        for (const h of (m.headers ?? []) as Obj[])
          if ((h.type ?? "Exact") !== "Exact") why.add(`${h.type} header match`);
      }
      for (const f of (rule.filters ?? []) as Obj[])
        if (f.type !== "RequestHeaderModifier") why.add(`${f.type} filter`);
      for (const b of (rule.backendRefs ?? []) as Obj[]) {
        for (const k of extraKeys(b, ["name", "namespace", "port", "weight", "group", "kind"]))
          why.add(`backendRef ${k}`);
        if ((b.group ?? "") !== "" || (b.kind ?? "Service") !== "Service") why.add(`${b.kind} backend`);
      }
    }
  }
  return [...why].sort();
}

/** Four Services with http 8080, https 8443, tcp 8163 and udp 8162, each with one ready endpoint. */
function harnessBackends(): { services: Obj[]; slices: Obj[] } {
  const services: Obj[] = [];
  const slices: Obj[] = [];
  const backend = (ns: string, name: string, ports: [string, number, string][], address: string, slice: string) => {
    services.push({
      metadata: { namespace: ns, name },
      spec: {
        clusterIP: "1.1.1.1",
        ports: ports.map(([n, port, protocol]) => ({ name: n, port, targetPort: port, protocol })),
      },
    });
    slices.push({
      metadata: { namespace: ns, name: slice, labels: { "kubernetes.io/service-name": name } },
      addressType: "IPv4",
      ports: ports.map(([n, port, protocol]) => ({ name: n, port, protocol })),
      endpoints: [{ addresses: [address], conditions: { ready: true } }],
    });
  };
  const all: [string, number, string][] = [
    ["http", 8080, "TCP"],
    ["https", 8443, "TCP"],
    ["tcp", 8163, "TCP"],
    ["udp", 8162, "UDP"],
  ];
  for (let i = 1; i <= 4; i++) backend("default", `service-${i}`, all, "7.7.7.7", `endpointslice-${i}`);
  backend("default", "mirror-service", [["http", 8080, "TCP"]], "7.6.5.4", "mirror-service-endpointslice");
  backend(
    "monitoring",
    "otel-collector",
    [
      ["grpc", 4317, "TCP"],
      ["zipkin", 9411, "TCP"],
    ],
    "8.7.6.5",
    "otel-collector-endpointslice",
  );
  return { services, slices };
}

function parseAll<T>(name: string, what: string, objs: Obj[], schema: { parse(o: unknown): T }): T[] {
  return objs.map((o, i) => {
    try {
      return schema.parse(o);
    } catch (err) {
      throw new Error(`${name}: ${what}[${i}] does not fit the emulator's schema: ${(err as Error).message}`);
    }
  });
}

/**
 * The objects Envoy Gateway's translator test translates for a case: the case's own, then the
 * backends and the namespaces envoy-gateway and default that the test adds (its per-Gateway proxy
 * Services are left out: no route refers to them).
 */
export function goldenSnapshot(name: string, input: GoldenDoc): api.Snapshot {
  const extra = harnessBackends();
  const gatewayClass: api.GatewayClass = {
    metadata: { name: GOLDEN_CLASS },
    spec: { controllerName: CONTROLLER_NAME },
  };
  return {
    classes: [gatewayClass],
    gateways: parseAll(name, "gateways", list(input, "gateways"), api.Gateway),
    routes: parseAll(name, "httpRoutes", list(input, "httpRoutes"), api.HTTPRoute),
    grants: parseAll(name, "referenceGrants", list(input, "referenceGrants"), api.ReferenceGrant),
    services: parseAll(name, "services", [...list(input, "services"), ...extra.services], api.Service),
    slices: parseAll(name, "endpointSlices", [...list(input, "endpointSlices"), ...extra.slices], api.EndpointSlice),
    namespaces: parseAll(
      name,
      "namespaces",
      [...list(input, "namespaces"), { metadata: { name: "envoy-gateway" } }, { metadata: { name: "default" } }],
      api.Namespace,
    ),
  };
}

export type Cond = { type: string; status: string; reason: string; message: string };

/** Conditions reduced to type, status, reason and message, in type order (list order carries no meaning). */
export const conds = (list: unknown): Cond[] =>
  ((list ?? []) as Cond[])
    .map(({ type, status, reason, message }) => ({ type, status, reason, message }))
    .sort((a, b) => a.type.localeCompare(b.type));

/**
 * The Gateway's Accepted condition as Envoy Gateway's status updater derives it from the listeners'
 * Accepted conditions (the translator's golden output has none): all accepted, some, or none.
 */
export function acceptedFromListeners(listeners: { name: string; conditions?: Cond[] }[]): Cond {
  const rejected = listeners
    .filter((l) => !l.conditions?.some((c) => c.type === "Accepted" && c.status === "True"))
    .map((l) => l.name)
    .sort();
  const accepted = (status: string, reason: string, message: string) => ({ type: "Accepted", status, reason, message });
  if (rejected.length === 0) return accepted("True", "Accepted", "The Gateway has been scheduled by Envoy Gateway");
  if (rejected.length < listeners.length) {
    return accepted("True", "ListenersNotValid", `Listeners not valid: ${rejected.join(", ")}`);
  }
  return accepted("False", "ListenersNotValid", `No listeners are valid: ${rejected.join(", ")}`);
}
