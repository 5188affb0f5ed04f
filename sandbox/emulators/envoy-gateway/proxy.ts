// One proxied request through the emulated Envoy: pick the rule, resolve the backend to an
// EndpointSlice endpoint, apply the header filters and forward with node:http.

import { randomInt, randomUUID } from "node:crypto";
import { type ClientRequest, type IncomingMessage, request, type ServerResponse } from "node:http";
import { dialAddress } from "../../lib/network";
import { compileHeaderFilters, type HeaderOps } from "./header-filters";
import { type Endpoint, resolveBackendRef } from "./references";
import { applyHeaderOps, headerListFromRaw, headerObject, selectRule, unsupportedFilter } from "./routing";
import type { BackendRef, Gateway, Snapshot } from "./types";

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

type Plan =
  | { ok: false; status: number; message: string }
  | { ok: true; target: Endpoint; request: HeaderOps[]; response: HeaderOps[] };

/** Decides where a request goes, or which error Envoy would answer with. */
function plan(ctx: ProxyContext, gw: Gateway, req: IncomingMessage): Plan {
  const host = req.headers.host ?? "";
  const path = req.url ?? "/";
  const snap = ctx.snapshot();
  const sel = selectRule(gw, ctx.port, { host, path, method: req.method ?? "GET", headers: req.headers }, snap);
  const gwName = `${gw.metadata.namespace}/${gw.metadata.name}`;
  if (!sel) return { ok: false, status: 404, message: `no HTTPRoute of Gateway ${gwName} matches ${host}${path}` };
  const routeName = `${sel.route.metadata.namespace}/${sel.route.metadata.name}`;
  // Envoy Gateway answers 500 for a rule whose filters it rejected (the route's Accepted condition says why).
  const rule = compileHeaderFilters(sel.rule.filters);
  if (rule.error)
    return { ok: false, status: 500, message: `a filter of HTTPRoute ${routeName} is invalid: ${rule.error}` };
  const ref = pickWeighted(sel.rule.backendRefs ?? []);
  if (!ref) return { ok: false, status: 500, message: "the matching rule has no backendRefs with a weight above 0" };
  const unsupported = unsupportedFilter([...(sel.rule.filters ?? []), ...(ref.filters ?? [])]);
  if (unsupported) return { ok: false, status: 500, message: `filter ${unsupported} is not supported by the emulator` };
  const backend = resolveBackendRef(ref, sel.route.metadata.namespace ?? "", snap);
  if (!backend.ok && backend.condition === "BackendsAvailable") {
    return { ok: false, status: 503, message: `no healthy upstream: ${backend.detail}` };
  }
  if (!backend.ok)
    return { ok: false, status: 500, message: `backend of HTTPRoute ${routeName} is unusable: ${backend.detail}` };
  if (backend.endpoints.length === 0) {
    return {
      ok: false,
      status: 503,
      message: `no healthy upstream: Service ${backend.namespace}/${ref.name} has no ready endpoints`,
    };
  }
  const own = compileHeaderFilters(ref.filters);
  return {
    ok: true,
    target: backend.endpoints[randomInt(backend.endpoints.length)],
    request: [rule.request, own.request],
    response: [rule.response, own.response],
  };
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
  const { target } = p;

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
  for (const ops of p.request) applyHeaderOps(headers, ops);

  // Endpoints are reached through the sandbox's emulated network only (loopback, never off-host).
  const host = dialAddress(target.address);
  if (!host) {
    fail(503, `upstream ${target.address}:${target.port} is not reachable from the sandbox network`);
    return;
  }
  // Headers the filters passed are valid for Envoy; anything node:http still refuses (a name that
  // is no HTTP token, from a backend's response) becomes a 500/502 answer, never a thrown error.
  let upstream: ClientRequest;
  try {
    upstream = request(
      { host, port: target.port, method: req.method, path: req.url ?? "/", headers: headerObject(headers) },
      (up) => {
        const out = headerListFromRaw(up.rawHeaders, HOP_BY_HOP);
        for (const ops of p.response) applyHeaderOps(out, ops);
        out.set(EMULATOR_HEADER, { name: EMULATOR_HEADER, values: ["sandbox"] });
        try {
          res.writeHead(up.statusCode ?? 502, headerObject(out));
        } catch (err) {
          up.resume();
          fail(502, `the response headers cannot be sent: ${(err as Error).message}`);
          return;
        }
        up.pipe(res);
        up.on("end", () => done(up.statusCode ?? 0, `${target.address}:${target.port}`));
      },
    );
  } catch (err) {
    fail(500, `the request headers cannot be sent: ${(err as Error).message}`);
    return;
  }
  upstream.on("error", (err) =>
    fail(
      503,
      `upstream connect error or disconnect/reset before headers (${target.address}:${target.port}): ${err.message}`,
    ),
  );
  req.pipe(upstream);
}
