import { CoreV1Api, KubeConfig } from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import { isNotFound } from "../lib/kube";
import { freshNamespace, kubeClient, type SandboxCluster, sandboxState, statusOf, waitFor } from "../testing";

const clusters: SandboxCluster[] = ["provider", "consumer"];

describe.each(clusters)(`%s control plane`, (cluster) => {
  it("is a real kube-apiserver v1.35.4", async () => {
    const info = await kubeClient(cluster).version.getCode();
    expect(info.gitVersion).toBe("v1.35.4");
    expect(sandboxState().clusters[cluster].version).toBe("Kubernetes v1.35.4");
  });

  it("rejects the other cluster's admin token", async () => {
    const own = sandboxState().clusters[cluster];
    const otherUser = kubeClient(cluster === "provider" ? "consumer" : "provider").kc.getCurrentUser();
    if (!otherUser) throw new Error("other cluster's kubeconfig has no user");
    const kc = new KubeConfig();
    kc.loadFromClusterAndUser(
      { name: cluster, server: own.server, caFile: own.caFile, skipTLSVerify: false },
      otherUser,
    );
    const denied = await kc
      .makeApiClient(CoreV1Api)
      .listNamespace()
      .catch((error: unknown) => error);
    expect(statusOf(denied)).toBe(401);
  });

  it("finalises a deleted namespace and its content (kube-controller-manager)", { timeout: 120_000 }, async () => {
    const { core } = kubeClient(cluster);
    const ns = await freshNamespace(cluster, "finalize");
    await core.createNamespacedConfigMap({
      namespace: ns.name,
      body: { metadata: { name: "content" }, data: { a: "b" } },
    });
    await ns.cleanup();
    await waitFor(
      `namespace ${ns.name} to be gone`,
      () =>
        core.readNamespace({ name: ns.name }).then(
          () => false,
          (error: unknown) => isNotFound(error),
        ),
      { timeoutMs: 100_000, intervalMs: 500 },
    );
  });

  it("runs the service-account controllers (default ServiceAccount, legacy token Secret)", async () => {
    const { core } = kubeClient(cluster);
    const ns = await freshNamespace(cluster, "serviceaccounts");
    try {
      await waitFor("ServiceAccount default", () =>
        core.readNamespacedServiceAccount({ name: "default", namespace: ns.name }),
      );
      await core.createNamespacedSecret({
        namespace: ns.name,
        body: {
          metadata: { name: "default-token", annotations: { "kubernetes.io/service-account.name": "default" } },
          type: "kubernetes.io/service-account-token",
        },
      });
      const secret = await waitFor("token and ca.crt in the Secret", async () => {
        const s = await core.readNamespacedSecret({ name: "default-token", namespace: ns.name });
        return s.data?.token && s.data["ca.crt"] ? s : undefined;
      });
      expect(Buffer.from(secret.data?.["ca.crt"] ?? "", "base64").toString()).toContain("BEGIN CERTIFICATE");
    } finally {
      await ns.cleanup();
    }
  });
});
