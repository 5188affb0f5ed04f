import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { randomSuffix, readSandboxState, sandboxClient } from "../../test-support/k8s";
import { compactEtcd, connectionVia, eventually, startTcpProxy, type TcpProxy } from "../../test-support/watch";
import { log } from "../log";
import type { KubeClient } from "./client";
import { asUser, type KubeObject, PORTAL } from "./types";
import { WatchHub, type WatchHubOptions } from "./watch-hub";
import type { StreamKey, WatchEvent } from "./watch-types";

const alice = asUser("alice@example.com", ["team-a"]);
const carol = asUser("carol@example.com", ["team-a"]);
const bob = asUser("bob@example.com", ["team-b"]);
const configmaps = (cluster: "provider" | "consumer", namespace: string): StreamKey => ({
  cluster,
  group: "",
  version: "v1",
  resource: "configmaps",
  namespace,
});

function recorder() {
  const events: WatchEvent[] = [];
  const names = (type: WatchEvent["type"]) =>
    events.flatMap((e) => (e.type === type && "object" in e ? [e.object.metadata.name] : []));
  return {
    events,
    listener: (e: WatchEvent) => events.push(e),
    names,
    synced: () => events.some((e) => e.type === "sync"),
  };
}

const cm = (name: string, data: Record<string, string> = {}) => ({
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: { name },
  data,
});

let admin: KubeClient;
let portal: KubeClient;
let consumerAdmin: KubeClient;
let consumerPortal: KubeClient;
const ns = `hub-${randomSuffix()}`;
const hubs: WatchHub[] = [];
const proxies: TcpProxy[] = [];

function newHub(connect: WatchHubOptions["connect"]) {
  const hub = new WatchHub({ connect, idleGraceMs: 200, backoff: { initialMs: 100, maxMs: 1_000 } });
  hubs.push(hub);
  return hub;
}

beforeAll(async () => {
  admin = await sandboxClient("provider", "admin");
  portal = await sandboxClient("provider", "portal");
  consumerAdmin = await sandboxClient("consumer", "admin");
  consumerPortal = await sandboxClient("consumer", "portal");
  await admin.create({ group: "", version: "v1", resource: "namespaces" }, { metadata: { name: ns } });
});

afterEach(async () => {
  for (const hub of hubs.splice(0)) hub.close();
  for (const proxy of proxies.splice(0)) await proxy.stop();
  vi.restoreAllMocks();
});

afterAll(async () => {
  await admin.delete({ group: "", version: "v1", resource: "namespaces", name: ns });
});

describe("watch hub", () => {
  it("shares one upstream list and watch among 20 subscribers and closes it after the grace period", async () => {
    const info = vi.spyOn(log, "info");
    const hub = newHub(async () => portal.conn);
    const key = configmaps("provider", ns);
    const recs = Array.from({ length: 20 }, recorder);
    const subs = recs.map((r) => hub.subscribe(key, PORTAL, r.listener));
    await eventually("every subscriber synced", () => recs.every((r) => r.synced()));

    await admin.create({ ...key, namespace: ns }, cm("shared"));
    await eventually("every subscriber saw the new ConfigMap", () =>
      recs.every((r) => r.names("added").includes("shared")),
    );

    const [stats] = hub.stats();
    expect(hub.stats()).toHaveLength(1);
    expect(stats).toMatchObject({ subscribers: 20, watchRequests: 1, lists: 1, relists: 0, carrier: "portal" });
    const watchLines = info.mock.calls.filter(([line]) => {
      const k8s = (line as { k8s?: { verb?: string; namespace?: string } }).k8s;
      return k8s?.verb === "watch" && k8s.namespace === ns;
    });
    expect(watchLines).toHaveLength(1);

    // A late subscriber gets the snapshot without any new upstream request.
    const late = recorder();
    subs.push(hub.subscribe(key, PORTAL, late.listener));
    await eventually("late subscriber synced", () => late.synced());
    const sync = late.events.find((e) => e.type === "sync") as { objects: KubeObject[] };
    expect(sync.objects.map((o) => o.metadata.name)).toContain("shared");
    expect(hub.stats()[0]).toMatchObject({ watchRequests: 1, lists: 1 });

    for (const s of subs) s.close();
    expect(hub.stats()).toHaveLength(1); // still open during the grace period
    await eventually("stream closed", () => hub.stats().length === 0);
  });

  it("caches listed and watched objects without managedFields or the kubectl annotation", async () => {
    const hub = newHub(async () => portal.conn);
    const key = configmaps("provider", ns);
    const name = `trim-${randomSuffix()}`;
    const applied = (v: string) => ({ "kubectl.kubernetes.io/last-applied-configuration": v, team: "a" });
    await admin.create(key, { ...cm(name), metadata: { name, annotations: applied("{}") } });
    const r = recorder();
    const sub = hub.subscribe(key, PORTAL, r.listener);
    await eventually("synced", () => r.synced());
    await admin.mergePatch({ ...key, name }, { metadata: { annotations: applied('{"v":2}') }, data: { v: "2" } });
    await eventually("the change arrived", () => r.names("modified").includes(name));

    const sync = r.events.find((e) => e.type === "sync") as { objects: KubeObject[] };
    const modified = r.events.find((e) => e.type === "modified") as { object: KubeObject };
    const listed = sync.objects.find((o) => o.metadata.name === name);
    const cached = sub.objects().find((o) => o.metadata.name === name);
    for (const o of [listed, modified.object, cached]) {
      expect(o?.metadata).not.toHaveProperty("managedFields");
      expect(o?.metadata.annotations).toEqual({ team: "a" });
    }
    // The apiserver does send them: the trimming is the portal's.
    const direct = await admin.get({ ...key, name });
    expect(direct.metadata).toHaveProperty("managedFields");
    sub.close();
  });

  it("runs a consumer stream as one authorized subscriber and hands over when it leaves", async () => {
    const hub = newHub(async () => consumerPortal.conn);
    const key = configmaps("consumer", "team-a");
    const a = recorder();
    const c = recorder();
    const aliceSub = hub.subscribe(key, alice, a.listener);
    await eventually("alice synced", () => a.synced());
    const carolSub = hub.subscribe(key, carol, c.listener);
    await eventually("carol synced", () => c.synced());
    expect(hub.stats()[0]).toMatchObject({ carrier: "user:alice@example.com:team-a", lists: 1, watchRequests: 1 });

    aliceSub.close();
    await eventually("carol carries the stream", () => hub.stats()[0].carrier === "user:carol@example.com:team-a");
    await eventually("re-watched as carol", () => hub.stats()[0].watchRequests === 2);
    const name = `handover-${randomSuffix()}`;
    await consumerAdmin.create(key, cm(name));
    await eventually("carol sees changes after the hand-over", () => c.names("added").includes(name));
    expect(hub.stats()[0]).toMatchObject({ lists: 1, relists: 0 });

    // Rejoining within the grace period reuses the store and runs as the new subscriber.
    carolSub.close();
    const again = recorder();
    const aliceAgain = hub.subscribe(key, alice, again.listener);
    await eventually("snapshot from the store", () => again.synced());
    await eventually("alice carries it again", () => hub.stats()[0].carrier === "user:alice@example.com:team-a");
    expect(hub.stats()[0]).toMatchObject({ lists: 1, relists: 0 });
    aliceAgain.close();
    await consumerAdmin.delete({ ...key, name });
  });

  it("revokes a subscriber whose identity the apiserver refuses, and closes the stream", async () => {
    const hub = newHub(async () => consumerPortal.conn);
    const b = recorder();
    hub.subscribe(configmaps("consumer", "team-a"), bob, b.listener);
    const revoked = await eventually("bob revoked", () => b.events.find((e) => e.type === "revoked"));
    expect(revoked).toMatchObject({ error: { status: 403, reason: "Forbidden", cluster: "consumer" } });
    expect(b.synced()).toBe(false);
    expect(hub.stats()).toHaveLength(0);
  });

  it("relists after 410 Gone and emits only the differences", async () => {
    const state = readSandboxState();
    const proxy = await startTcpProxy(portal.conn.server);
    proxies.push(proxy);
    const hub = newHub(async () => connectionVia(portal.conn, proxy.url));
    // Events are served without the apiserver's watch cache, so compaction expires resumed watches.
    const key: StreamKey = { cluster: "provider", group: "", version: "v1", resource: "events", namespace: ns };
    const event = (name: string, message: string) => ({
      apiVersion: "v1",
      kind: "Event",
      metadata: { name },
      involvedObject: { kind: "ConfigMap", name: "x", namespace: ns, apiVersion: "v1" },
      reason: "Test",
      message,
      type: "Normal",
    });
    for (const n of ["keep", "change", "drop"]) await admin.create(key, event(n, "first"));
    const r = recorder();
    const sub = hub.subscribe(key, PORTAL, r.listener);
    await eventually("synced", () => r.synced());
    await eventually("watching", () => sub.health().state === "connected");

    await proxy.stop();
    await eventually("outage noticed", () => hub.stats()[0].health.state === "reconnecting", 30_000);
    const changed = await admin.get({ ...key, name: "change" });
    await admin.update({ ...key, name: "change" }, { ...changed, message: "second" });
    await admin.delete({ ...key, name: "drop" });
    await admin.create(key, event("new", "first"));
    await compactEtcd(state.clusters.provider.etcd);
    await proxy.start();

    await eventually("relisted", () => hub.stats()[0].relists === 1, 30_000);
    const deltas = r.events.filter((e) => e.type === "added" || e.type === "modified" || e.type === "deleted");
    const summary = deltas.map((e) => `${e.type}:${(e as { object: KubeObject }).object.metadata.name}`).sort();
    expect(summary).toEqual(["added:new", "deleted:drop", "modified:change"]);
    expect(hub.stats()[0].health.state).toBe("connected");
  });

  it("reports an apiserver outage and recovers on its own, resuming without a relist", async () => {
    const proxy = await startTcpProxy(portal.conn.server);
    proxies.push(proxy);
    const hub = newHub(async () => connectionVia(portal.conn, proxy.url));
    const key = configmaps("provider", ns);
    const r = recorder();
    const sub = hub.subscribe(key, PORTAL, r.listener);
    await eventually("synced", () => r.synced());
    await eventually("watching", () => sub.health().state === "connected");

    await proxy.stop();
    const outage = await eventually("outage reported", () => {
      const h = r.events.find((e) => e.type === "health" && e.health.state === "reconnecting");
      return h?.type === "health" ? h.health : undefined;
    });
    expect(outage).toMatchObject({ state: "reconnecting", lastError: { status: 0, reason: "Unreachable" } });
    await admin.create(key, cm("while-down"));

    await proxy.start();
    await eventually("reconnected", () => sub.health().state === "connected", 30_000);
    await eventually("missed change delivered", () => r.names("added").includes("while-down"));
    expect(hub.stats()[0]).toMatchObject({ lists: 1, relists: 0 });
    expect(hub.stats()[0].watchRequests).toBeGreaterThan(1);
  });
});
