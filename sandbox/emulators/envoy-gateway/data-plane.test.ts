import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EchoHandle, startEcho } from "../../echo/server";
import { DataPlane, gatewayKey } from "./data-plane";
import { loadSnapshot } from "./fixtures/load";
import type { Gateway, Snapshot } from "./types";

// The data plane against an in-memory snapshot (no cluster): fixture objects, echo backend.
let echo: EchoHandle;
let snap: Snapshot;
let plane: DataPlane;
const logs: string[] = [];

beforeAll(async () => {
  echo = await startEcho();
  snap = loadSnapshot("shop.yaml");
  const ports = snap.slices[0].ports ?? [];
  ports[0].port = echo.port;
  plane = new DataPlane({
    snapshot: () => snap,
    gateway: (key) => snap.gateways.find((g) => gatewayKey(g) === key),
    log: (l) => logs.push(l),
  });
});
afterAll(async () => {
  await plane?.stop();
  await echo?.stop();
});

/** shop.example.com's answer while the snapshot has no `field` (ReferenceGrants, EndpointSlices). */
async function getWithout(field: "grants" | "slices", url: string) {
  const kept = snap[field];
  snap = { ...snap, [field]: [] };
  try {
    return await get(url, "shop.example.com");
  } finally {
    snap = { ...snap, [field]: kept };
  }
}

function get(url: string, host: string) {
  const u = new URL(url);
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const r = request({ host: u.hostname, port: u.port, path: "/headers", headers: { host } }, (res) => {
      let body = "";
      res.on("data", (c) => {
        body += c;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    r.on("error", reject);
    r.end();
  });
}

describe("data plane", () => {
  it("serves each Gateway on its own loopback address and proxies with the route's filter", async () => {
    const gw = snap.gateways[0] as Gateway;
    const proxy = await plane.ensure(gw);
    expect(proxy.address).toMatch(/^127\.0\.\d+\.\d+$/);
    expect(proxy.url).toBe(`http://${proxy.address}:${proxy.ports.get(80)}`);
    const res = await get(proxy.url ?? "", "shop.example.com");
    expect(res.status).toBe(200);
    expect(res.headers["x-envoy-emulator"]).toBe("sandbox");
    const body = JSON.parse(res.body);
    expect(body.host).toBe("shop.example.com");
    expect(body.headers["X-Custom-Message"]).toEqual(["hello-kube-bind"]);
    expect(body.headers["X-Forwarded-Proto"]).toEqual(["http"]);
    expect(body.headers["X-Request-Id"]).toHaveLength(1);

    const other = structuredClone(gw);
    other.metadata.name = "other-gw";
    const second = await plane.ensure(other, undefined, new Set(["127.0.1.200"]));
    expect(second.address).not.toBe(proxy.address);
    expect(second.address).not.toBe("127.0.1.200");
    await plane.remove(gatewayKey(other));
  });

  it("answers 404 without a matching route, 500 for unusable backends, 503 without endpoints", async () => {
    const proxy = await plane.ensure(snap.gateways[0] as Gateway);
    const url = proxy.url ?? "";
    expect((await get(url, "nope.example.com")).status).toBe(404);

    const denied = await getWithout("grants", url);
    expect(denied.status).toBe(500);
    expect(denied.body).toContain("not permitted by any ReferenceGrant");

    const empty = await getWithout("slices", url);
    expect(empty.status).toBe(503);
    expect(empty.body).toContain("no healthy upstream");
    expect((await get(url, "shop.example.com")).status).toBe(200);
  });

  it("answers 500 for a header Envoy Gateway rejects or node:http cannot send, and keeps serving", async () => {
    const proxy = await plane.ensure(snap.gateways[0] as Gateway);
    const url = proxy.url ?? "";
    const header = snap.routes[0].spec.rules?.[0].filters?.[0].requestHeaderModifier?.add?.[0];
    if (!header) throw new Error("shop.yaml's route has no header to add");
    const original = { ...header };

    // A multi-line value (a ConfigMap value with a line break) once crashed the emulator. It is
    // the rule's only header, so Envoy Gateway reports that none is valid.
    header.value = "hello\nkube-bind";
    const multiLine = await get(url, "shop.example.com");
    expect(multiLine.status).toBe(500);
    expect(multiLine.body).toContain(
      "a filter of HTTPRoute team-a/shop-route is invalid: RequestHeaderModifier Filter did not provide valid configuration",
    );

    // Envoy Gateway only refuses '/', ':' and Host in names; node:http refuses more.
    Object.assign(header, { name: "X Custom", value: "hello" });
    const badName = await get(url, "shop.example.com");
    expect(badName.status).toBe(500);
    expect(badName.body).toContain("the request headers cannot be sent");

    Object.assign(header, original);
    expect((await get(url, "shop.example.com")).status).toBe(200);
  });
});
