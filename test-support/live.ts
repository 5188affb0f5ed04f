// A test world for lib/live on the running sandbox, with real kro and the Envoy Gateway emulator
// on the provider. The consumer is bound for real (ensureConsumerBound: kube-bind's backend made
// the binding and the real konnector runs, so its Deployment kube-bind/konnector reports the
// binding's health), but the views under test follow LoadBalancers of a test-only group
// (loadbalancers.live-test.kube-bind.io, same kind and shape as the bound one) that the konnector
// does not sync: the world plays the konnector's spec/status sync for them, in a binding namespace
// of its own keyed to the same consumer cluster.

import { IDENTITY_ANNOTATION, SERVICE_NAMESPACE_ANNOTATION } from "../lib/bind/naming";
import { APIS, type Api } from "../lib/k8s/apis";
import { KubeClient } from "../lib/k8s/client";
import type { ClusterConnection } from "../lib/k8s/connection";
import { KubeError } from "../lib/k8s/errors";
import { asUser, type KubeObject, type ResourceRef } from "../lib/k8s/types";
import { WatchHub } from "../lib/k8s/watch-hub";
import type { LiveContext } from "../lib/live/context";
import type { LiveSubscription, LiveUpdate } from "../lib/live/types";
import type { Result } from "../lib/result";
import { guideLoadBalancer, settingsConfigMap } from "./guide";
import { randomSuffix, sandboxClient } from "./k8s";
import { applySandboxPortalEnv, ensureConsumerBound } from "./loadbalancer";

export const TEST_API: Api = { group: "live-test.kube-bind.io", version: "v1alpha1", resource: "loadbalancers" };
const CRD = `${TEST_API.resource}.${TEST_API.group}`;
/** full rights on the test LoadBalancers, aggregated into `edit` */
export const TEST_ROLE = "live-test:loadbalancers";
const ROLE = TEST_ROLE;
const open = { type: "object", "x-kubernetes-preserve-unknown-fields": true };

export function ref(api: Api, namespace?: string): ResourceRef;
export function ref(api: Api, namespace: string | undefined, name: string): ResourceRef & { name: string };
export function ref(api: Api, namespace?: string, name?: string): ResourceRef {
  return { ...api, namespace, name };
}
const ignoreNotFound = (e: unknown) => {
  if (!(e instanceof KubeError && e.notFound)) throw e;
};

export interface LiveWorld {
  consumerAdmin: KubeClient;
  providerAdmin: KubeClient;
  consumerPortal: KubeClient;
  providerPortal: KubeClient;
  clusterNamespace: string;
  providerNamespace: string;
  context(opts?: Partial<LiveContext> & { providerConnection?: ClusterConnection }): LiveContext;
  /** the konnector's spec sync: consumer LoadBalancer (and its ConfigMap) → provider copies */
  copyToProvider(name: string): Promise<void>;
  /** the konnector's status sync: provider copy's status → consumer object */
  copyStatusBack(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function startLiveWorld(): Promise<LiveWorld> {
  applySandboxPortalEnv();
  await ensureConsumerBound();
  const [consumerAdmin, providerAdmin, consumerPortal, providerPortal] = await Promise.all([
    sandboxClient("consumer", "admin"),
    sandboxClient("provider", "admin"),
    sandboxClient("consumer", "portal"),
    sandboxClient("provider", "portal"),
  ]);
  await ensureConsumerApi(consumerAdmin);
  // The apiserver's RBAC cache follows the aggregated role a moment later.
  await until("team-a may watch the test LoadBalancers", () =>
    new KubeClient(consumerPortal.conn, asUser("alice@example.com", ["team-a"])).can({
      verb: "watch",
      group: TEST_API.group,
      resource: TEST_API.resource,
      namespace: "default",
    }),
  );
  const r = randomSuffix();
  const clusterNamespace = `kube-bind-lt${r}`;
  const providerNamespace = `${clusterNamespace}-default`;
  const kubeSystem = await consumerAdmin.get(ref(APIS.namespaces, undefined, "kube-system"));
  await providerAdmin.create(ref(APIS.namespaces), {
    metadata: { name: clusterNamespace, annotations: { [IDENTITY_ANNOTATION]: kubeSystem.metadata.uid } },
  });
  await providerAdmin.create(ref(APIS.namespaces), {
    metadata: {
      name: providerNamespace,
      annotations: { [SERVICE_NAMESPACE_ANNOTATION]: `${clusterNamespace}/default` },
    },
  });
  // A konnector heartbeating every 5 minutes: never stale while the tests run.
  const cb = await providerAdmin.create(ref(APIS.clusterBindings, clusterNamespace), {
    apiVersion: "kube-bind.io/v1alpha2",
    kind: "ClusterBinding",
    metadata: { name: "cluster" },
    spec: { providerPrettyName: "sandbox", kubeconfigSecretRef: { name: "kubeconfig", key: "kubeconfig" } },
  });
  await providerAdmin.update(
    { ...ref(APIS.clusterBindings, clusterNamespace, "cluster"), subresource: "status" },
    {
      ...cb,
      status: { lastHeartbeatTime: new Date().toISOString().replace(/\.\d+Z$/, "Z"), heartbeatInterval: "5m0s" },
    },
  );
  const hubs: WatchHub[] = [];

  return {
    consumerAdmin,
    providerAdmin,
    consumerPortal,
    providerPortal,
    clusterNamespace,
    providerNamespace,
    context(opts = {}) {
      const { providerConnection, ...rest } = opts;
      const hub = new WatchHub({
        connect: async (c) => (c === "consumer" ? consumerPortal.conn : (providerConnection ?? providerPortal.conn)),
        idleGraceMs: 60_000,
        backoff: { initialMs: 100, maxMs: 1_000 },
      });
      hubs.push(hub);
      return {
        hub,
        consumerAs: async (id) => new KubeClient(consumerPortal.conn, asUser(id.user, id.groups)),
        consumerPortal: async () => consumerPortal,
        adminGroup: "platform-admins",
        api: TEST_API,
        tickMs: 1_000,
        ...rest,
      };
    },
    async copyToProvider(name) {
      const lb = await consumerAdmin.get(ref(TEST_API, "default", name));
      const spec = lb.spec as { configMapRef?: string };
      if (spec.configMapRef) {
        const cm = await consumerAdmin.get(ref(APIS.configMaps, "default", spec.configMapRef));
        await providerAdmin.create(ref(APIS.configMaps, providerNamespace), {
          apiVersion: "v1",
          kind: "ConfigMap",
          metadata: { name: cm.metadata.name, labels: { "kube-bind.io/owner": "consumer" } },
          data: cm.data,
        });
      }
      await providerAdmin.create(ref(APIS.loadBalancers, providerNamespace), {
        apiVersion: `${APIS.loadBalancers.group}/${APIS.loadBalancers.version}`,
        kind: "LoadBalancer",
        metadata: { name, annotations: { "kube-bind.io/cluster-namespace": clusterNamespace } },
        spec: lb.spec,
      });
    },
    async copyStatusBack(name) {
      const copy = await providerAdmin.get(ref(APIS.loadBalancers, providerNamespace, name));
      const lb = await consumerAdmin.get(ref(TEST_API, "default", name));
      await consumerAdmin.update(
        { ...ref(TEST_API, "default", name), subresource: "status" },
        { ...lb, status: copy.status },
      );
    },
    async close() {
      for (const hub of hubs) hub.close();
      const lbs = await providerAdmin.list(ref(APIS.loadBalancers, providerNamespace));
      for (const lb of lbs.items)
        await providerAdmin.delete(ref(APIS.loadBalancers, providerNamespace, lb.metadata.name));
      // kro removes its children (and the ReferenceGrant in `default`) before the copy goes.
      await waitGone(providerAdmin, ref(APIS.loadBalancers, providerNamespace));
      for (const ns of [providerNamespace, clusterNamespace])
        await providerAdmin.delete(ref(APIS.namespaces, undefined, ns)).catch(ignoreNotFound);
      await consumerAdmin.delete(ref(APIS.crds, undefined, CRD)).catch(ignoreNotFound);
      await consumerAdmin.delete(ref(APIS.clusterRoles, undefined, ROLE)).catch(ignoreNotFound);
    },
  };
}

/** The guide's LoadBalancer `name` (test group) and its settings in default, created as `who`. */
export async function createTestLoadBalancer(
  world: LiveWorld,
  who: { user: string; groups: string[] },
  name: string,
  header: string,
) {
  const client = new KubeClient(world.consumerPortal.conn, asUser(who.user, who.groups));
  await client.create(ref(APIS.configMaps, "default"), settingsConfigMap(`${name}-settings`, header));
  await client.create(
    ref(TEST_API, "default"),
    guideLoadBalancer(name, { apiVersion: `${TEST_API.group}/${TEST_API.version}`, configMapRef: `${name}-settings` }),
  );
}

/** Removes what createTestLoadBalancer made, if it is still there. */
export async function removeTestLoadBalancer(world: LiveWorld, name: string) {
  await world.consumerAdmin.delete(ref(TEST_API, "default", name)).catch(() => undefined);
  await world.consumerAdmin.delete(ref(APIS.configMaps, "default", `${name}-settings`)).catch(() => undefined);
}

/** The subscriptions a test file opened: `keep` fails on a refusal, `closeAll` ends them all. */
export function openSubscriptions() {
  const open: LiveSubscription[] = [];
  return {
    keep(result: Result<LiveSubscription>): LiveSubscription {
      if (!result.ok) throw new Error(`subscription refused: ${result.error.message}`);
      open.push(result.data);
      return result.data;
    },
    closeAll() {
      for (const s of open.splice(0)) s.close();
    },
  };
}

/** Polls an async check until it holds (or fails after 30 s). */
export async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function waitGone(client: KubeClient, r: ResourceRef) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if ((await client.list(r)).items.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The test-group LoadBalancer CRD on the consumer, editable by whoever may `edit` a namespace. */
async function ensureConsumerApi(admin: KubeClient) {
  await admin
    .create(ref(APIS.crds), {
      apiVersion: "apiextensions.k8s.io/v1",
      kind: "CustomResourceDefinition",
      metadata: { name: CRD },
      spec: {
        group: TEST_API.group,
        scope: "Namespaced",
        names: {
          kind: "LoadBalancer",
          listKind: "LoadBalancerList",
          plural: "loadbalancers",
          singular: "loadbalancer",
        },
        versions: [
          {
            name: TEST_API.version,
            served: true,
            storage: true,
            subresources: { status: {} },
            schema: { openAPIV3Schema: { type: "object", properties: { spec: open, status: open } } },
          },
        ],
      },
    })
    .catch((e) => (e instanceof KubeError && e.conflict ? undefined : Promise.reject(e)));
  await admin
    .create(ref(APIS.clusterRoles), {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRole",
      metadata: { name: ROLE, labels: { "rbac.authorization.k8s.io/aggregate-to-edit": "true" } },
      rules: [{ apiGroups: [TEST_API.group], resources: ["loadbalancers", "loadbalancers/status"], verbs: ["*"] }],
    })
    .catch((e) => (e instanceof KubeError && e.conflict ? undefined : Promise.reject(e)));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const served = await admin.served(TEST_API.group, TEST_API.version).catch(() => null);
    const crd = (await admin.get(ref(APIS.crds, undefined, CRD))) as KubeObject & {
      status?: { conditions?: { type: string; status: string }[] };
    };
    // kube-controller-manager aggregates the role into `edit`, which team-a holds in `default`.
    const edit = (await admin.get(ref(APIS.clusterRoles, undefined, "edit"))) as KubeObject & {
      rules?: { apiGroups?: string[] }[];
    };
    const aggregated = edit.rules?.some((rule) => rule.apiGroups?.includes(TEST_API.group));
    const established = crd.status?.conditions?.some((c) => c.type === "Established" && c.status === "True");
    if (served?.length && established && aggregated) return;
    if (Date.now() > deadline) throw new Error(`CRD ${CRD} not served or not aggregated into edit`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Collects a live subscription's updates: the latest view, and the shared changes it received. */
export function collector<V>() {
  const updates: LiveUpdate<V>[] = [];
  return {
    updates,
    onUpdate: (u: LiveUpdate<V>) => updates.push(u),
    latest: (): V | undefined => {
      const last = updates.filter((u) => u.type === "view").at(-1);
      return last?.type === "view" ? last.view : undefined;
    },
    changes: () => updates.flatMap((u) => (u.type === "view" && u.change ? [u.change] : [])),
  };
}
