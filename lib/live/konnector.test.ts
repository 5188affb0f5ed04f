// Cluster test (SANDBOX_STATE): the live views follow the real konnector. Scaling its Deployment
// kube-bind/konnector on the consumer to 0 stops its processes (the sandbox's workload runner
// writes the Deployment's status as a kubelet would); the dashboard and the LoadBalancer view say
// so within seconds, and say it no more once it runs again.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomSuffix } from "../../test-support/k8s";
import {
  collector,
  createTestLoadBalancer,
  type LiveWorld,
  openSubscriptions,
  removeTestLoadBalancer,
  startLiveWorld,
} from "../../test-support/live";
import { eventually } from "../../test-support/watch";
import { APIS } from "../k8s/apis";
import type { KubeObject } from "../k8s/types";
import { defaultListRequest } from "../live-wire/list-page";
import { subscribeDashboard, subscribeList } from "./dashboard";
import { subscribeLoadBalancer } from "./loadbalancer";
import { KONNECTOR } from "./resources";
import type { DashboardView, ListView, LoadBalancerView } from "./types";

const alice = { user: "alice@example.com", groups: ["team-a"] };
const name = `kh-${randomSuffix()}`;
const KONNECTOR_REF = { ...APIS.deployments, namespace: KONNECTOR.namespace, name: KONNECTOR.name };
/** How long the views may take to say what changed: the runner notices within a second. */
const WITHIN_MS = 15_000;
let world: LiveWorld;
const subscriptions = openSubscriptions();
const keep = subscriptions.keep;

const synced = (v: LoadBalancerView | undefined) => v?.status?.stages.find((s) => s.id === "synced");
const scale = (replicas: number) => world.consumerAdmin.mergePatch(KONNECTOR_REF, { spec: { replicas } });
const readyReplicas = async () =>
  ((await world.consumerAdmin.get<KubeObject>(KONNECTOR_REF)).status as { readyReplicas?: number } | undefined)
    ?.readyReplicas ?? 0;

beforeAll(async () => {
  world = await startLiveWorld();
  await createTestLoadBalancer(world, alice, name, "konnector");
  await world.copyToProvider(name);
});

afterAll(async () => {
  subscriptions.closeAll();
  await removeTestLoadBalancer(world, name);
  await world.close();
});

describe("the konnector's health in the live views", () => {
  it("says within seconds that the konnector stopped, and clears it when it runs again", {
    timeout: 180_000,
  }, async () => {
    const ctx = world.context();
    const lb = collector<LoadBalancerView>();
    const dashboard = collector<DashboardView>();
    keep(await subscribeLoadBalancer(alice, { namespace: "default", name }, lb.onUpdate, ctx));
    const list = collector<ListView>();
    keep(await subscribeDashboard(alice, dashboard.onUpdate, ctx));
    keep(await subscribeList(alice, { ...defaultListRequest, q: name }, list.onUpdate, ctx));
    await eventually("the konnector healthy and the copy synced", () => {
      const v = lb.latest();
      return v?.konnector?.state === "healthy" && synced(v)?.state === "done";
    });
    expect(lb.latest()?.konnector?.replicas).toEqual({ ready: 2, desired: 2 });
    expect(lb.latest()?.konnector?.heartbeat?.intervalMs).toBe(300_000);
    await eventually("the dashboard's konnector healthy", () => dashboard.latest()?.konnector.state === "healthy");

    try {
      await scale(0);
      await eventually(
        "the LoadBalancer view says the konnector is down",
        () => lb.latest()?.konnector?.state === "down" && synced(lb.latest())?.reason === "KonnectorDown",
        WITHIN_MS,
      );
      expect(synced(lb.latest())).toMatchObject({
        state: "blocked",
        message: expect.stringContaining("kubectl -n kube-bind get deployment konnector"),
      });
      expect(lb.latest()?.status?.current).toBe("synced");
      expect(lb.latest()?.konnector?.replicas).toEqual({ ready: 0, desired: 0 });
      await eventually("the dashboard says so too", () => dashboard.latest()?.konnector.state === "down", WITHIN_MS);
      const row = await eventually("the list's row blocked", () =>
        list.latest()?.rows.find((r) => r.name === name && r.current.state === "blocked"),
      );
      expect(row.current).toMatchObject({ id: "synced", state: "blocked" });
      // It is the binding's health, not a watch outage of the portal.
      expect(lb.latest()?.health.consumer.state).toBe("connected");
    } finally {
      await scale(2);
    }
    await eventually(
      "the LoadBalancer view clears it",
      () => lb.latest()?.konnector?.state === "healthy" && synced(lb.latest())?.state === "done",
      60_000,
    );
    expect(lb.latest()?.konnector?.replicas).toEqual({ ready: 2, desired: 2 });
    await eventually("the dashboard clears it", () => dashboard.latest()?.konnector.state === "healthy", WITHIN_MS);
    expect(await readyReplicas()).toBe(2);
  });
});
