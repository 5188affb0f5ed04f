import { describe, expect, it } from "vitest";
import { randomSuffix, sandboxClient } from "../../test-support/k8s";
import { KubeClient } from "./client";
import type { ClusterConnection } from "./connection";
import { KubeError } from "./errors";
import { namespacesWhereUserCan } from "./namespaces";
import { asUser } from "./types";

const configmaps = (namespace: string) => ({ group: "", version: "v1", resource: "configmaps", namespace });
const alice = asUser("alice@example.com", ["team-a"]);

describe("clients that act as the user (consumer cluster)", () => {
  it("impersonates the user: alice may use team-a but not team-b", async () => {
    const client = await sandboxClient("consumer", "portal", alice);
    const name = `impersonation-${randomSuffix()}`;
    const created = await client.create(configmaps("team-a"), {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name },
      data: { a: "b" },
    });
    expect(created.metadata.name).toBe(name);
    await client.delete({ ...configmaps("team-a"), name });

    const err = await client.list(configmaps("team-b")).catch((e) => e);
    expect(err).toBeInstanceOf(KubeError);
    expect(err).toMatchObject({ cluster: "consumer", status: 403, reason: "Forbidden" });
    expect(err.message).toContain("alice@example.com");
  });

  it("sends every group as its own header", async () => {
    const carol = asUser("carol@example.com", ["nobody", "team-b"]);
    const client = await sandboxClient("consumer", "portal", carol);
    const list = await client.list(configmaps("team-b"));
    expect(Array.isArray(list.items)).toBe(true);
  });

  it("the portal's own identity cannot read user data on the consumer", async () => {
    const portal = await sandboxClient("consumer", "portal");
    await expect(portal.list(configmaps("team-a"))).rejects.toMatchObject({ status: 403 });
  });

  it("lists only the namespaces where the user may act", async () => {
    const portal = await sandboxClient("consumer", "portal");
    const user = await sandboxClient("consumer", "portal", alice);
    const namespaces = await namespacesWhereUserCan(portal, user, {
      verb: "create",
      group: "",
      resource: "configmaps",
    });
    expect(namespaces).toContain("team-a");
    expect(namespaces).toContain("default");
    expect(namespaces).not.toContain("team-b");
    expect(namespaces).not.toContain("kube-system");
  });

  it("reports a missing object as NotFound with its cluster", async () => {
    const client = await sandboxClient("consumer", "portal", alice);
    await expect(client.get({ ...configmaps("team-a"), name: "does-not-exist" })).rejects.toMatchObject({
      cluster: "consumer",
      status: 404,
      reason: "NotFound",
    });
  });

  it("reports an unreachable cluster as status 0 / Unreachable", async () => {
    const real = await sandboxClient("provider", "admin");
    // Same credentials, a port nothing listens on.
    const conn = Object.create(real.conn) as ClusterConnection;
    Object.defineProperty(conn, "server", { value: "https://127.0.0.1:1" });
    const err = await new KubeClient(conn, alice).list(configmaps("default")).catch((e) => e);
    expect(err).toMatchObject({ cluster: "provider", status: 0, reason: "Unreachable" });
  });
});
