// The emulated Envoy Gateway control plane: every change to a watched object schedules one
// level-triggered pass over all objects (the sandbox holds a handful), which writes statuses
// through the status subresource only when they differ apart from timestamps.
import type { KubeClient } from "../../../lib/k8s/client";
import { isConflict } from "../../../lib/k8s/errors";
import { equalIgnoringTimes } from "./conditions";
import { type DataPlane, type GatewayProxy, gatewayKey } from "./data-plane";
import { type Caches, describeError } from "./informers";
import { deleteProxyService, desiredService, ensureNamespace, ensureProxyService, serviceAddresses } from "./infra";
import { programmedPorts } from "./listeners";
import { CONTROLLER_NAMESPACE, OWNING_GATEWAY } from "./naming";
import { gatewayClassStatus, gatewayStatusFrom, isOurClass, ourGateways, routeParentsFrom } from "./status";
import { type Translation, translate } from "./translate";
import type { Gateway, GatewayClass, HTTPRoute, Service } from "./types";

const GROUP = "gateway.networking.k8s.io";
const RESYNC_MS = 30_000;
const MAX_BACKOFF_MS = 10_000;

/** metav1.Time has second precision; sub-second stamps would never compare equal after a round trip. */
const nowRfc3339 = () => new Date().toISOString().replace(/\.\d+Z$/, "Z");

export interface ControllerDeps {
  client: KubeClient;
  caches: Caches;
  dataPlane: DataPlane;
  log(line: string): void;
}

export class Controller {
  private dirty = false;
  private running: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private backoff = 0;
  private stopped = false;
  private namespaceReady = false;

  constructor(private readonly d: ControllerDeps) {}

  /** Marks the world as changed; passes never overlap, changes during a pass cause another. */
  schedule(delayMs = 10): void {
    if (this.stopped) return;
    this.dirty = true;
    if (this.running) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.loop().finally(() => {
        this.running = undefined;
        if (this.dirty) this.schedule();
      });
    }, delayMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private async loop(): Promise<void> {
    while (this.dirty && !this.stopped) {
      this.dirty = false;
      let ok = false;
      try {
        ok = await this.pass();
      } catch (err) {
        this.d.log(`reconcile failed: ${describeError(err)}`);
      }
      if (this.stopped) return;
      if (!ok) {
        this.backoff = Math.min(MAX_BACKOFF_MS, this.backoff ? this.backoff * 2 : 250);
        this.timer = setTimeout(() => this.schedule(0), this.backoff);
        return;
      }
      this.backoff = 0;
    }
    if (!this.stopped) this.timer = setTimeout(() => this.schedule(0), RESYNC_MS);
  }

  /** One pass over everything; false when something failed and a retry is due. */
  private async pass(): Promise<boolean> {
    const snap = this.d.caches.snapshot();
    const now = nowRfc3339();
    let ok = true;
    const attempt = async (what: string, fn: () => Promise<unknown>) => {
      try {
        await fn();
      } catch (err) {
        ok = false;
        if (!isConflict(err)) this.d.log(`${what}: ${describeError(err)}`);
      }
    };

    for (const gc of snap.classes.filter(isOurClass)) {
      await attempt(`GatewayClass ${gc.metadata.name}`, () => this.writeClass(gc, now));
    }

    const gateways = ourGateways(snap);
    // One translation per pass: attached routes and route overlaps depend on all objects at once.
    const translation = translate(gateways, snap);
    const proxies = snap.services.filter(
      (s) => s.metadata.namespace === CONTROLLER_NAMESPACE && s.metadata.labels?.[OWNING_GATEWAY.name] !== undefined,
    );
    const ownerKey = (s: Service) =>
      `${s.metadata.labels?.[OWNING_GATEWAY.namespace]}/${s.metadata.labels?.[OWNING_GATEWAY.name]}`;
    const recorded = new Map(proxies.map((s) => [ownerKey(s), serviceAddresses(s)[0]?.value]));

    if (gateways.length > 0 && !this.namespaceReady) {
      await attempt("namespace", async () => {
        await ensureNamespace(this.d.client);
        this.namespaceReady = true;
      });
    }
    for (const gw of gateways) {
      await attempt(`Gateway ${gatewayKey(gw)}`, () =>
        this.reconcileGateway(gw, translation, snap.classes, proxies, recorded, now),
      );
    }

    // Proxy objects of Gateways that are gone (Envoy Gateway's DeleteProxyInfra).
    const live = new Set(gateways.map(gatewayKey));
    for (const svc of proxies.filter((s) => !live.has(ownerKey(s)))) {
      await attempt(`delete Service ${svc.metadata.name}`, async () => {
        await deleteProxyService(this.d.client, svc.metadata.name);
        this.d.log(`deleted proxy Service ${svc.metadata.name} of ${ownerKey(svc)}`);
      });
    }
    for (const key of this.d.dataPlane.keys().filter((k) => !live.has(k))) await this.d.dataPlane.remove(key);

    for (const route of snap.routes) {
      const parents = routeParentsFrom(translation, route, now);
      if (parents && !equalIgnoringTimes(route.status?.parents ?? [], parents)) {
        await attempt(`HTTPRoute ${route.metadata.namespace}/${route.metadata.name}`, () =>
          this.writeRoute(route, parents),
        );
      }
    }
    return ok;
  }

  private async reconcileGateway(
    gw: Gateway,
    translation: Translation,
    classes: GatewayClass[],
    proxies: Service[],
    recorded: Map<string, string | undefined>,
    now: string,
  ): Promise<void> {
    const key = gatewayKey(gw);
    const others = new Set([...recorded].filter(([k, ip]) => k !== key && ip).map(([, ip]) => ip as string));
    let proxy: GatewayProxy | undefined;
    try {
      proxy = await this.d.dataPlane.ensure(gw, recorded.get(key), others);
    } catch (err) {
      this.d.log(`data plane for ${key}: ${describeError(err)}`);
    }
    const gc = classes.find((c) => c.metadata.name === gw.spec.gatewayClassName) as GatewayClass;
    let addresses = serviceAddresses(
      proxies.find(
        (s) =>
          s.metadata.labels?.[OWNING_GATEWAY.name] === gw.metadata.name &&
          s.metadata.labels?.[OWNING_GATEWAY.namespace] === gw.metadata.namespace,
      ),
    );
    // A Service needs ports: without a programmed listener Envoy Gateway's Service write fails too.
    const ports = programmedPorts(gw);
    if (proxy && ports.length > 0) {
      const want = desiredService(gw, gc, proxy, ports);
      const existing = proxies.find((s) => s.metadata.name === want.metadata?.name);
      const svc = await ensureProxyService(this.d.client, existing, want, proxy.address);
      addresses = serviceAddresses(svc);
    }
    const proxyReady = !!proxy && proxy.ports.size === ports.length;
    const status = gatewayStatusFrom(translation, gw, { addresses, proxyReady, now });
    if (equalIgnoringTimes(gw.status, status)) return;
    await this.writeStatus("gateways", { ...gw, apiVersion: `${GROUP}/v1`, kind: "Gateway", status });
  }

  private async writeClass(gc: GatewayClass, now: string): Promise<void> {
    const status = gatewayClassStatus(gc, now);
    if (equalIgnoringTimes(gc.status, status)) return;
    await this.writeStatus("gatewayclasses", { ...gc, apiVersion: `${GROUP}/v1`, kind: "GatewayClass", status });
  }

  private async writeRoute(route: HTTPRoute, parents: NonNullable<HTTPRoute["status"]>["parents"]): Promise<void> {
    const status = { ...route.status, parents };
    await this.writeStatus("httproutes", { ...route, apiVersion: `${GROUP}/v1`, kind: "HTTPRoute", status });
  }

  /** Replaces the status subresource: the resourceVersion sent makes a stale write a conflict. */
  private async writeStatus(
    resource: string,
    body: { metadata: { name: string; namespace?: string }; [field: string]: unknown },
  ) {
    const { name, namespace } = body.metadata;
    await this.d.client.update({ group: GROUP, version: "v1", resource, namespace, name, subresource: "status" }, body);
  }
}
