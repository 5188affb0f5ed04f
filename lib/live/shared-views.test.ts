// Cluster test (SANDBOX_STATE): viewers with the same rights share one view; viewers with other
// rights never do; a viewer whose rights change moves or is revoked alone. Real apiservers and
// RBAC; the users here are made up and get their rights from RoleBindings made (and removed) here.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomSuffix } from "../../test-support/k8s";
import { collector, type LiveWorld, ref, startLiveWorld, TEST_API, TEST_ROLE, until } from "../../test-support/live";
import { frameReader } from "../../test-support/sse";
import { eventually } from "../../test-support/watch";
import { APIS } from "../k8s/apis";
import { KubeClient } from "../k8s/client";
import { asUser, type KubeObject } from "../k8s/types";
import { liveSub } from "../live-wire/live-protocol";
import type { Result } from "../result";
import type { LiveContext } from "./context";
import { subscribeDashboard } from "./dashboard";
import { subscribeLoadBalancer } from "./loadbalancer";
import { sharedViews } from "./shared-views";
import { type LiveConnection, openLiveStream } from "./sse";
import type { DashboardView, LiveSubscription, LoadBalancerView } from "./types";
import { liveWork } from "./view-change";

const r = randomSuffix();
const name = `sv-${r}`;
const target = { namespace: "default", name };
const SUB = liveSub.loadBalancer("default", name);
const alice = { user: "alice@example.com", groups: ["team-a"] };
const bob = { user: "bob@example.com", groups: ["team-b"] };
// Rights on the test LoadBalancers in `default` only (no ConfigMaps, no Events), from RoleBindings.
const dave = { user: `dave-${r}@example.com`, groups: [] };
const erin = { user: `erin-${r}@example.com`, groups: [] };
const rb = { group: "rbac.authorization.k8s.io", version: "v1", resource: "rolebindings" };

let world: LiveWorld;
let ctx: LiveContext;
const open: LiveSubscription[] = [];
const connections: LiveConnection[] = [];

function keep(result: Result<LiveSubscription>): LiveSubscription {
  if (!result.ok) throw new Error(`subscription refused: ${result.error.message}`);
  open.push(result.data);
  return result.data;
}

const bindingName = (user: { user: string }, role: string) =>
  `sv-${r}-${user.user.split("@")[0]}-${role.replace(/[^a-z]/g, "")}`;

async function grant(user: { user: string; groups: string[] }, role: string, resource = TEST_API) {
  await world.consumerAdmin.create(ref(rb, "default"), {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "RoleBinding",
    metadata: { name: bindingName(user, role) },
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: role },
    subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "User", name: user.user }],
  });
  const as = new KubeClient(world.consumerPortal.conn, asUser(user.user, user.groups));
  await until(`${user.user} may watch ${resource.resource}`, () =>
    as.can({ verb: "watch", group: resource.group, resource: resource.resource, namespace: "default" }),
  );
}

const annotation = (v: LoadBalancerView | undefined) =>
  v?.objects.consumer.loadBalancer?.metadata.annotations?.["sv-test/mark"];
const mark = (value: string) =>
  world.consumerAdmin.mergePatch(ref(TEST_API, "default", name), {
    metadata: { annotations: { "sv-test/mark": value } },
  });
const viewsOf = (sub: string) =>
  sharedViews(ctx)
    .inspect()
    .filter((v) => v.id.startsWith(`${sub}\n`));

beforeAll(async () => {
  world = await startLiveWorld();
  ctx = world.context({ reauthorizeMs: 200 });
  await world.consumerAdmin.create(ref(APIS.configMaps, "default"), {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name: `${name}-settings` },
    data: { "custom-header": "shared" },
  });
  await world.consumerAdmin.create(ref(TEST_API, "default"), {
    apiVersion: `${TEST_API.group}/${TEST_API.version}`,
    kind: "LoadBalancer",
    metadata: { name },
    spec: { domain: `${name}.example.com`, configMapRef: `${name}-settings`, targetService: "backend", targetPort: 80 },
  });
  await grant(dave, TEST_ROLE);
  await grant(erin, TEST_ROLE);
});

afterAll(async () => {
  for (const s of open) s.close();
  for (const c of connections) c.close();
  for (const [user, role] of [
    [dave, TEST_ROLE],
    [erin, TEST_ROLE],
    [erin, "view"],
  ] as const)
    await world.consumerAdmin.delete(ref(rb, "default", bindingName(user, role))).catch(() => undefined);
  await world.consumerAdmin.delete(ref(TEST_API, "default", name)).catch(() => undefined);
  await world.consumerAdmin.delete(ref(APIS.configMaps, "default", `${name}-settings`)).catch(() => undefined);
  await world.close();
});

describe("shared live views", () => {
  it("gives viewers with the same rights one view: one computation and the same bytes per change", async () => {
    const readers = Array.from({ length: 6 }, (_, i) => {
      const conn = openLiveStream({
        subs: [SUB],
        subscribe: (_sub, on) => subscribeLoadBalancer(i % 2 ? dave : erin, target, on, ctx),
      });
      connections.push(conn);
      return frameReader(conn.stream);
    });
    for (const read of readers) await read.until((f) => f.event === "view", 30_000);
    expect(viewsOf(SUB)).toEqual([expect.objectContaining({ viewers: 6, identities: 2 })]);

    const before = { ...liveWork };
    await mark("one");
    const frames = await Promise.all(
      readers.map(async (read) => {
        const seen = await read.until((f) => annotation(f.view as LoadBalancerView) === "one", 30_000);
        return seen.at(-1);
      }),
    );
    // Every connection got the very same frame…
    for (const f of frames)
      expect(f && { event: f.event, id: f.id, data: f.data }).toEqual({
        event: frames[0]?.event,
        id: frames[0]?.id,
        data: frames[0]?.data,
      });
    // …diffed and encoded once per change of the one view, not once per connection.
    const changes = liveWork.encodedViews - before.encodedViews;
    // (one engine per viewer would have computed at least once per viewer)
    expect(liveWork.computations - before.computations).toBeLessThan(readers.length);
    expect(changes).toBeGreaterThanOrEqual(1);
    expect(liveWork.patches - before.patches).toBeLessThanOrEqual(changes);
    expect(liveWork.frames - before.frames).toBeLessThanOrEqual(changes);
  });

  it("never shares between viewers of different rights", async () => {
    const alices = collector<LoadBalancerView>();
    const daves = collector<LoadBalancerView>();
    keep(await subscribeLoadBalancer(alice, target, alices.onUpdate, ctx));
    keep(await subscribeLoadBalancer(dave, target, daves.onUpdate, ctx));
    await eventually("alice sees the ConfigMap", () => alices.latest()?.objects.consumer.configMap !== undefined);
    await eventually("dave sees the LoadBalancer", () => daves.latest()?.found === true);
    // dave may not read ConfigMaps: his view is another one, computed without them.
    expect(daves.latest()?.objects.consumer.configMap).toBeUndefined();
    expect(viewsOf(SUB)).toHaveLength(2);
    const alicesChanges = new Set(alices.changes());
    expect(daves.changes().some((c) => alicesChanges.has(c))).toBe(false);

    const mine = collector<DashboardView>();
    const bobs = collector<DashboardView>();
    keep(await subscribeDashboard(alice, mine.onUpdate, ctx));
    keep(await subscribeDashboard(bob, bobs.onUpdate, ctx));
    await eventually("both dashboards", () => mine.latest() && bobs.latest());
    expect(bobs.latest()?.namespaces).not.toEqual(mine.latest()?.namespaces);
    expect(bobs.latest()?.recent.some((row) => row.name === name)).toBe(false);
    expect(viewsOf(liveSub.dashboard)).toHaveLength(2);
    const minesChanges = new Set(mine.changes());
    expect(bobs.changes().some((c) => minesChanges.has(c))).toBe(false);
  });

  it("revokes only the viewer whose rights were withdrawn; the view goes on for the others", async () => {
    for (const c of connections.splice(0)) c.close();
    for (const s of open.splice(0)) s.close();
    // dave first: the view's streams run as him until he goes.
    const daves = collector<LoadBalancerView>();
    const erins = collector<LoadBalancerView>();
    keep(await subscribeLoadBalancer(dave, target, daves.onUpdate, ctx));
    keep(await subscribeLoadBalancer(erin, target, erins.onUpdate, ctx));
    await eventually("both see it", () => daves.latest()?.found && erins.latest()?.found);
    expect(viewsOf(SUB)).toEqual([expect.objectContaining({ viewers: 2, identities: 2 })]);

    await world.consumerAdmin.delete(ref(rb, "default", bindingName(dave, TEST_ROLE)));
    const revoked = await eventually("dave revoked", () => daves.updates.find((u) => u.type === "revoked"));
    expect(revoked).toMatchObject({ error: { status: 403, reason: "Forbidden" } });
    expect(erins.updates.some((u) => u.type === "revoked")).toBe(false);
    const seenByDave = daves.updates.length;

    await mark("after-dave");
    await eventually("erin still follows it", () => annotation(erins.latest()) === "after-dave", 30_000);
    expect(daves.updates).toHaveLength(seenByDave);
    expect(viewsOf(SUB)).toEqual([expect.objectContaining({ viewers: 1, identities: 1 })]);
  });

  it("moves a viewer whose rights grew to the view of its new scope", async () => {
    const alices = collector<LoadBalancerView>();
    keep(await subscribeLoadBalancer(alice, target, alices.onUpdate, ctx));
    await eventually("alice's view", () => alices.latest()?.found);
    const erin2 = collector<LoadBalancerView>();
    keep(await subscribeLoadBalancer(erin, target, erin2.onUpdate, ctx));
    await eventually("erin's view", () => erin2.latest()?.found);
    expect(erin2.latest()?.objects.consumer.configMap).toBeUndefined();

    await grant(erin, "view", APIS.configMaps);
    const cm = await eventually(
      "erin sees the ConfigMap",
      () => erin2.latest()?.objects.consumer.configMap as KubeObject | undefined,
      30_000,
    );
    expect(cm.metadata.name).toBe(`${name}-settings`);
    expect(erin2.updates.some((u) => u.type === "revoked")).toBe(false);
    // Now she shares alice's view (same rights in `default`), and the next change reaches her
    // as the very change alice gets.
    await eventually("erin joined alice's view", () => viewsOf(SUB).some((v) => v.viewers >= 2 && v.identities >= 2));
    await mark("shared-again");
    await eventually("both see it", () => annotation(alices.latest()) === "shared-again");
    await eventually("erin too", () => annotation(erin2.latest()) === "shared-again");
    expect(erin2.changes().at(-1)).toBe(alices.changes().at(-1));
  });
});
