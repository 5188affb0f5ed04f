// Emulated kube-bind backend controllers (v0.6 `serviceexportrequest`, `clusterbinding`,
// `servicenamespace`) on the provider cluster, run with the provider's admin kubeconfig as the
// real backend runs with its all-powerful ServiceAccount. The HTTP part is the portal's job.

import { reconcileClusterBinding, reconcileServiceNamespace } from "./backend-rbac";
import { reconcileRequest } from "./backend-requests";
import { KubeClient, resourcePath } from "./client";
import { Informer, keyOf, type Log, waitForSync } from "./informer";
import { BACKEND_FIELD_MANAGER, R } from "./naming";
import { every, WorkQueue } from "./queue";
import type { ClusterBinding, ExportRequest, ServiceExport, ServiceNamespace, Stoppable } from "./types";

export interface BackendOptions {
  /** provider kubeconfig: file path or YAML text */
  kubeconfig: string;
  log: Log;
  /** upstream --consumer-scope; the sandbox's template is Namespaced */
  informerScope?: "Namespaced" | "Cluster";
  /** how often everything is reconciled again even without events (upstream: informer resync) */
  resyncMs?: number;
  /** how long start may wait for the caches (kube-bind CRDs missing = never) */
  syncTimeoutMs?: number;
}

const split = (key: string): [string, string] => {
  const i = key.indexOf("/");
  return [key.slice(0, i), key.slice(i + 1)];
};

export async function startBackend(opts: BackendOptions): Promise<Stoppable> {
  const log = (line: string) => opts.log(`backend: ${line}`);
  const client = KubeClient.load(opts.kubeconfig, BACKEND_FIELD_MANAGER);
  const informerScope = opts.informerScope ?? "Namespaced";

  const requests = new Informer<ExportRequest>(client, resourcePath(R.exportRequests), log);
  const exports = new Informer<ServiceExport>(client, resourcePath(R.exports), log);
  const clusterBindings = new Informer<ClusterBinding>(client, resourcePath(R.clusterBindings), log);
  const serviceNamespaces = new Informer<ServiceNamespace>(client, resourcePath(R.serviceNamespaces), log);
  const informers = [requests, exports, clusterBindings, serviceNamespaces];

  const requestQueue = new WorkQueue(
    "APIServiceExportRequest",
    (key) => reconcileRequest({ client, log, informerScope }, ...split(key)),
    log,
  );
  const rbac = { client, log, exports };
  const bindingQueue: WorkQueue = new WorkQueue(
    "ClusterBinding",
    async (key) => {
      const recheckMs = await reconcileClusterBinding(rbac, ...split(key));
      // Health decays without events: look again when the heartbeat would time out.
      if (recheckMs !== undefined) bindingQueue.add(key, recheckMs);
    },
    log,
  );
  const namespaceQueue = new WorkQueue(
    "APIServiceNamespace",
    (key) => reconcileServiceNamespace(rbac, ...split(key)),
    log,
  );
  const queues = [requestQueue, bindingQueue, namespaceQueue];

  requests.on((type, obj) => type !== "DELETED" && requestQueue.add(keyOf(obj)));
  clusterBindings.on((type, obj) => type !== "DELETED" && bindingQueue.add(keyOf(obj)));
  serviceNamespaces.on((_type, obj) => namespaceQueue.add(keyOf(obj)));
  // Exports change the ClusterRole's rules and the per-namespace claim Roles.
  exports.on((_type, obj) => {
    const ns = obj.metadata.namespace;
    for (const cb of clusterBindings.list()) if (cb.metadata.namespace === ns) bindingQueue.add(keyOf(cb));
    for (const sns of serviceNamespaces.list()) if (sns.metadata.namespace === ns) namespaceQueue.add(keyOf(sns));
  });

  // Exports first: the RBAC reconcilers read them from the cache.
  exports.start();
  try {
    await waitForSync([exports], opts.syncTimeoutMs ?? 60_000);
    for (const i of informers) if (i !== exports) i.start();
    await waitForSync(informers, opts.syncTimeoutMs ?? 60_000);
  } catch (e) {
    for (const i of informers) i.stop();
    await Promise.all(queues.map((q) => q.stop()));
    throw e;
  }
  const stopResync = every(opts.resyncMs ?? 30_000, () => {
    for (const r of requests.list()) requestQueue.add(keyOf(r));
    for (const cb of clusterBindings.list()) bindingQueue.add(keyOf(cb));
    for (const sns of serviceNamespaces.list()) namespaceQueue.add(keyOf(sns));
  });
  log("started");

  return {
    async stop() {
      stopResync();
      for (const i of informers) i.stop();
      await Promise.all(queues.map((q) => q.stop()));
      log("stopped");
    },
  };
}
