// The provider console's live subs and revocation against the running sandbox (SANDBOX_STATE):
// real apiservers, kro, kube-bind's backend; a second, konnector-less consumer binding is made
// here the way the backend lays one out, so nothing of the sandbox's real binding is touched.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomSuffix, sandboxClient } from "../../test-support/k8s";
import { until } from "../../test-support/live";
import { APIS } from "../k8s/apis";
import { KubeClient } from "../k8s/client";
import { KubeError } from "../k8s/errors";
import { asUser } from "../k8s/types";
import { WatchHub } from "../k8s/watch-hub";
import { previewRevoke, revokeConsumer } from "../provider/revoke";
import type { ConsumerDetailView, ProviderView } from "../provider/types";
import { type ProviderLiveContext, subscribeProvider, subscribeProviderConsumer } from "./provider";
import type { LiveSubscription, LiveUpdate } from "./types";

const ADMIN = { user: "admin@example.com", groups: ["platform-admins"] };
const ALICE = { user: "alice@example.com", groups: ["team-a"] };
const BOB = { user: "bob@example.com", groups: ["team-b"] };
const NS = `kube-bind-pt${randomSuffix()}`;

let providerAdmin: KubeClient;
let ctx: ProviderLiveContext;
let hub: WatchHub;
const subs: LiveSubscription[] = [];

/** Collects a sub's views; `until` waits for one that satisfies a predicate. */
function recorder<V>() {
  const views: V[] = [];
  const revoked: unknown[] = [];
  return {
    views,
    revoked,
    on: (u: LiveUpdate<V>) => (u.type === "view" ? views.push(u.view) : revoked.push(u.error)),
    async until(what: string, ok: (v: V) => boolean, timeoutMs = 60_000): Promise<V> {
      let found: V | undefined;
      await until(
        what,
        async () => {
          found = views.findLast(ok);
          return found !== undefined;
        },
        timeoutMs,
      );
      return found as V;
    },
  };
}

async function setHeartbeat(ageMs: number) {
  const cb = await providerAdmin.get({ ...APIS.clusterBindings, namespace: NS, name: "cluster" });
  const at = new Date(Date.now() - ageMs).toISOString().replace(/\.\d+Z$/, "Z");
  await providerAdmin.update(
    { ...APIS.clusterBindings, namespace: NS, name: "cluster", subresource: "status" },
    { ...cb, status: { lastHeartbeatTime: at, heartbeatInterval: "5m0s", konnectorVersion: "v0.8.1" } },
  );
}

beforeAll(async () => {
  const [consumerPortal, providerPortal] = await Promise.all([
    sandboxClient("consumer", "portal"),
    sandboxClient("provider", "portal"),
  ]);
  providerAdmin = await sandboxClient("provider", "admin");
  hub = new WatchHub({
    connect: async (c) => (c === "consumer" ? consumerPortal.conn : providerPortal.conn),
    idleGraceMs: 1_000,
    backoff: { initialMs: 100, maxMs: 1_000 },
  });
  ctx = {
    hub,
    consumerAs: async (id) => new KubeClient(consumerPortal.conn, asUser(id.user, id.groups)),
    consumerPortal: async () => consumerPortal,
    providerAs: async (id) => new KubeClient(providerPortal.conn, asUser(id.user, id.groups)),
    adminGroup: "platform-admins",
    portalNamespace: "kube-bind-portal",
    tickMs: 500,
  };
  // A binding as the backend makes one, for a consumer cluster without a konnector.
  await providerAdmin.create(
    { ...APIS.namespaces },
    {
      metadata: {
        name: NS,
        annotations: {
          "backend.kube-bind.io/identity": `test-${NS}`,
          "backend.kube-bind.io/author": "carol@example.com",
        },
      },
    },
  );
  await providerAdmin.create(
    { ...APIS.clusterBindings, namespace: NS },
    {
      apiVersion: "kube-bind.io/v1alpha2",
      kind: "ClusterBinding",
      metadata: { name: "cluster", annotations: { "backend.kube-bind.io/cluster-pretty-name": `far-away-${NS}` } },
      spec: { providerPrettyName: "kube-bind portal", kubeconfigSecretRef: { name: "kubeconfig", key: "kubeconfig" } },
    },
  );
  await providerAdmin.create(
    { group: "", version: "v1", resource: "configmaps", namespace: NS },
    { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "left-behind" }, data: { a: "b" } },
  );
  await setHeartbeat(0);
});

afterAll(async () => {
  for (const s of subs) s.close();
  hub?.close();
  await providerAdmin
    ?.delete({ ...APIS.namespaces, name: NS })
    .catch((e) => (e instanceof KubeError && e.notFound ? undefined : Promise.reject(e)));
});

describe("provider console: who may open it", () => {
  it("alice and bob get 404 NotFound on both subs; nothing is sent", async () => {
    for (const who of [ALICE, BOB]) {
      const r = recorder<ProviderView>();
      const result = await subscribeProvider(who, r.on, ctx);
      expect(result).toEqual({ ok: false, error: expect.objectContaining({ status: 404, reason: "NotFound" }) });
      const detail = await subscribeProviderConsumer(who, NS, () => {}, ctx);
      expect(detail.ok).toBe(false);
      expect(r.views).toEqual([]);
    }
  });

  it("a member of the admin group whom the provider's RBAC does not let list ClusterBindings is refused too", async () => {
    const pretender = { user: "mallory@example.com", groups: ["platform-admins-not"] };
    expect((await subscribeProvider(pretender, () => {}, ctx)).ok).toBe(false);
    // In the group by name, but the provider (impersonated as this user) says no: the group alone is not enough.
    const noRbac = { user: "eve@example.com", groups: ["platform-admins", "system:unauthenticated"] };
    const refused = await subscribeProvider(noRbac, () => {}, {
      ...ctx,
      providerAs: async (id) =>
        new KubeClient((await sandboxClient("provider", "portal")).conn, asUser(id.user, ["team-a"])),
    });
    expect(refused).toEqual({ ok: false, error: expect.objectContaining({ status: 404 }) });
  });
});

describe("provider console: live view as the admin", () => {
  it("every setup check passes and the new binding appears as a consumer row", async () => {
    const r = recorder<ProviderView>();
    const sub = await subscribeProvider(ADMIN, r.on, ctx);
    expect(sub.ok).toBe(true);
    if (sub.ok) subs.push(sub.data);
    const view = await r.until("the test binding's row", (v) => v.consumers.some((c) => c.namespace === NS));
    expect(view.checks.map((c) => [c.id, c.state])).toEqual([
      ["backend", "ok"],
      ["kro", "ok"],
      ["export", "ok"],
      ["gatewayclass", "ok"],
      ["network", "ok"],
    ]);
    expect(view.exports.map((e) => e.name)).toContain("loadbalancer");
    const row = view.consumers.find((c) => c.namespace === NS);
    expect(row).toMatchObject({
      consumer: `far-away-${NS}`,
      author: "carol@example.com",
      local: false,
      state: "healthy",
      konnectorVersion: "v0.8.1",
      providerNamespaces: [NS],
    });

    // The heartbeat ages without a reload: the same subscription turns the row late, then lost.
    await setHeartbeat(7 * 60_000);
    await r.until("the row late", (v) => v.consumers.some((c) => c.namespace === NS && c.state === "late"));
    await setHeartbeat(11 * 60_000);
    const lost = await r.until("the row lost", (v) =>
      v.consumers.some((c) => c.namespace === NS && c.state === "lost"),
    );
    expect(lost.consumers.find((c) => c.namespace === NS)?.summary).toMatch(/^No heartbeat for more than 10m/);
    await setHeartbeat(0);
    await r.until("the row healthy again", (v) => v.consumers.some((c) => c.namespace === NS && c.state === "healthy"));
  });

  it("the detail sub shows the binding's conditions and requests; an unknown namespace is not found", async () => {
    const r = recorder<ConsumerDetailView>();
    const sub = await subscribeProviderConsumer(ADMIN, NS, r.on, ctx);
    if (sub.ok) subs.push(sub.data);
    const view = await r.until("the detail", (v) => v.found);
    expect(view.consumer?.consumer).toBe(`far-away-${NS}`);
    expect(view.requests).toEqual([]);
    const missing = recorder<ConsumerDetailView>();
    const other = await subscribeProviderConsumer(ADMIN, "kube-bind-nothing-here", missing.on, ctx);
    if (other.ok) subs.push(other.data);
    expect((await missing.until("a view", () => true)).found).toBe(false);
  });
});

describe("provider console: revoking a binding, as the admin", () => {
  const admin = () => ({ identity: ADMIN, adminGroup: "platform-admins", providerAs: ctx.providerAs });

  it("alice may not even preview it", async () => {
    const r = await previewRevoke({ ...admin(), identity: ALICE }, { namespace: NS });
    expect(r).toEqual({ ok: false, error: expect.objectContaining({ status: 404 }) });
  });

  it("the preview lists every object that goes; only a binding namespace can be revoked", async () => {
    const plan = await previewRevoke(admin(), { namespace: NS });
    if (!plan.ok) throw new Error(plan.error.message);
    const kinds = Object.fromEntries(plan.data.groups.map((g) => [g.kind, g.objects.map((o) => o.name)]));
    expect(kinds.Namespace).toEqual([NS]);
    expect(kinds.ClusterBinding).toEqual(["cluster"]);
    expect(kinds.ConfigMap).toEqual(expect.arrayContaining(["left-behind"]));
    expect(plan.data.groups.find((g) => g.kind === "ConfigMap")?.objects).toContainEqual({
      namespace: NS,
      name: "left-behind",
      via: `in namespace ${NS}`,
    });
    expect(plan.data.total).toBe(plan.data.groups.reduce((n, g) => n + g.objects.length, 0));
    const notABinding = await previewRevoke(admin(), { namespace: "kube-system" });
    expect(notABinding).toEqual({ ok: false, error: expect.objectContaining({ status: 404 }) });
    expect((await previewRevoke(admin(), { namespace: "Not A Namespace" })).ok).toBe(false);
  });

  it("revokes only once the namespace is typed again, then the row leaves the live view", async () => {
    const r = recorder<ProviderView>();
    const sub = await subscribeProvider(ADMIN, r.on, ctx);
    if (sub.ok) subs.push(sub.data);
    await r.until("the row", (v) => v.consumers.some((c) => c.namespace === NS));
    const wrong = await revokeConsumer(admin(), { namespace: NS, confirm: "yes" });
    expect(wrong).toEqual({ ok: false, fieldErrors: { confirm: `Type ${NS} exactly to confirm the revocation.` } });
    expect((await providerAdmin.get({ ...APIS.namespaces, name: NS })).metadata.deletionTimestamp).toBeUndefined();
    const done = await revokeConsumer(admin(), { namespace: NS, confirm: NS });
    expect(done).toEqual({ ok: true, href: "/provider", deleted: [NS] });
    await r.until(
      "the row revoking or gone",
      (v) => !v.consumers.some((c) => c.namespace === NS && c.state !== "revoking"),
      90_000,
    );
  });
});
