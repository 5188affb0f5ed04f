// Helpers for cluster.test.ts: objects to create in the sandbox's provider cluster, readers for
// their status, and requests through the emulated data plane. Cleanups run via runCleanups().

import { randomBytes } from "node:crypto";
import { request } from "node:http";
import { APIS } from "../../../lib/k8s/apis";
import { type Condition, findCondition } from "../../../lib/k8s/condition";
import { type FreshNamespace, freshNamespace, kubeClient, waitFor } from "../../testing";
import { CONTROLLER_NAME, CONTROLLER_NAMESPACE, DATA_PLANE_URL_ANNOTATION, envoyInfraName } from "./naming";
import { Gateway, HTTPRoute, Service } from "./types";

export const GROUP = "gateway.networking.k8s.io";
export const rand = () => randomBytes(3).toString("hex");
const cleanups: (() => Promise<unknown>)[] = [];

export function onCleanup(fn: () => Promise<unknown>): void {
  cleanups.push(fn);
}

export async function runCleanups(): Promise<void> {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
}

export function client() {
  return kubeClient("provider");
}

/** Where a Gateway API object lives (the Services and namespaces are core). */
export const gwRef = (resource: string, namespace: string, name = "", version = "v1") => ({
  group: GROUP,
  version,
  resource,
  namespace,
  name,
});
const serviceRef = (namespace: string, name: string) => ({
  ...APIS.services,
  namespace,
  name,
});

export async function namespace(prefix: string): Promise<FreshNamespace> {
  const ns = await freshNamespace("provider", prefix);
  onCleanup(ns.cleanup);
  return ns;
}

export async function create(namespace: string, resource: string, body: Record<string, unknown>, version = "v1") {
  await (await client()).create(gwRef(resource, namespace, "", version), body);
}

export const getGateway = async (ns: string, name: string) =>
  Gateway.parse(await (await client()).get(gwRef("gateways", ns, name)));
export const getRoute = async (ns: string, name: string) =>
  HTTPRoute.parse(await (await client()).get(gwRef("httproutes", ns, name)));

/** Parent-status conditions written by our controller for the route, once there are any. */
export async function routeConditions(ns: string, name: string) {
  const route = await getRoute(ns, name);
  return route.status?.parents?.find((p) => p.controllerName === CONTROLLER_NAME)?.conditions;
}

/** Waits until the route's ResolvedRefs condition passes `check`; returns the route's conditions then. */
export function routeWhenResolvedRefs(ns: string, name: string, what: string, check: (c?: Condition) => boolean) {
  return waitFor(
    what,
    async () => {
      const conditions = await routeConditions(ns, name);
      return check(findCondition(conditions, "ResolvedRefs")) ? conditions : undefined;
    },
    { timeoutMs: 30_000 },
  );
}

export async function backendPort(): Promise<number> {
  const svc = Service.parse(await (await client()).get(serviceRef("default", "backend")));
  return svc.spec?.ports?.[0]?.port ?? 30080;
}

export function gatewayBody(name: string, host: string) {
  return {
    apiVersion: `${GROUP}/v1`,
    kind: "Gateway",
    metadata: { name },
    spec: { gatewayClassName: "eg", listeners: [{ name: "http", protocol: "HTTP", port: 80, hostname: host }] },
  };
}

export function routeBody(name: string, gateway: string, host: string, port: number, message: string) {
  return {
    apiVersion: `${GROUP}/v1`,
    kind: "HTTPRoute",
    metadata: { name },
    spec: {
      parentRefs: [{ name: gateway }],
      hostnames: [host],
      rules: [
        {
          backendRefs: [{ name: "backend", namespace: "default", port }],
          filters: [
            {
              type: "RequestHeaderModifier",
              requestHeaderModifier: { add: [{ name: "X-Custom-Message", value: message }] },
            },
          ],
        },
      ],
    },
  };
}

export async function grantFrom(fromNs: string) {
  const name = `eg-test-${fromNs}`.slice(0, 63);
  await create(
    "default",
    "referencegrants",
    {
      apiVersion: `${GROUP}/v1beta1`,
      kind: "ReferenceGrant",
      metadata: { name },
      spec: { from: [{ group: GROUP, kind: "HTTPRoute", namespace: fromNs }], to: [{ group: "", kind: "Service" }] },
    },
    "v1beta1",
  );
  const remove = async () => (await client()).delete(gwRef("referencegrants", "default", name, "v1beta1"));
  onCleanup(remove);
  return remove;
}

/** Waits for Programmed=True and returns the Gateway's address and the data-plane URL. */
export async function programmed(ns: string, gw: string) {
  const gateway = await waitFor(
    `Gateway ${ns}/${gw} Programmed`,
    async () => {
      const g = await getGateway(ns, gw);
      return findCondition(g.status?.conditions, "Programmed")?.status === "True" && g.status?.addresses?.length
        ? g
        : undefined;
    },
    { timeoutMs: 60_000 },
  );
  const svc = Service.parse(await (await client()).get(serviceRef(CONTROLLER_NAMESPACE, envoyInfraName(ns, gw))));
  return { gateway, svc, url: svc.metadata.annotations?.[DATA_PLANE_URL_ANNOTATION] ?? "" };
}

export function get(url: string, host: string): Promise<{ status: number; body: string }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const r = request({ host: u.hostname, port: u.port || 80, path: "/headers", headers: { host } }, (res) => {
      let body = "";
      res.on("data", (c) => {
        body += c;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    r.on("error", reject);
    r.end();
  });
}

/** Polls the data plane until the echo backend answers for `host`; returns the echoed request. */
export async function echoThrough(url: string, host: string) {
  const res = await waitFor(
    `echo through ${url} for ${host}`,
    async () => {
      const r = await get(url, host);
      return r.status === 200 ? r : undefined;
    },
    { timeoutMs: 30_000 },
  );
  return JSON.parse(res.body) as { host: string; headers: Record<string, string[]> };
}
