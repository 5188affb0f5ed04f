// The whole kube-bind chain in a running sandbox (SANDBOX_STATE), without the portal: the §3.1
// handshake objects made here as admin, the APIServiceExportRequest made as kube-binder, the
// binding on the consumer, then a LoadBalancer + ConfigMap synced to the provider where real kro
// reconciles it, and its status flowing back. The sandbox runs the emulator; this suite needs a
// consumer that does not bind LoadBalancers yet (npm test runs it before the e2e suite binds).
// Polls, never sleeps.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sandboxState, waitFor } from "../../testing";
import { KubeClient, type Obj, resourcePath } from "./client";
import { findCondition } from "./conditions";
import { createProviderIdentity, type ProviderIdentity } from "./handshake";
import { API_VERSION, clusterRoleName, DOWNSTREAM_FINALIZER, OWNER_LABEL, R } from "./naming";
import type { ClusterBinding, Crd, ExportRequest, ServiceBinding, ServiceExport, ServiceNamespace } from "./types";

const LB = { group: "networking.kro.run", version: "v1alpha1", plural: "loadbalancers" };
const CM = { group: "", version: "v1", plural: "configmaps" };
const LB_CRD = "loadbalancers.networking.kro.run";
const rand = randomBytes(3).toString("hex");
const WAIT = { timeoutMs: 60_000 };

describe("kube-bind emulator: bind and sync a LoadBalancer", () => {
  let provider: KubeClient;
  let consumer: KubeClient;
  let binder: KubeClient;
  let identity: ProviderIdentity;
  const lines: string[] = [];
  const cleanups: (() => Promise<unknown>)[] = [];
  const bindingName = `loadbalancer-t${rand}`;
  const consumerNs = `kb-emu-${rand}`;
  let providerNs = "";

  beforeAll(async () => {
    const state = sandboxState();
    provider = KubeClient.load(state.clusters.provider.kubeconfigs.admin);
    consumer = KubeClient.load(state.clusters.consumer.kubeconfigs.admin);
    identity = await createProviderIdentity(provider);
    cleanups.push(() => identity.cleanup());
    binder = KubeClient.load(identity.kubeconfig);
    providerNs = `${identity.namespace}-${consumerNs}`;
  });

  afterAll(async () => {
    for (const c of cleanups.reverse()) await c().catch((e) => lines.push(`cleanup: ${(e as Error).message}`));
    if (process.env.KUBE_BIND_EMULATOR_DEBUG) console.log(lines.join("\n"));
  });

  it("accepts the template's APIServiceExportRequest made as kube-binder", async () => {
    const template = await provider.get<Obj & { spec: Record<string, unknown> }>(
      resourcePath(
        { group: "kube-bind.io", version: "v1alpha2", plural: "apiserviceexporttemplates" },
        undefined,
        "loadbalancer",
      ),
    );
    expect(template, "template loadbalancer").toBeDefined();
    const { resources, permissionClaims, namespaces } = template?.spec ?? {};
    await binder.create(resourcePath(R.exportRequests, identity.namespace), {
      apiVersion: API_VERSION,
      kind: "APIServiceExportRequest",
      metadata: { name: bindingName },
      spec: { resources, permissionClaims, ...(namespaces ? { namespaces } : {}) },
    });
    const req = await waitFor(
      "request Succeeded",
      async () => {
        const r = await binder.get<ExportRequest>(resourcePath(R.exportRequests, identity.namespace, bindingName));
        if (r?.status?.phase === "Failed") throw new Error(r.status.terminalMessage);
        return r?.status?.phase === "Succeeded" ? r : undefined;
      },
      WAIT,
    );
    expect(findCondition(req.status?.conditions, "Ready")?.status).toBe("True");
    const exp = await binder.get<ServiceExport>(resourcePath(R.exports, identity.namespace, bindingName));
    expect(exp?.spec?.informerScope).toBe("Namespaced");
    expect(exp?.spec?.permissionClaims?.[0]?.selector?.references?.[0]?.jsonPath?.name).toBe("spec.configMapRef");
    const role = await waitFor(
      "ClusterRole kube-binder-<ns>",
      async () => {
        const r = await provider.get<Obj & { rules?: { resources: string[] }[] }>(
          resourcePath(R.clusterRoles, undefined, clusterRoleName(identity.namespace)),
        );
        return r?.rules?.some((x) => x.resources.includes("loadbalancers")) ? r : undefined;
      },
      WAIT,
    );
    expect(role.metadata.ownerReferences?.[0]).toMatchObject({ kind: "Namespace", name: identity.namespace });
  });

  it("binds on the consumer: CRD served, binding Ready, heartbeats", async () => {
    const existing = await consumer.get<Crd>(resourcePath(R.crds, undefined, LB_CRD));
    const owner = existing?.metadata.ownerReferences?.find((r) => r.kind === "APIServiceBinding");
    expect(owner?.name, "this suite needs a consumer that does not bind LoadBalancers yet").toBeUndefined();
    if (!(await consumer.get(resourcePath(R.namespaces, undefined, "kube-bind")))) {
      await consumer.create(resourcePath(R.namespaces), { metadata: { name: "kube-bind" } });
      // Ours to remove, unless someone else (the portal's tests) has put Secrets there meanwhile.
      cleanups.push(async () => {
        const left = await consumer.list(resourcePath(R.secrets, "kube-bind"));
        if (left.items.length === 0) await consumer.delete(resourcePath(R.namespaces, undefined, "kube-bind"));
      });
    }
    const secretName = `kubeconfig-${identity.namespace}`;
    await consumer.create(resourcePath(R.secrets, "kube-bind"), {
      metadata: { name: secretName, namespace: "kube-bind" },
      data: { kubeconfig: Buffer.from(identity.kubeconfig).toString("base64") },
    });
    cleanups.push(() => consumer.delete(resourcePath(R.secrets, "kube-bind", secretName)));
    await consumer.create(resourcePath(R.bindings), {
      apiVersion: API_VERSION,
      kind: "APIServiceBinding",
      metadata: { name: bindingName },
      spec: { kubeconfigSecretRef: { namespace: "kube-bind", name: secretName, key: "kubeconfig" } },
    });
    cleanups.push(async () => {
      await consumer.delete(resourcePath(R.bindings, undefined, bindingName));
      // The binding owns the CRD: wait for the garbage collector, so the next run starts clean.
      await waitFor(
        "consumer CRD gone",
        async () => !(await consumer.get(resourcePath(R.crds, undefined, LB_CRD))),
        WAIT,
      );
    });
    const binding = await waitFor(
      "binding Ready",
      async () => {
        const b = await consumer.get<ServiceBinding>(resourcePath(R.bindings, undefined, bindingName));
        const ready = findCondition(b?.status?.conditions, "Ready");
        if (ready?.status === "False") throw new Error(`${ready.reason}: ${ready.message}`);
        return ready?.status === "True" ? b : undefined;
      },
      WAIT,
    );
    expect(binding.status?.providerPrettyName).toBe("sandbox");
    expect(binding.status?.boundSchemas).toEqual([{ group: "networking.kro.run", resource: "loadbalancers" }]);
    const crd = await consumer.get<Crd>(resourcePath(R.crds, undefined, LB_CRD));
    expect(crd?.metadata.ownerReferences?.[0]).toMatchObject({ kind: "APIServiceBinding", name: bindingName });
    await waitFor("LoadBalancers served on the consumer", () => consumer.list(resourcePath(LB)).then(() => true), WAIT);
    const cb = await waitFor(
      "a healthy heartbeat",
      async () => {
        const c = await provider.get<ClusterBinding>(resourcePath(R.clusterBindings, identity.namespace, "cluster"));
        return findCondition(c?.status?.conditions, "Healthy")?.status === "True" ? c : undefined;
      },
      WAIT,
    );
    expect(cb.status).toMatchObject({ heartbeatInterval: "10s", konnectorVersion: "v0.6.0-sandbox" });
  });

  it("syncs the LoadBalancer and its ConfigMap; kro's status comes back", async () => {
    await consumer.create(resourcePath(R.namespaces), { metadata: { name: consumerNs } });
    cleanups.push(() => consumer.delete(resourcePath(R.namespaces, undefined, consumerNs)));
    await consumer.create(resourcePath(CM, consumerNs), {
      metadata: { name: "my-lb-config" },
      data: { "custom-header": "hello-kube-bind" },
    });
    await consumer.create(resourcePath(LB, consumerNs), {
      apiVersion: "networking.kro.run/v1alpha1",
      kind: "LoadBalancer",
      metadata: { name: "my-lb", labels: { team: "emu" } },
      spec: {
        domain: `emu-${rand}.example.com`,
        configMapRef: "my-lb-config",
        targetService: "backend",
        targetServiceNamespace: "default",
        targetPort: 30080,
      },
    });
    cleanups.push(() => deleteAndWait(consumer, resourcePath(LB, consumerNs, "my-lb")));
    const sns = await waitFor(
      "APIServiceNamespace with status",
      async () => {
        const s = await provider.get<ServiceNamespace>(
          resourcePath(R.serviceNamespaces, identity.namespace, consumerNs),
        );
        return s?.status?.namespace ? s : undefined;
      },
      WAIT,
    );
    expect(sns.status?.namespace).toBe(providerNs);
    const copy = await waitFor<Obj>(
      "provider LoadBalancer",
      () => provider.get(resourcePath(LB, providerNs, "my-lb")),
      WAIT,
    );
    expect(copy.spec).toMatchObject({ configMapRef: "my-lb-config", targetPort: 30080 });
    expect(copy.metadata.labels?.team).toBe("emu");
    expect(copy.metadata.annotations?.["kube-bind.io/cluster-namespace"]).toBe(identity.namespace);
    const cm = await waitFor(
      "provider ConfigMap",
      () => provider.get<Obj & { data?: Record<string, string> }>(resourcePath(CM, providerNs, "my-lb-config")),
      WAIT,
    );
    expect(cm.data).toEqual({ "custom-header": "hello-kube-bind" });
    expect(cm.metadata.labels?.[OWNER_LABEL]).toBe("consumer");
    const mine = await consumer.get(resourcePath(LB, consumerNs, "my-lb"));
    expect(mine?.metadata.finalizers).toContain(DOWNSTREAM_FINALIZER);
    // Real kro reconciles the provider copy; its status must show up on the consumer object.
    const synced = await waitFor(
      "kro status on the consumer",
      async () => {
        const [p, c] = await Promise.all([
          provider.get(resourcePath(LB, providerNs, "my-lb")),
          consumer.get(resourcePath(LB, consumerNs, "my-lb")),
        ]);
        const state = (c?.status as { state?: string } | undefined)?.state;
        return state && JSON.stringify(p?.status) === JSON.stringify(c?.status) ? c : undefined;
      },
      { timeoutMs: 90_000 },
    );
    expect((synced.status as { state: string }).state).toMatch(/ACTIVE|IN_PROGRESS/);
  });

  it("deletes provider copies when the consumer objects go", async () => {
    await consumer.mergePatch(resourcePath(LB, consumerNs, "my-lb"), { spec: { configMapRef: "other" } });
    await waitFor(
      "unreferenced ConfigMap removed from the provider",
      async () => !(await provider.get(resourcePath(CM, providerNs, "my-lb-config"))),
      WAIT,
    );
    await deleteAndWait(consumer, resourcePath(LB, consumerNs, "my-lb"));
    await waitFor(
      "provider LoadBalancer gone",
      async () => !(await provider.get(resourcePath(LB, providerNs, "my-lb"))),
      WAIT,
    );
    await consumer.delete(resourcePath(R.namespaces, undefined, consumerNs));
    await waitFor(
      "APIServiceNamespace and provider namespace gone",
      async () => {
        const s = await provider.get(resourcePath(R.serviceNamespaces, identity.namespace, consumerNs));
        const n = await provider.get(resourcePath(R.namespaces, undefined, providerNs));
        return !s && (!n || Boolean(n.metadata.deletionTimestamp));
      },
      WAIT,
    );
  });

  it("fails requests for unexported resources and unclaimable APIs", async () => {
    const request = async (name: string, spec: Record<string, unknown>) => {
      await binder.create(resourcePath(R.exportRequests, identity.namespace), {
        apiVersion: API_VERSION,
        kind: "APIServiceExportRequest",
        metadata: { name },
        spec,
      });
      return waitFor(
        `request ${name} Failed`,
        async () => {
          const r = await binder.get<ExportRequest>(resourcePath(R.exportRequests, identity.namespace, name));
          return r?.status?.phase === "Failed" ? r.status.terminalMessage : undefined;
        },
        WAIT,
      );
    };
    const lbs = [{ group: "networking.kro.run", resource: "loadbalancers", versions: ["v1alpha1"] }];
    expect(
      await request("missing", { resources: [{ group: "example.com", resource: "foos", versions: ["v1"] }] }),
    ).toBe("Schema foos.example.com not found");
    expect(await request("pods", { resources: lbs, permissionClaims: [{ group: "", resource: "pods" }] })).toBe(
      "Resource pods is not a valid claimable API",
    );
  });
});

async function deleteAndWait(client: KubeClient, path: string): Promise<void> {
  await client.delete(path);
  await waitFor(`${path} gone`, async () => !(await client.get(path)), WAIT);
}
