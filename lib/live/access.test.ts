// Cluster test (SANDBOX_STATE): a dashboard's scope is asked in at most two round trips whatever the
// number of questions: the cluster-wide reviews together with the one namespace list, then every
// namespace's reviews at once; and the answer is the user's RBAC: a tenant sees its namespaces only.
import { beforeAll, describe, expect, it } from "vitest";
import { applySandboxPortalEnv, identity } from "../../test-support/loadbalancer";
import { APIS } from "../k8s/apis";
import type { KubeClient } from "../k8s/client";
import { portalIdentityClient, userClient } from "../k8s/clusters";
import { dashboardScope } from "./access";

applySandboxPortalEnv();
let events: string[] = [];

/** `client`, recording when each question (a namespace's review, a cluster-wide one, a list) is asked and answered. */
function tracked(client: KubeClient): KubeClient {
  const t = Object.create(client) as KubeClient;
  const around = <R>(what: string, p: () => Promise<R>) => {
    events.push(`ask ${what}`);
    return p().finally(() => events.push(`answer ${what}`));
  };
  t.can = (attrs) => around(attrs.namespace ? "namespace" : "cluster", () => client.can(attrs));
  t.list = ((ref: Parameters<KubeClient["list"]>[0], opts?: Parameters<KubeClient["list"]>[1]) =>
    around("list", () => client.list(ref, opts))) as KubeClient["list"];
  return t;
}

/** The first round asks everything cluster-wide and the one list; the second every namespace at once. */
function expectTwoRounds() {
  const firstAnswer = events.findIndex((e) => e.startsWith("answer"));
  expect(events.slice(0, firstAnswer).sort()).toEqual([...Array(6).fill("ask cluster"), "ask list"]);
  expect(events.filter((e) => e === "ask list")).toHaveLength(1);
  const lastNamespaceAsk = events.lastIndexOf("ask namespace");
  if (lastNamespaceAsk >= 0) expect(events.indexOf("answer namespace")).toBeGreaterThan(lastNamespaceAsk);
  return events.filter((e) => e === "ask namespace").length;
}

let alice: KubeClient;
let admin: KubeClient;
let portal: KubeClient;
beforeAll(async () => {
  [alice, admin, portal] = await Promise.all([
    userClient("consumer", identity("alice")),
    userClient("consumer", identity("admin")),
    portalIdentityClient("consumer"),
  ]);
});

describe("dashboardScope", () => {
  it("asks a tenant's questions all at once and keeps the namespaces RBAC allows", async () => {
    events = [];
    const scope = await dashboardScope(tracked(alice), tracked(portal), APIS.loadBalancers);
    expect(scope.namespaces).toBeDefined();
    expect(scope.listed).toContain("team-a");
    expect(scope.listed).not.toContain("kube-system");
    // list and watch of LoadBalancers and ConfigMaps in each of several namespaces
    expect(expectTwoRounds()).toBeGreaterThanOrEqual(8);
  });

  it("gives a cluster-wide watcher every namespace and one cluster-wide stream", async () => {
    events = [];
    const scope = await dashboardScope(tracked(admin), tracked(portal), APIS.loadBalancers);
    expect(scope.namespaces).toBeUndefined();
    expect(scope.listed).toEqual(expect.arrayContaining(["default", "kube-system", "team-a"]));
    // nothing is asked namespace by namespace of someone allowed everywhere
    expect(expectTwoRounds()).toBe(0);
  });
});
