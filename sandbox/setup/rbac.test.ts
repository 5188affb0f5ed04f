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

describe(`consumer RBAC for sandbox users`, () => {
  it("lets alice (team-a) write in team-a and default, but not read team-b", async () => {
    const alice = await configMapCalls("consumer", "alice");
    expect(await alice.create("team-a")).toBe("ok");
    expect(await alice.create("default")).toBe("ok");
    expect(await alice.list("team-a")).toBe("ok");
    expect(await alice.list("team-b")).toBe(403);
    expect(await alice.create("team-b")).toBe(403);
    expect(await alice.create("kube-system")).toBe(403);
  });

  it("lets bob (team-b) write in team-b only", async () => {
    const bob = await configMapCalls("consumer", "bob");
    expect(await bob.create("team-b")).toBe("ok");
    expect(await bob.list("team-b")).toBe("ok");
    expect(await bob.list("team-a")).toBe(403);
    expect(await bob.create("team-a")).toBe(403);
    expect(await bob.create("default")).toBe(403);
  });

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
