import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { randomSuffix } from "../../test-support/k8s";
import {
  collector,
  createTestLoadBalancer,
  type LiveWorld,
  openSubscriptions,
  ref,
  removeTestLoadBalancer,
  startLiveWorld,
  TEST_API,
  TEST_ROLE,
  until,
} from "../../test-support/live";
import { connectionVia, eventually, startTcpProxy } from "../../test-support/watch";
import { APIS } from "../k8s/apis";
import { KubeClient } from "../k8s/client";
import { asUser } from "../k8s/types";
import { defaultListRequest } from "../live-wire/list-page";
import { liveSub } from "../live-wire/live-protocol";
import { log } from "../log";
import type { LiveContext } from "./context";
import { subscribeDashboard, subscribeList } from "./dashboard";
import { subscribeLoadBalancer } from "./loadbalancer";
import { sharedViews } from "./shared-views";
import type { DashboardView, ListView, LoadBalancerView } from "./types";

const alice = { user: "alice@example.com", groups: ["team-a"] };
const carol = { user: "carol@example.com", groups: ["team-a"] };
const bob = { user: "bob@example.com", groups: ["team-b"] };
const admin = { user: "admin@example.com", groups: ["platform-admins"] };

const r = randomSuffix();
const name = `lt-${r}`;
let world: LiveWorld;
let ctx: LiveContext;
const info = vi.spyOn(log, "info");
const subscriptions = openSubscriptions();
const keep = subscriptions.keep;

const stageState = (v: LoadBalancerView | undefined, id: string) => v?.status?.stages.find((s) => s.id === id)?.state;

beforeAll(async () => {
  world = await startLiveWorld();
  ctx = world.context();
  await createTestLoadBalancer(world, alice, name, "live");
});

afterAll(async () => {
  subscriptions.closeAll();
  await removeTestLoadBalancer(world, name);
  await world.close();
});

describe("live LoadBalancer status", () => {
  it("follows alice's LoadBalancer from the request to Ready", async () => {
    const c = collector<LoadBalancerView>();
    keep(await subscribeLoadBalancer(alice, { namespace: "default", name }, c.onUpdate, ctx));
    await eventually("waiting for the konnector", () => stageState(c.latest(), "synced") === "in-progress");

    await world.copyToProvider(name);
    await eventually("provider side done", () => stageState(c.latest(), "address") === "done", 30_000);
    const view = c.latest();
    expect(view?.tenancy).toEqual({
      clusterNamespace: world.clusterNamespace,
      providerNamespace: world.providerNamespace,
    });
    expect(view?.objects.provider.gateway?.metadata.name).toBe(`${name}-gw`);
    expect(view?.objects.provider.envoyService?.metadata.namespace).toBe("envoy-gateway-system");
    expect(view?.status?.ready).toBe(false);

    await eventually("kro Ready on the provider", () => stageState(c.latest(), "ready") === "in-progress", 30_000);
    await world.copyStatusBack(name);
    await eventually("ready", () => c.latest()?.status?.ready === true, 30_000);
    expect(c.latest()?.status?.summary).toMatch(new RegExp(`^Ready: ${name}.example.com is served at `));
    expect(c.latest()?.health.provider.state).toBe("connected");
  });

  it("shares one apiserver watch per resource among 20 subscribers of the same LoadBalancer", async () => {
    const collectors = Array.from({ length: 20 }, () => collector<LoadBalancerView>());
    for (const [i, c] of collectors.entries())
      keep(await subscribeLoadBalancer(i % 2 ? carol : alice, { namespace: "default", name }, c.onUpdate, ctx));
    await eventually("all 20 see it Ready", () => collectors.every((c) => c.latest()?.status?.ready === true));

    // alice and carol have the same rights: all of them (and the first test's) share ONE view,
    // which joins each stream once.
    const shared = sharedViews(ctx)
      .inspect()
      .filter((v) => v.id.startsWith(`${liveSub.loadBalancer("default", name)}\n`));
    expect(shared).toEqual([expect.objectContaining({ viewers: 21, identities: 2 })]);
    const streams = ctx.hub.stats().filter((s) => s.subscribers >= 1);
    // LoadBalancers, ConfigMaps and Events on the consumer; namespaces, RGDs, Envoy Services and per
    // tenant namespace LoadBalancers, ConfigMaps, Gateways, HTTPRoutes, Events, ReferenceGrants and
    // the ClusterBinding on the provider.
    expect(streams.length).toBeGreaterThanOrEqual(13);
    for (const s of streams) expect(s, s.id).toMatchObject({ watchRequests: 1, lists: 1 });
    // The portal's own log: one watch call per stream, however many subscribers.
    const watches = new Map<string, number>();
    for (const [line] of info.mock.calls) {
      const k8s = (line as { k8s?: { verb?: string; cluster?: string; resource?: string; namespace?: string } }).k8s;
      if (k8s?.verb !== "watch") continue;
      const id = `${k8s.cluster}/${k8s.resource}/${k8s.namespace ?? "*"}`;
      watches.set(id, (watches.get(id) ?? 0) + 1);
    }
    expect(watches.get("consumer/live-test.kube-bind.io/loadbalancers/default")).toBe(1);
    expect(watches.get(`provider/gateway.networking.k8s.io/gateways/${world.providerNamespace}`)).toBe(1);
    expect(watches.get(`provider/networking.kro.run/loadbalancers/${world.providerNamespace}`)).toBe(1);
    for (const s of streams) {
      const id = `${s.key.cluster}/${[s.key.group, s.key.resource].filter(Boolean).join("/")}/${s.key.namespace ?? "*"}`;
      expect(watches.get(id), id).toBe(1);
    }
  });

  it("refuses bob's subscription to alice's LoadBalancer before it touches a stream", async () => {
    const before = ctx.hub.stats().length;
    const c = collector<LoadBalancerView>();
    const result = await subscribeLoadBalancer(bob, { namespace: "default", name }, c.onUpdate, ctx);
    expect(result).toMatchObject({ ok: false, error: { status: 403, reason: "Forbidden", cluster: "consumer" } });
    expect(ctx.hub.stats().length).toBe(before);
    expect(c.updates).toEqual([]);
  });

  it("lists alice's LoadBalancer on her list and overview, not on bob's; admins see the provider side", async () => {
    const mine = collector<ListView>();
    const overview = collector<DashboardView>();
    const bobs = collector<ListView>();
    const admins = collector<DashboardView>();
    keep(await subscribeList(alice, defaultListRequest, mine.onUpdate, ctx));
    keep(await subscribeDashboard(alice, overview.onUpdate, ctx));
    keep(await subscribeList(bob, defaultListRequest, bobs.onUpdate, ctx));
    keep(await subscribeDashboard(admin, admins.onUpdate, ctx));
    const row = await eventually("alice's row", () => mine.latest()?.rows.find((x) => x.name === name));
    expect(row).toMatchObject({ namespace: "default", state: "ACTIVE", ready: "True", current: { id: "ready" } });
    expect(mine.latest()?.namespaces).toEqual(expect.arrayContaining(["default", "team-a"]));
    const counted = await eventually("alice's overview", () => overview.latest());
    expect(counted.total).toBeGreaterThanOrEqual(1);
    expect(counted.counts.ready).toBeGreaterThanOrEqual(1);
    expect(counted).not.toHaveProperty("rows");
    expect(counted.providerRows).toBeUndefined();
    const bobView = await eventually("bob's list", () => bobs.latest());
    expect(bobView.namespaces).toEqual(["team-b"]);
    expect(bobView.rows.some((x) => x.name === name)).toBe(false);
    const copy = await eventually("admin's provider row", () =>
      admins.latest()?.providerRows?.find((x) => x.name === name),
    );
    expect(copy).toMatchObject({ namespace: world.providerNamespace, clusterNamespace: world.clusterNamespace });
  });

  it("shows Events about the LoadBalancer's objects from both clusters, and only those", async () => {
    const c = collector<LoadBalancerView>();
    keep(await subscribeLoadBalancer(alice, { namespace: "default", name }, c.onUpdate, ctx));
    const event = (kind: string, objName: string, namespace: string, message: string) => ({
      apiVersion: "v1",
      kind: "Event",
      metadata: { generateName: "live-" },
      involvedObject: { kind, name: objName, namespace },
      reason: "Test",
      message,
      type: "Warning",
    });
    await world.consumerAdmin.create(
      ref(APIS.events, "default"),
      event("LoadBalancer", name, "default", "on the consumer"),
    );
    await world.consumerAdmin.create(
      ref(APIS.events, "default"),
      event("LoadBalancer", "other", "default", "unrelated"),
    );
    const ns = world.providerNamespace;
    await world.providerAdmin.create(ref(APIS.events, ns), event("Gateway", `${name}-gw`, ns, "on the provider"));
    const events = await eventually("both events", () => {
      const list = c.latest()?.events ?? [];
      return list.length >= 2 ? list : undefined;
    });
    expect(events.map((e) => `${e.cluster}:${e.message}`).sort()).toEqual([
      "consumer:on the consumer",
      "provider:on the provider",
    ]);
  });

  it("reports a provider outage in the view and recovers with what changed meanwhile", async () => {
    const proxy = await startTcpProxy(world.providerPortal.conn.server);
    const viaProxy = world.context({ providerConnection: connectionVia(world.providerPortal.conn, proxy.url) });
    const c = collector<LoadBalancerView>();
    keep(await subscribeLoadBalancer(alice, { namespace: "default", name }, c.onUpdate, viaProxy));
    await eventually("ready through the proxy", () => c.latest()?.status?.ready === true, 30_000);

    await proxy.stop();
    await eventually("outage shown", () => c.latest()?.health.provider.state === "reconnecting", 30_000);
    expect(c.latest()?.health.consumer.state).toBe("connected");
    const ns = world.providerNamespace;
    await world.providerAdmin.create(ref(APIS.events, ns), {
      apiVersion: "v1",
      kind: "Event",
      metadata: { generateName: "outage-" },
      involvedObject: { kind: "HTTPRoute", name: `${name}-route`, namespace: ns },
      reason: "Test",
      message: "during the outage",
      type: "Normal",
    });
    await proxy.start();
    await eventually("recovered", () => c.latest()?.health.provider.state === "connected", 30_000);
    await eventually("missed event shown", () => c.latest()?.events.some((e) => e.message === "during the outage"));
    await proxy.stop();
  });

  it("ends a subscription whose rights are withdrawn", async () => {
    const rb = { group: "rbac.authorization.k8s.io", version: "v1", resource: "rolebindings" };
    const binding = `live-test-dave-${r}`;
    await world.consumerAdmin.create(ref(rb, "default"), {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "RoleBinding",
      metadata: { name: binding },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: TEST_ROLE },
      subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "User", name: "dave@example.com" }],
    });
    const dave = { user: "dave@example.com", groups: [] };
    const asDave = new KubeClient(world.consumerPortal.conn, asUser(dave.user, dave.groups));
    const daveMay = () =>
      asDave.can({ verb: "watch", group: TEST_API.group, resource: TEST_API.resource, namespace: "default" });
    await until("dave's RoleBinding is in effect", daveMay);
    const fast = world.context({ reauthorizeMs: 200 });
    const c = collector<LoadBalancerView>();
    keep(await subscribeLoadBalancer(dave, { namespace: "default", name }, c.onUpdate, fast));
    await eventually("dave sees it", () => c.latest()?.found === true, 30_000);
    await world.consumerAdmin.delete(ref(rb, "default", binding));
    const revoked = await eventually("revoked", () => c.updates.find((u) => u.type === "revoked"));
    expect(revoked).toMatchObject({ error: { status: 403, reason: "Forbidden" } });
  });
});
