// The real kube-bind chain in the sandbox, without the portal: the backend's
// BindableResourcesRequest handshake on the provider, `kubectl bind deploy` (the real CLI) on the
// consumer, the real konnector run by the workload runner, an APIServiceBinding that becomes
// Ready, a LoadBalancer synced to the provider and its status back, and the konnector's
// Deployment status following its processes.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyObject } from "../../lib/k8s/apply";
import { isNotFound } from "../../lib/k8s/errors";
import type { KubeObject, ResourceRef } from "../../lib/k8s/types";
import { SANDBOX_APPLY } from "../lib/kube";
import { freshNamespace, kubeClient, sandboxState, waitFor } from "../testing";
import { KONNECTOR } from "./konnector-runner";

type Obj = KubeObject & {
  spec?: Record<string, unknown> & { replicas?: number };
  status?: Record<string, unknown> & {
    phase?: string;
    namespace?: string;
    readyReplicas?: number;
    replicas?: number;
    conditions?: { type: string; status: string; reason?: string; message?: string }[];
  };
  data?: Record<string, string>;
};

type Named = ResourceRef & { name: string };
const kb = (resource: string, name: string, namespace?: string): Named => ({
  group: "kube-bind.io",
  version: "v1alpha2",
  resource,
  namespace,
  name,
});
const core = (resource: string, name: string, namespace?: string): Named => ({
  group: "",
  version: "v1",
  resource,
  namespace,
  name,
});
const loadBalancers = (namespace: string): Named => ({
  group: "networking.kro.run",
  version: "v1alpha1",
  resource: "loadbalancers",
  namespace,
  name: "sync",
});
const ready = (o: Obj | undefined) => o?.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True");
const DEPLOYMENT: Named = { group: "apps", version: "v1", resource: "deployments", ...KONNECTOR };

async function get(cluster: "provider" | "consumer", ref: Named): Promise<Obj | undefined> {
  try {
    return await (await kubeClient(cluster)).get<Obj>(ref);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** Asks kube-bind's backend for a binding, as a front end does, and waits for its answer. */
async function requestBinding(
  namespace: string,
  name: string,
  clusterIdentity: { identity: string; prettyName: string },
) {
  const brr = await (await kubeClient("provider")).create<Obj>(
    { ...kb("bindableresourcesrequests", "", namespace) },
    {
      apiVersion: "kube-bind.io/v1alpha2",
      kind: "BindableResourcesRequest",
      metadata: { name },
      spec: {
        templateRef: { name: "loadbalancer" },
        clusterIdentity,
        author: "admin@example.com",
        ttlAfterFinished: "10m",
      },
    },
  );
  const done = await waitFor(
    `BindableResourcesRequest ${name} Succeeded`,
    async () => {
      const r = await get("provider", kb("bindableresourcesrequests", name, namespace));
      return r?.status?.phase === "Succeeded" ? r : undefined;
    },
    { timeoutMs: 60_000 },
  );
  return { brr, done };
}

describe("real kube-bind: backend, kubectl-bind and konnector", () => {
  it("the backend runs its controllers: Cluster default exists and the export template is there", async () => {
    await waitFor("Cluster default", () => get("provider", kb("clusters", "default")), { timeoutMs: 30_000 });
    expect((await get("provider", kb("apiserviceexporttemplates", "loadbalancer")))?.metadata.name).toBe(
      "loadbalancer",
    );
  });

  it("binds the consumer: handshake by the backend, konnector deployed by the CLI, LoadBalancers synced both ways", {
    timeout: 300_000,
  }, async () => {
    const provider = await kubeClient("provider");
    const consumer = await kubeClient("consumer");
    const kubeSystem = await consumer.get<Obj>(core("namespaces", "kube-system"));
    const identity = kubeSystem.metadata.uid ?? "";

    // 1. The backend's handshake, asked for as a front end does.
    const requests = await freshNamespace("provider", "kube-bind-brr");
    try {
      const { brr, done } = await requestBinding(requests.name, "sandbox-bind", { identity, prettyName: "consumer" });
      const namespace = done.status?.namespace ?? "";
      const ns = await provider.get<Obj>(core("namespaces", namespace));
      expect(namespace).toMatch(/^kube-bind-[a-z0-9]+$/);
      expect(ns.metadata.annotations?.["backend.kube-bind.io/identity"]).toBe(identity);
      expect(ns.metadata.annotations?.["backend.kube-bind.io/author"]).toBe("admin@example.com");
      const secret = await provider.get<Obj>(core("secrets", `${brr.metadata.name}-binding-response`, requests.name));
      const response = JSON.parse(Buffer.from(secret.data?.["binding-response"] ?? "", "base64").toString("utf8"));
      expect(typeof response.kubeconfig).toBe("string");

      // 2. The real CLI on the consumer, with the requests a front end adds from the template.
      const template = await provider.get<Obj>(kb("apiserviceexporttemplates", "loadbalancer"));
      const full = {
        ...response,
        authentication: { oauth2CodeGrant: { sid: "sandbox", id: "sandbox/admin@example.com" } },
        requests: [
          {
            apiVersion: "kube-bind.io/v1alpha2",
            kind: "APIServiceExportRequest",
            metadata: { name: "loadbalancer" },
            spec: { resources: template.spec?.resources, permissionClaims: template.spec?.permissionClaims },
          },
        ],
      };
      // `deploy` talks to no kube-bind server, but insists on a current one in its config.
      const configFile = join(sandboxState().runDir, "kube-bind-cli-config.json");
      const server = { url: "http://127.0.0.1:1" };
      writeFileSync(
        configFile,
        JSON.stringify({ apiVersion: "v1", kind: "Config", servers: { [server.url]: server }, current: server.url }),
      );
      const cli = spawnSync(
        sandboxState().kubeBind.bin["kubectl-bind"],
        [
          "deploy",
          "--file",
          "-",
          "--config-file",
          configFile,
          "--kubeconfig",
          sandboxState().clusters.consumer.kubeconfigs.admin,
        ],
        { input: JSON.stringify(full), encoding: "utf8", timeout: 240_000 },
      );
      expect(cli.status, `${cli.stdout}\n${cli.stderr}`).toBe(0);

      // 3. The konnector runs (a process per replica) and its Deployment says so.
      const deployment = await waitFor(
        "konnector Deployment ready",
        async () => {
          const d = await get("consumer", DEPLOYMENT);
          return (d?.status?.readyReplicas ?? 0) > 0 ? d : undefined;
        },
        { timeoutMs: 60_000 },
      );
      expect(deployment.status?.conditions?.find((c) => c.type === "Available")?.status).toBe("True");
      await waitFor(
        "APIServiceBinding loadbalancer Ready",
        async () => ready(await get("consumer", kb("apiservicebindings", "loadbalancer"))),
        {
          timeoutMs: 90_000,
        },
      );
      const binding = await get("provider", kb("clusterbindings", "cluster", namespace));
      expect(binding?.status?.konnectorVersion).toBe("v0.8.1");
      expect(binding?.status?.lastHeartbeatTime).toBeTruthy();

      // 4. A LoadBalancer and its ConfigMap go to the provider; its status comes back.
      const team = await freshNamespace("consumer", "kube-bind-sync");
      try {
        const configMap = {
          apiVersion: "v1",
          kind: "ConfigMap",
          metadata: { name: "settings", namespace: team.name },
          data: { "custom-header": "from the sandbox test" },
        };
        const loadBalancer = {
          apiVersion: "networking.kro.run/v1alpha1",
          kind: "LoadBalancer",
          metadata: { name: "sync", namespace: team.name },
          spec: {
            domain: "sync.example.com",
            targetService: "backend",
            targetServiceNamespace: "default",
            targetPort: 30080,
            configMapRef: "settings",
          },
        };
        await applyObject(consumer, configMap, SANDBOX_APPLY);
        await waitFor("the consumer to serve LoadBalancers", () => applyObject(consumer, loadBalancer, SANDBOX_APPLY));
        const providerNs = `${namespace}-${team.name}`;
        const copy = await waitFor(
          "the provider copy of the LoadBalancer",
          () => get("provider", loadBalancers(providerNs)),
          { timeoutMs: 60_000 },
        );
        expect(copy.spec?.domain).toBe("sync.example.com");
        const settings = await waitFor("the claimed ConfigMap on the provider", () =>
          get("provider", core("configmaps", "settings", providerNs)),
        );
        expect(settings.data?.["custom-header"]).toBe("from the sandbox test");
        await waitFor(
          "the LoadBalancer's status back on the consumer (ACTIVE)",
          async () => (await get("consumer", loadBalancers(team.name)))?.status?.state === "ACTIVE",
          { timeoutMs: 90_000 },
        );
      } finally {
        await team.cleanup();
      }
    } finally {
      await requests.cleanup();
    }
  });

  it("the konnector Deployment's status follows its processes: scaled to 0 and back", {
    timeout: 120_000,
  }, async () => {
    const consumer = await kubeClient("consumer");
    const scale = (replicas: number) => consumer.mergePatch(DEPLOYMENT, { spec: { replicas } });
    await scale(0);
    try {
      await waitFor(
        "no konnector running",
        async () => {
          const d = await get("consumer", DEPLOYMENT);
          // Zero counts are omitted from the status the apiserver returns.
          return d?.status?.observedGeneration !== undefined && !d.status.replicas && !d.status.readyReplicas;
        },
        { timeoutMs: 60_000 },
      );
      const available = (await get("consumer", DEPLOYMENT))?.status?.conditions?.find((c) => c.type === "Available");
      expect(available?.status).toBe("False");
    } finally {
      await scale(2);
    }
    await waitFor(
      "konnectors ready again",
      async () => (await get("consumer", DEPLOYMENT))?.status?.readyReplicas === 2,
      {
        timeoutMs: 60_000,
      },
    );
  });

  it("a konnector that crashes is started again", { timeout: 120_000 }, async () => {
    // The runner starts each replica with a kubeconfig of its own under <runDir>/consumer-konnector/.
    const pids = () =>
      spawnSync("pgrep", ["-f", "--", `--kubeconfig=${join(sandboxState().runDir, "consumer-konnector")}/`], {
        encoding: "utf8",
      })
        .stdout.split("\n")
        .filter(Boolean)
        .map(Number);
    const before = await waitFor("running konnectors", () => (pids().length === 2 ? pids() : undefined), {
      timeoutMs: 60_000,
    });
    process.kill(before[0], "SIGKILL");
    const after = await waitFor(
      "a new konnector process in place of the killed one",
      () => {
        const now = pids();
        return now.length === 2 && !now.includes(before[0]) ? now : undefined;
      },
      { timeoutMs: 60_000 },
    );
    expect(after).toContain(before[1]);
    await waitFor(
      "both replicas ready again",
      async () => (await get("consumer", DEPLOYMENT))?.status?.readyReplicas === 2,
      {
        timeoutMs: 60_000,
      },
    );
  });

  it("two bindings on one provider both keep the rights to write their objects", { timeout: 120_000 }, async () => {
    const provider = await kubeClient("provider");
    const uid = (await (await kubeClient("consumer")).get(core("namespaces", "kube-system"))).metadata.uid;
    const namespaces = await provider.list({ group: "", version: "v1", resource: "namespaces" });
    const first = namespaces.items.find((n) => n.metadata.annotations?.["backend.kube-bind.io/identity"] === uid);
    expect(first).toBeTruthy();

    // A second consumer's binding, with an export of its own: the backend then points its shared
    // ClusterRoleBinding kube-binder-exports at the second binding's ServiceAccount.
    const requests = await freshNamespace("provider", "kube-bind-brr");
    let second = "";
    try {
      const { done } = await requestBinding(requests.name, "second-consumer", {
        identity: `second-consumer-${requests.name}`,
        prettyName: "second",
      });
      second = done.status?.namespace ?? "";
      const template = await provider.get<Obj>(kb("apiserviceexporttemplates", "loadbalancer"));
      await provider.create(kb("apiserviceexportrequests", "", second), {
        apiVersion: "kube-bind.io/v1alpha2",
        kind: "APIServiceExportRequest",
        metadata: { name: "loadbalancer" },
        spec: { resources: template.spec?.resources, permissionClaims: template.spec?.permissionClaims },
      });
      await waitFor(
        "the backend to bind kube-binder-exports to the second binding only",
        async () => {
          const crb = await get("provider", {
            group: "rbac.authorization.k8s.io",
            version: "v1",
            resource: "clusterrolebindings",
            name: "kube-binder-exports",
          });
          const subjects = (crb as { subjects?: { namespace?: string }[] } | undefined)?.subjects ?? [];
          return subjects.length === 1 && subjects[0].namespace === second;
        },
        { timeoutMs: 60_000 },
      );
      for (const ns of [first?.metadata.name ?? "", second]) {
        const review = await provider.create<KubeObject & { status: { allowed: boolean } }>(
          { group: "authorization.k8s.io", version: "v1", resource: "subjectaccessreviews" },
          {
            apiVersion: "authorization.k8s.io/v1",
            kind: "SubjectAccessReview",
            spec: {
              user: `system:serviceaccount:${ns}:kube-binder`,
              groups: ["system:serviceaccounts", `system:serviceaccounts:${ns}`],
              resourceAttributes: {
                group: "networking.kro.run",
                resource: "loadbalancers",
                verb: "create",
                namespace: `${ns}-default`,
              },
            },
          },
        );
        expect(review.status.allowed, `kube-binder of ${ns}`).toBe(true);
      }
    } finally {
      if (second) await provider.delete(core("namespaces", second)).catch(() => undefined);
      await requests.cleanup();
    }
  });
});
