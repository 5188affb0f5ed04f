// Cluster test (SANDBOX_STATE): the live views follow the real konnector. Scaling its Deployment
// kube-bind/konnector on the consumer to 0 stops its processes (the sandbox's workload runner
// writes the Deployment's status as a kubelet would); the dashboard and the LoadBalancer view say
// so within seconds, and say it no more once it runs again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomSuffix } from "../../test-support/k8s";
import { type LiveWorld, ref, startLiveWorld, TEST_API } from "../../test-support/live";
import { eventually } from "../../test-support/watch";
import { KubeClient } from "../k8s/client";
import { asUser, type KubeObject } from "../k8s/types";
import { defaultListRequest } from "../live-wire/list-page";
import type { Result } from "../result";
import { subscribeDashboard, subscribeList } from "./dashboard";
import { subscribeLoadBalancer } from "./loadbalancer";
import { API, KONNECTOR } from "./resources";
import type { DashboardView, ListView, LiveSubscription, LiveUpdate, LoadBalancerView } from "./types";

const alice = { user: "alice@example.com", groups: ["team-a"] };
const name = `kh-${randomSuffix()}`;
const KONNECTOR_REF = { ...API.deployments, namespace: KONNECTOR.namespace, name: KONNECTOR.name };
/** How long the views may take to say what changed: the runner notices within a second. */
const WITHIN_MS = 15_000;
let world: LiveWorld;
const open: LiveSubscription[] = [];

function latest<V>() {
  const updates: LiveUpdate<V>[] = [];
  return {
    onUpdate: (u: LiveUpdate<V>) => updates.push(u),
    view: (): V | undefined => {
      const last = updates.filter((u) => u.type === "view").at(-1);
      return last?.type === "view" ? last.view : undefined;
    },
  };
}

function keep(result: Result<LiveSubscription>) {
  if (!result.ok) throw new Error(`subscription refused: ${result.error.message}`);
  open.push(result.data);
}

const synced = (v: LoadBalancerView | undefined) => v?.status?.stages.find((s) => s.id === "synced");
const scale = (replicas: number) => world.consumerAdmin.mergePatch(KONNECTOR_REF, { spec: { replicas } });
const readyReplicas = async () =>
  ((await world.consumerAdmin.get<KubeObject>(KONNECTOR_REF)).status as { readyReplicas?: number } | undefined)
    ?.readyReplicas ?? 0;

beforeAll(async () => {
  world = await startLiveWorld();
  const asAlice = new KubeClient(world.consumerPortal.conn, asUser(alice.user, alice.groups));
  await asAlice.create(ref(API.configMaps, "default"), {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name: `${name}-settings` },
    data: { "custom-header": "konnector" },
  });
  await asAlice.create(ref(TEST_API, "default"), {
    apiVersion: `${TEST_API.group}/${TEST_API.version}`,
    kind: "LoadBalancer",
    metadata: { name },
    spec: {
      domain: `${name}.example.com`,
      configMapRef: `${name}-settings`,
      targetService: "backend",
      targetServiceNamespace: "default",
      targetPort: 30080,
    },
  });
  await world.copyToProvider(name);
});

afterAll(async () => {
  for (const s of open) s.close();
  await world.consumerAdmin.delete(ref(TEST_API, "default", name)).catch(() => undefined);
  await world.consumerAdmin.delete(ref(API.configMaps, "default", `${name}-settings`)).catch(() => undefined);
  await world.close();
});

describe("the konnector's health in the live views", () => {
  it("says within seconds that the konnector stopped, and clears it when it runs again", {
    timeout: 180_000,
  }, async () => {
    const ctx = world.context();
    const lb = latest<LoadBalancerView>();
    const dashboard = latest<DashboardView>();
    keep(await subscribeLoadBalancer(alice, { namespace: "default", name }, lb.onUpdate, ctx));
    const list = latest<ListView>();
    keep(await subscribeDashboard(alice, dashboard.onUpdate, ctx));
    keep(await subscribeList(alice, { ...defaultListRequest, q: name }, list.onUpdate, ctx));
    await eventually("the konnector healthy and the copy synced", () => {
      const v = lb.view();
      return v?.konnector?.state === "healthy" && synced(v)?.state === "done";
    });
    expect(lb.view()?.konnector?.replicas).toEqual({ ready: 2, desired: 2 });
    expect(lb.view()?.konnector?.heartbeat?.intervalMs).toBe(300_000);
    await eventually("the dashboard's konnector healthy", () => dashboard.view()?.konnector.state === "healthy");

    try {
      await scale(0);
      await eventually(
        "the LoadBalancer view says the konnector is down",
        () => lb.view()?.konnector?.state === "down" && synced(lb.view())?.reason === "KonnectorDown",
        WITHIN_MS,
      );
      expect(synced(lb.view())).toMatchObject({
        state: "blocked",
        message: expect.stringContaining("kubectl -n kube-bind get deployment konnector"),
      });
      expect(lb.view()?.status?.current).toBe("synced");
      expect(lb.view()?.konnector?.replicas).toEqual({ ready: 0, desired: 0 });
      await eventually("the dashboard says so too", () => dashboard.view()?.konnector.state === "down", WITHIN_MS);
      const row = await eventually("the list's row blocked", () =>
        list.view()?.rows.find((r) => r.name === name && r.current.state === "blocked"),
      );
      expect(row.current).toMatchObject({ id: "synced", state: "blocked" });
      // It is the binding's health, not a watch outage of the portal.
      expect(lb.view()?.health.consumer.state).toBe("connected");
    } finally {
      await scale(2);
    }
    await eventually(
      "the LoadBalancer view clears it",
      () => lb.view()?.konnector?.state === "healthy" && synced(lb.view())?.state === "done",
      60_000,
    );
    expect(lb.view()?.konnector?.replicas).toEqual({ ready: 2, desired: 2 });
    await eventually("the dashboard clears it", () => dashboard.view()?.konnector.state === "healthy", WITHIN_MS);
    expect(await readyReplicas()).toBe(2);
  });
});
