// One proxied request through the emulated Envoy: pick the rule, resolve the backend to an
// EndpointSlice endpoint, apply the header filters and forward with node:http.

import { randomInt, randomUUID } from "node:crypto";
import { type IncomingMessage, request, type ServerResponse } from "node:http";
import { dialAddress } from "../../lib/network";
import { type Endpoint, endpointsFor, resolveBackendRef } from "./references";
import { applyHeaderModifier, headerListFromRaw, headerObject, selectRule, unsupportedFilter } from "./routing";
import type { BackendRef, Gateway, RouteFilter, Snapshot } from "./types";

const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "upgrade",
  "te",
  "trailer",
]);

export const EMULATOR_HEADER = "x-envoy-emulator";

export interface ProxyContext {
  /** The Gateway as currently cached, undefined once it is gone. */
  gateway(): Gateway | undefined;
  snapshot(): Snapshot;
  /** The Gateway listener port this server stands for (the real socket may differ, see data-plane.ts). */
  port: number;
  log(line: string): void;
}

function reply(res: ServerResponse, status: number, message: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", [EMULATOR_HEADER]: "sandbox" });
  res.end(`${message}\n`);
}

function pickWeighted(refs: BackendRef[]): BackendRef | undefined {
  const weighted = refs.map((r) => ({ r, w: r.weight ?? 1 })).filter((x) => x.w > 0);
  const total = weighted.reduce((n, x) => n + x.w, 0);
  if (total === 0) return undefined;
  let at = randomInt(total);
  for (const x of weighted) {
    if (at < x.w) return x.r;
    at -= x.w;
  }
  return undefined;
}

type Plan = { ok: false; status: number; message: string } | { ok: true; target: Endpoint; filters: RouteFilter[] };

/** Decides where a request goes, or which error Envoy would answer with. */
function plan(ctx: ProxyContext, gw: Gateway, req: IncomingMessage): Plan {
  const host = req.headers.host ?? "";
  const path = req.url ?? "/";
  const snap = ctx.snapshot();
  const sel = selectRule(gw, ctx.port, { host, path, method: req.method ?? "GET", headers: req.headers }, snap);
  const gwName = `${gw.metadata.namespace}/${gw.metadata.name}`;
  if (!sel) return { ok: false, status: 404, message: `no HTTPRoute of Gateway ${gwName} matches ${host}${path}` };
  const ref = pickWeighted(sel.rule.backendRefs ?? []);
  if (!ref) return { ok: false, status: 500, message: "the matching rule has no backendRefs with a weight above 0" };
  const routeNs = sel.route.metadata.namespace ?? "";
  const backend = resolveBackendRef(ref, routeNs, snap);
  if (!backend.ok) {
    const message = `backend of HTTPRoute ${routeNs}/${sel.route.metadata.name} is unusable: ${backend.detail}`;
    return { ok: false, status: 500, message };
  }
  const filters = [...(sel.rule.filters ?? []), ...(ref.filters ?? [])];
  const unsupported = unsupportedFilter(filters);
  if (unsupported) return { ok: false, status: 500, message: `filter ${unsupported} is not supported by the emulator` };
  const endpoints = endpointsFor(backend.service, backend.port, snap.slices);
  if (endpoints.length === 0) {
    return {
      ok: false,
      status: 503,
      message: `no healthy upstream: Service ${backend.namespace}/${ref.name} has no ready endpoints`,
    };
  }
  return { ok: true, target: endpoints[randomInt(endpoints.length)], filters };
}

export function handleRequest(ctx: ProxyContext, req: IncomingMessage, res: ServerResponse): void {
  const started = Date.now();
  const gw = ctx.gateway();
  const where = `${req.method} ${req.headers.host ?? ""}${req.url ?? "/"}`;
  const done = (status: number, what: string) =>
    ctx.log(`${gw?.metadata.namespace}/${gw?.metadata.name} ${where} → ${status} ${what} ${Date.now() - started}ms`);
  const fail = (status: number, message: string) => {
    req.resume();
    reply(res, status, message);
    done(status, message);
  };
  const p: Plan = gw ? plan(ctx, gw, req) : { ok: false, status: 404, message: "the Gateway no longer exists" };
  if (!p.ok) {
    fail(p.status, p.message);
    return;
  }
  const { target, filters } = p;

  const headers = headerListFromRaw(req.rawHeaders, HOP_BY_HOP);
  const client = req.socket.remoteAddress ?? "";
  const xff = headers.get("x-forwarded-for");
  headers.set("x-forwarded-for", {
    name: "X-Forwarded-For",
    values: [xff ? `${xff.values.join(", ")}, ${client}` : client],
  });
  headers.set("x-forwarded-proto", { name: "X-Forwarded-Proto", values: ["http"] });
  headers.set("x-envoy-external-address", { name: "X-Envoy-External-Address", values: [client] });
  if (!headers.has("x-request-id")) headers.set("x-request-id", { name: "X-Request-Id", values: [randomUUID()] });
  for (const f of filters) applyHeaderModifier(headers, f.requestHeaderModifier);

  // Endpoints are reached through the sandbox's emulated network only (loopback, never off-host).
  const host = dialAddress(target.address);
  if (!host) {
    fail(503, `upstream ${target.address}:${target.port} is not reachable from the sandbox network`);
    return;
  }
  const upstream = request(
    {
      host,
      port: target.port,
      method: req.method,
      path: req.url ?? "/",
      headers: headerObject(headers),
    },
    (up) => {
      const out = headerListFromRaw(up.rawHeaders, HOP_BY_HOP);
      for (const f of filters) applyHeaderModifier(out, f.responseHeaderModifier);
      out.set(EMULATOR_HEADER, { name: EMULATOR_HEADER, values: ["sandbox"] });
      res.writeHead(up.statusCode ?? 502, headerObject(out));
      up.pipe(res);
      up.on("end", () => done(up.statusCode ?? 0, `${target.address}:${target.port}`));
    },
  );
  upstream.on("error", (err) =>
    fail(
      503,
      `upstream connect error or disconnect/reset before headers (${target.address}:${target.port}): ${err.message}`,
    ),
  );
  req.pipe(upstream);
}
