import { describe, expect, it } from "vitest";
import { kubeClient, type SandboxCluster, statusOf } from "../testing";
import { PORTAL_SERVICE_ACCOUNT } from "./rbac";

/** Outcome of a real request as `identity`: "ok" or the HTTP status of the refusal. */
async function attempt(call: () => Promise<unknown>): Promise<"ok" | number | undefined> {
  return call().then(
    () => "ok" as const,
    (error: unknown) => statusOf(error),
  );
}

function configMapCalls(cluster: SandboxCluster, identity: string) {
  const { core } = kubeClient(cluster, identity);
  return {
    // dryRun still runs authentication, authorization and admission, and leaves nothing behind.
    create: (namespace: string) =>
      attempt(() =>
        core.createNamespacedConfigMap({ namespace, dryRun: "All", body: { metadata: { name: "rbac-probe" } } }),
      ),
    list: (namespace: string) => attempt(() => core.listNamespacedConfigMap({ namespace })),
  };
}

describe(`consumer RBAC for sandbox users`, () => {
  it("lets alice (team-a) write in team-a and default, but not read team-b", async () => {
    const alice = configMapCalls("consumer", "alice");
    expect(await alice.create("team-a")).toBe("ok");
    expect(await alice.create("default")).toBe("ok");
    expect(await alice.list("team-a")).toBe("ok");
    expect(await alice.list("team-b")).toBe(403);
    expect(await alice.create("team-b")).toBe(403);
    expect(await alice.create("kube-system")).toBe(403);
  });

  it("lets bob (team-b) write in team-b only", async () => {
    const bob = configMapCalls("consumer", "bob");
    expect(await bob.create("team-b")).toBe("ok");
    expect(await bob.list("team-b")).toBe("ok");
    expect(await bob.list("team-a")).toBe(403);
    expect(await bob.create("team-a")).toBe(403);
    expect(await bob.create("default")).toBe(403);
  });

  it("gives alice nothing on the provider", async () => {
    const alice = configMapCalls("provider", "alice");
    expect(await alice.list("default")).toBe(403);
  });
});

describe.each(["provider", "consumer"] as const)(`%s RBAC`, (cluster) => {
  it("makes platform-admins (admin@example.com) cluster admins", async () => {
    const { authz } = kubeClient(cluster, "admin-user");
    const review = await authz.createSelfSubjectAccessReview({
      body: { spec: { resourceAttributes: { verb: "*", group: "*", resource: "*" } } },
    });
    expect(review.status?.allowed).toBe(true);
  });

  it("authenticates the portal as its ServiceAccount, with impersonation but not cluster-admin", async () => {
    const { raw, authz } = kubeClient(cluster, "portal");
    const review = await raw.request<{ status: { userInfo: { username: string } } }>(
      "POST",
      "/apis/authentication.k8s.io/v1/selfsubjectreviews",
      { apiVersion: "authentication.k8s.io/v1", kind: "SelfSubjectReview" },
    );
    const { namespace, name } = PORTAL_SERVICE_ACCOUNT;
    expect(review.status.userInfo.username).toBe(`system:serviceaccount:${namespace}:${name}`);
    const can = async (verb: string, resource: string) =>
      (await authz.createSelfSubjectAccessReview({ body: { spec: { resourceAttributes: { verb, resource } } } })).status
        ?.allowed;
    expect(await can("impersonate", "users")).toBe(true);
    expect(await can("delete", "nodes")).toBe(false);
  });
});
