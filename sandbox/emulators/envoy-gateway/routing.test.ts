import { describe, expect, it } from "vitest";
import { loadSnapshot } from "./fixtures/load";
import { compileHeaderFilters } from "./header-filters";
import { computeHosts, hostnameMatches } from "./matching";
import { applyHeaderOps, headerListFromRaw, headerObject, listenerFor, selectRule } from "./routing";
import type { Gateway, HTTPRoute } from "./types";

function req(host: string, path = "/", method = "GET", headers: Record<string, string> = {}) {
  return { host, path, method, headers };
}

describe("hostnames", () => {
  it("matches wildcards on one or more labels", () => {
    expect(hostnameMatches("*.example.com", "a.example.com")).toBe(true);
    expect(hostnameMatches("*.example.com", "a.b.example.com")).toBe(true);
    expect(hostnameMatches("*.example.com", "example.com")).toBe(false);
    expect(hostnameMatches("WWW.example.com", "www.EXAMPLE.com")).toBe(true);
  });

  it("serves a route the hostnames it shares with the listener, minus those another listener names", () => {
    const gw = loadSnapshot("shop.yaml").gateways[0] as Gateway;
    const wild = { name: "wild", protocol: "HTTP", port: 80, hostname: "*.example.com" };
    const exact = { name: "exact", protocol: "HTTP", port: 80, hostname: "shop.example.com" };
    gw.spec.listeners = [wild, exact];
    expect(computeHosts(["shop.example.com", "www.example.com"], wild, gw)).toEqual(["www.example.com"]);
    expect(computeHosts(["*.com"], wild, gw)).toEqual(["*.example.com"]);
    expect(computeHosts(["*.a.example.com"], wild, gw)).toEqual(["*.a.example.com"]);
    expect(computeHosts([], exact, gw)).toEqual(["shop.example.com"]);
    expect(computeHosts(["example.com"], wild, gw)).toEqual([]);
    expect(computeHosts([], { name: "any", protocol: "HTTP", port: 8080 }, gw)).toEqual(["*"]);
  });
});

describe("selectRule", () => {
  const snap = loadSnapshot("shop.yaml");
  const gw = snap.gateways[0] as Gateway;
  const route = snap.routes[0] as HTTPRoute;

  it("routes by listener and route hostname, ignoring the port in Host", () => {
    expect(selectRule(gw, 80, req("shop.example.com:80", "/headers"), snap)?.route).toBe(route);
    expect(selectRule(gw, 80, req("other.example.com"), snap)).toBeUndefined();
    expect(selectRule(gw, 8080, req("shop.example.com"), snap)).toBeUndefined();
  });

  it("prefers exact paths, then longer prefixes, then older routes", () => {
    const mk = (name: string, created: string, matches: unknown[]): HTTPRoute =>
      ({
        ...route,
        metadata: { ...route.metadata, name, creationTimestamp: created },
        spec: { ...route.spec, rules: [{ matches, backendRefs: [] }] },
      }) as HTTPRoute;
    const routes = [
      mk("prefix-root", "2026-01-01T00:00:00Z", [{ path: { type: "PathPrefix", value: "/" } }]),
      mk("prefix-api", "2026-01-03T00:00:00Z", [{ path: { type: "PathPrefix", value: "/api" } }]),
      mk("exact", "2026-01-04T00:00:00Z", [{ path: { type: "Exact", value: "/api/v1" } }]),
      mk("prefix-api-newer", "2026-01-05T00:00:00Z", [{ path: { type: "PathPrefix", value: "/api/" } }]),
      mk("header", "2026-01-06T00:00:00Z", [
        { path: { value: "/api" }, headers: [{ name: "X-Env", value: "canary" }] },
      ]),
    ];
    const s = { ...snap, routes };
    const pick = (path: string, headers = {}) =>
      selectRule(gw, 80, req("shop.example.com", path, "GET", headers), s)?.route.metadata.name;
    expect(pick("/api/v1")).toBe("exact");
    expect(pick("/api/v2")).toBe("prefix-api"); // "/api/" ties with "/api"; the older route wins
    expect(pick("/apix")).toBe("prefix-root");
    expect(pick("/api", { "x-env": "canary" })).toBe("header");
    expect(pick("/api")).toBe("prefix-api");
  });

  it("picks the most specific listener for the Host", () => {
    const g = structuredClone(gw);
    g.spec.listeners = [
      { name: "any", protocol: "HTTP", port: 80 },
      { name: "wild", protocol: "HTTP", port: 80, hostname: "*.example.com" },
      { name: "exact", protocol: "HTTP", port: 80, hostname: "shop.example.com" },
    ];
    expect(listenerFor(g, 80, "shop.example.com")?.name).toBe("exact");
    expect(listenerFor(g, 80, "www.example.com")?.name).toBe("wild");
    expect(listenerFor(g, 80, "example.org")?.name).toBe("any");
  });
});

describe("header modifiers", () => {
  it("removes, then adds or overwrites, keeping repeated values; the first entry per name wins", () => {
    const h = headerListFromRaw(
      ["Accept", "*/*", "X-A", "1", "x-a", "2", "X-Old", "x", "Connection", "close"],
      new Set(["connection"]),
    );
    const compiled = compileHeaderFilters([
      {
        type: "RequestHeaderModifier",
        requestHeaderModifier: {
          remove: ["x-old"],
          set: [
            { name: "X-Set", value: "s" },
            { name: "x-a", value: "ignored: X-A is added above" },
          ],
          add: [
            { name: "X-A", value: "3" },
            { name: "X-Custom-Message", value: "hello-kube-bind" },
          ],
        },
      },
    ]);
    expect(compiled.error).toBeUndefined();
    applyHeaderOps(h, compiled.request);
    expect(headerObject(h)).toEqual({
      Accept: "*/*",
      "X-A": ["1", "2", "3"],
      "X-Set": "s",
      "X-Custom-Message": "hello-kube-bind",
    });
  });

  it("rejects what Envoy Gateway rejects, and compiles nothing for it", () => {
    const compiled = compileHeaderFilters([
      {
        type: "RequestHeaderModifier",
        requestHeaderModifier: {
          add: [
            { name: "X-Custom-Message", value: "line one\nline two" },
            { name: "X-Ok", value: "fine" },
          ],
          set: [{ name: "Host", value: "evil.example.com" }],
        },
      },
      { type: "ResponseHeaderModifier", responseHeaderModifier: { add: [{ name: "X-Trailing", value: "space " }] } },
    ]);
    expect(compiled.request.add.map((h) => h.name)).toEqual(["X-Ok"]);
    expect(compiled.response.add).toEqual([]);
    expect(compiled.error).toBe(
      [
        'Header: "X-Custom-Message". RequestHeaderModifier Filter cannot add a header with an invalid value.',
        `Header: "Host". The RequestHeaderModifier filter cannot set the Host header or headers with a '/' or ':' character in them. To modify the Host header use the URLRewrite or the HTTPRouteFilter filter.`,
        "ResponseHeaderModifier Filter did not provide valid configuration to add/remove any headers.",
      ].join("\n"),
    );
  });

  // A value of many visible characters and one bad one makes a backtracking check run for hours.
  it("checks header values in linear time", () => {
    const started = performance.now();
    const error = compileHeaderFilters([
      {
        type: "RequestHeaderModifier",
        requestHeaderModifier: {
          add: [{ name: "X-Ok", value: "fine" }],
          set: [{ name: "X-Long", value: `${"a".repeat(64)}\n` }],
        },
      },
    ]).error;
    expect(error).toContain("cannot set a header with an invalid value");
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
