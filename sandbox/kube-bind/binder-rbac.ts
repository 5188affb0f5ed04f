// kube-bind v0.8.1's backend gives each binding's `kube-binder` ServiceAccount its rights on the
// exported resources through ONE ClusterRoleBinding, kube-binder-exports, whose subjects it sets
// to the ServiceAccount of whichever export it reconciled last. With two consumers bound to one
// provider, one of them therefore loses the rights to write its synced objects, back and forth,
// and its LoadBalancers stop reaching the provider. The sandbox's platform setup adds what that
// binding means to give: one ClusterRoleBinding per binding namespace to the same aggregated
// ClusterRole, owned by the namespace so that it goes with it.
//
// Like the konnector runner it polls (namespaces, every second) instead of watching: a poll
// survives apiserver restarts without resume logic, and the list is small.
import { APIS } from "../../lib/k8s/apis";
import { applyObject } from "../../lib/k8s/apply";
import type { KubeObject } from "../../lib/k8s/types";
import type { Cluster } from "../cluster/control-plane";
import { SANDBOX_APPLY } from "../lib/kube";
import type { Log } from "../lib/process";

const IDENTITY_ANNOTATION = "backend.kube-bind.io/identity";
/** The backend's aggregated ClusterRole of every export's resources and claims. */
export const EXPORTS_ROLE = "kube-binder-exports";
const TICK_MS = 1000;

interface Namespace {
  metadata: { name: string; uid: string; annotations?: Record<string, string>; deletionTimestamp?: string };
}

/** The ClusterRoleBinding that gives one binding namespace's kube-binder its exports' rights. */
export function binderRoleBinding(ns: Namespace["metadata"]) {
  return {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "ClusterRoleBinding",
    metadata: {
      name: `${EXPORTS_ROLE}-${ns.name}`,
      ownerReferences: [{ apiVersion: "v1", kind: "Namespace", name: ns.name, uid: ns.uid }],
    },
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: EXPORTS_ROLE },
    subjects: [{ kind: "ServiceAccount", name: "kube-binder", namespace: ns.name }],
  };
}

export function startBinderRbac(provider: Cluster, log: Log = () => {}): { stop(): Promise<void> } {
  const done = new Set<string>();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  async function reconcile(): Promise<void> {
    const list = await provider.admin.list<KubeObject & Namespace>({
      ...APIS.namespaces,
    });
    for (const ns of list.items) {
      const { metadata } = ns;
      if (!metadata.annotations?.[IDENTITY_ANNOTATION] || metadata.deletionTimestamp || done.has(metadata.uid))
        continue;
      await applyObject(provider.admin, binderRoleBinding(metadata), SANDBOX_APPLY);
      done.add(metadata.uid);
      log(`kube-binder of ${metadata.name} bound to ClusterRole ${EXPORTS_ROLE}`);
    }
  }

  let busy: Promise<void> = Promise.resolve();
  const loop = async (): Promise<void> => {
    if (stopped) return;
    await reconcile().catch((error) => log(`kube-binder RBAC: ${(error as Error).message}`));
    if (!stopped) timer = setTimeout(() => (busy = loop()), TICK_MS);
  };
  busy = loop();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await busy;
    },
  };
}
