import { describe, expect, it } from "vitest";
import { loadSnapshot } from "./fixtures/load";
import { hostnameMatches, hostnamesIntersect } from "./matching";
import { applyHeaderModifier, headerListFromRaw, headerObject, listenerFor, selectRule } from "./routing";
import type { Gateway, HTTPRoute } from "./types";

const req = (host: string, path = "/", method = "GET", headers: Record<string, string> = {}) => ({
  host,
  path,
  method,
  headers,
});

describe("hostnames", () => {
  it("matches wildcards on one or more labels", () => {
    expect(hostnameMatches("*.example.com", "a.example.com")).toBe(true);
    expect(hostnameMatches("*.example.com", "a.b.example.com")).toBe(true);
    expect(hostnameMatches("*.example.com", "example.com")).toBe(false);
    expect(hostnameMatches("WWW.example.com", "www.EXAMPLE.com")).toBe(true);
    expect(hostnamesIntersect("*.example.com", "*.a.example.com")).toBe(true);
    expect(hostnamesIntersect("shop.example.com", "*.example.com")).toBe(true);
    expect(hostnamesIntersect("shop.example.com", "www.example.com")).toBe(false);
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
  it("removes, then sets, then adds, keeping repeated values", () => {
    const h = headerListFromRaw(
      ["Accept", "*/*", "X-A", "1", "x-a", "2", "X-Old", "x", "Connection", "close"],
      new Set(["connection"]),
    );
    applyHeaderModifier(h, {
      remove: ["x-old"],
      set: [{ name: "X-Set", value: "s" }],
      add: [
        { name: "X-A", value: "3" },
        { name: "X-Custom-Message", value: "hello-kube-bind" },
      ],
    });
    expect(headerObject(h)).toEqual({
      Accept: "*/*",
      "X-A": ["1", "2", "3"],
      "X-Set": "s",
      "X-Custom-Message": "hello-kube-bind",
    });
  });
});
