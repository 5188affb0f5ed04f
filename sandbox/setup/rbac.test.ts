import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../lib/k8s/types";
import { kubeClient, type SandboxCluster, statusOf } from "../testing";
import { PORTAL_SERVICE_ACCOUNT } from "./rbac";

/** Outcome of a real request as `identity`: "ok" or the HTTP status of the refusal. */
async function attempt(call: () => Promise<unknown>): Promise<"ok" | number | undefined> {
  return call().then(
    () => "ok" as const,
    (error: unknown) => statusOf(error),
  );
}

async function configMapCalls(cluster: SandboxCluster, identity: string) {
  const client = await kubeClient(cluster, identity);
  const configMaps = (namespace: string) => ({ group: "", version: "v1", resource: "configmaps", namespace });
  return {
    // dryRun still runs authentication, authorization and admission, and leaves nothing behind.
    create: (namespace: string) =>
      attempt(() => client.create(configMaps(namespace), { metadata: { name: "rbac-probe" } }, { dryRun: true })),
    list: (namespace: string) => attempt(() => client.list(configMaps(namespace))),
  };
}

type Calls = Record<"create" | "list", string[]>;

/** On the consumer, `who`'s ConfigMap calls in the namespaces of `may` succeed and those of `mayNot` get 403. */
async function expectRights(who: string, may: Calls, mayNot: Calls) {
  const calls = await configMapCalls("consumer", who);
  for (const [answers, expected] of [
    [may, "ok"],
    [mayNot, 403],
  ] as const)
    for (const call of ["create", "list"] as const)
      for (const namespace of answers[call])
        expect(await calls[call](namespace), `${call} in ${namespace}`).toBe(expected);
}

describe(`consumer RBAC for sandbox users`, () => {
  it("lets alice (team-a) write in team-a and default, but not read team-b", () =>
    expectRights(
      "alice",
      { create: ["team-a", "default"], list: ["team-a"] },
      { list: ["team-b"], create: ["team-b", "kube-system"] },
    ));

  it("lets bob (team-b) write in team-b only", () =>
    expectRights("bob", { create: ["team-b"], list: ["team-b"] }, { list: ["team-a"], create: ["team-a", "default"] }));

  it("gives alice nothing on the provider", async () => {
    const alice = await configMapCalls("provider", "alice");
    expect(await alice.list("default")).toBe(403);
  });
});

describe.each(["provider", "consumer"] as const)(`%s RBAC`, (cluster) => {
  it("makes platform-admins (admin@example.com) cluster admins", async () => {
    const adminUser = await kubeClient(cluster, "admin-user");
    expect(await adminUser.can({ verb: "*", group: "*", resource: "*" })).toBe(true);
  });

  it("authenticates the portal as its ServiceAccount, with impersonation but not cluster-admin", async () => {
    const portal = await kubeClient(cluster, "portal");
    const review = await portal.create<KubeObject & { status: { userInfo: { username: string } } }>(
      { group: "authentication.k8s.io", version: "v1", resource: "selfsubjectreviews" },
      { apiVersion: "authentication.k8s.io/v1", kind: "SelfSubjectReview" },
    );
    const { namespace, name } = PORTAL_SERVICE_ACCOUNT;
    expect(review.status.userInfo.username).toBe(`system:serviceaccount:${namespace}:${name}`);
    const can = (verb: string, resource: string) => portal.can({ verb, resource });
    expect(await can("impersonate", "users")).toBe(true);
    expect(await can("delete", "nodes")).toBe(false);
  });
});
