import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { KubeClient } from "../../lib/k8s/client";
import { ClusterConnection } from "../../lib/k8s/connection";
import { isNotFound } from "../../lib/k8s/errors";
import { readKubeconfig } from "../../lib/k8s/kubeconfig";
import { type KubeObject, PORTAL } from "../../lib/k8s/types";
import {
  freshNamespace,
  kubeClient,
  NAMESPACES,
  type SandboxCluster,
  sandboxState,
  statusOf,
  waitFor,
} from "../testing";

const clusters: SandboxCluster[] = ["provider", "consumer"];
const core = (resource: string, namespace: string, name = "") => ({
  group: "",
  version: "v1",
  resource,
  namespace,
  name,
});

describe.each(clusters)(`%s control plane`, (cluster) => {
  it("is a real kube-apiserver v1.35.4", async () => {
    const info = await (await kubeClient(cluster)).getPath<{ gitVersion: string }>("/version");
    expect(info.gitVersion).toBe("v1.35.4");
    expect(sandboxState().clusters[cluster].version).toBe("Kubernetes v1.35.4");
  });

  it("rejects the other cluster's admin token", async () => {
    const own = sandboxState().clusters[cluster];
    const other = sandboxState().clusters[cluster === "provider" ? "consumer" : "provider"];
    const otherUser = await readKubeconfig(other.kubeconfigs.admin);
    const endpoint = { ...otherUser, server: own.server, caPem: readFileSync(own.caFile, "utf8") };
    const client = new KubeClient(new ClusterConnection(cluster, endpoint), PORTAL);
    const denied = await client.list(NAMESPACES).catch((error: unknown) => error);
    expect(statusOf(denied)).toBe(401);
  });

  it("finalises a deleted namespace and its content (kube-controller-manager)", { timeout: 120_000 }, async () => {
    const admin = await kubeClient(cluster);
    const ns = await freshNamespace(cluster, "finalize");
    await admin.create(core("configmaps", ns.name), { metadata: { name: "content" }, data: { a: "b" } });
    await ns.cleanup();
    await waitFor(
      `namespace ${ns.name} to be gone`,
      () =>
        admin.get({ ...NAMESPACES, name: ns.name }).then(
          () => false,
          (error: unknown) => isNotFound(error),
        ),
      { timeoutMs: 100_000, intervalMs: 500 },
    );
  });

  it("runs the service-account controllers (default ServiceAccount, legacy token Secret)", async () => {
    const admin = await kubeClient(cluster);
    const ns = await freshNamespace(cluster, "serviceaccounts");
    try {
      await waitFor("ServiceAccount default", () => admin.get(core("serviceaccounts", ns.name, "default")));
      await admin.create(core("secrets", ns.name), {
        metadata: { name: "default-token", annotations: { "kubernetes.io/service-account.name": "default" } },
        type: "kubernetes.io/service-account-token",
      });
      const secret = await waitFor("token and ca.crt in the Secret", async () => {
        const s = await admin.get<KubeObject & { data?: Record<string, string> }>(
          core("secrets", ns.name, "default-token"),
        );
        return s.data?.token && s.data["ca.crt"] ? s : undefined;
      });
      expect(Buffer.from(secret.data?.["ca.crt"] ?? "", "base64").toString()).toContain("BEGIN CERTIFICATE");
    } finally {
      await ns.cleanup();
    }
  });
});
