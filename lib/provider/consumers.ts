// Every bound consumer, from its ClusterBinding and what lives in its provider namespaces. Pure.

import {
  ClusterBinding,
  Crd,
  findCondition,
  Instance,
  Namespace,
  parseAll,
  parseOptional,
  Request,
  ServiceExport,
  ServiceNamespace,
} from "../k8s/models";
import type { KubeObject } from "../k8s/types";
import { FIX } from "./fixes";
import { heartbeatOf, konnectorOf } from "./heartbeat";
import { say } from "./messages";
import {
  AUTHOR_ANNOTATION,
  CLUSTER_NAMESPACE_ANNOTATION,
  CONSUMER_NAMESPACE_ANNOTATION,
  IDENTITY_ANNOTATION,
  KONNECTOR,
  PRETTY_NAME_ANNOTATION,
  type ProviderSnapshot,
} from "./snapshot";
import type {
  ConsumerDetailView,
  ConsumerExport,
  ConsumerRow,
  ConsumerState,
  Fix,
  InstanceCount,
  InstanceRow,
} from "./types";

const EXPORT_CONDITIONS = ["Connected", "ProviderInSync", "ConsumerInSync", "Ready"];

function groupBy<T>(items: T[], keyOf: (t: T) => string | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    if (k === undefined) continue;
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** Indexes shared by every row of one snapshot. */
class Index {
  readonly namespaces: Map<string, Namespace>;
  readonly serviceNamespaces: Map<string, string[]>;
  readonly exports: Map<string, ReturnType<typeof parseAll<typeof ServiceExport>>>;
  readonly requests: Map<string, ReturnType<typeof parseAll<typeof Request>>>;
  readonly kinds: Map<string, string>;

  constructor(readonly s: ProviderSnapshot) {
    this.namespaces = new Map(parseAll(Namespace, s.namespaces).map((n) => [n.metadata.name, n]));
    const sns = parseAll(ServiceNamespace, s.serviceNamespaces);
    this.serviceNamespaces = new Map(
      [...groupBy(sns, (n) => n.metadata.namespace)].map(([ns, list]) => [
        ns,
        list.flatMap((n) => (n.status?.namespace ? [n.status.namespace] : [])),
      ]),
    );
    this.exports = groupBy(parseAll(ServiceExport, s.exports), (e) => e.metadata.namespace);
    this.requests = groupBy(parseAll(Request, s.exportRequests), (r) => r.metadata.namespace);
    this.kinds = new Map(parseAll(Crd, s.crds).map((c) => [c.metadata.name, c.spec.names.kind]));
  }

  providerNamespaces(bindingNamespace: string): string[] {
    return [bindingNamespace, ...(this.serviceNamespaces.get(bindingNamespace) ?? [])]
      .filter((ns, i, all) => all.indexOf(ns) === i)
      .sort();
  }

  /** The synced objects of one binding: annotated with its namespace, or in one of its namespaces. */
  instancesOf(bindingNamespace: string): { resource: string; objects: Instance[] }[] {
    const namespaces = new Set(this.providerNamespaces(bindingNamespace));
    return Object.entries(this.s.instances).map(([resource, raw]) => ({
      resource,
      objects: parseAll(Instance, raw).filter(
        (o) =>
          o.metadata.annotations?.[CLUSTER_NAMESPACE_ANNOTATION] === bindingNamespace ||
          namespaces.has(o.metadata.namespace ?? ""),
      ),
    }));
  }
}

const isReady = (o: Instance) => findCondition(o.status?.conditions, "Ready")?.status === "True";

function exportsOf(index: Index, namespace: string): ConsumerExport[] {
  return (index.exports.get(namespace) ?? [])
    .map((e) => {
      const bad = EXPORT_CONDITIONS.map((t) => findCondition(e.status?.conditions, t)).find(
        (c) => c?.status === "False",
      );
      return {
        name: e.metadata.name,
        resources: e.spec.resources.map((r) => (r.group ? `${r.resource}.${r.group}` : r.resource)),
        inSync: !bad,
        message: bad
          ? say.exportNotInSync(e.metadata.name, bad.message || bad.reason || `${bad.type}=False`)
          : undefined,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

function rowOf(index: Index, raw: KubeObject): ConsumerRow | undefined {
  const binding = parseOptional(ClusterBinding, raw);
  const namespace = binding?.metadata.namespace;
  if (!binding || !namespace) return undefined;
  const s = index.s;
  const ns = index.namespaces.get(namespace);
  const annotations = { ...ns?.metadata.annotations, ...binding.metadata.annotations };
  const identity = annotations[IDENTITY_ANNOTATION];
  const local = Boolean(identity && s.local?.identity === identity);
  const heartbeat = heartbeatOf(raw, s.now);
  const konnector = local && s.local?.konnector !== undefined ? konnectorOf(s.local.konnector, raw, s.now) : undefined;
  let state: ConsumerState = heartbeat.state;
  let summary: string;
  let fix: Fix | undefined;
  if (ns?.metadata.deletionTimestamp || binding.metadata.deletionTimestamp) {
    state = "revoking";
    summary = say.revoking;
  } else if (konnector?.state === "stopped") {
    state = "down";
    summary = say.konnectorStopped(KONNECTOR.namespace, KONNECTOR.name, konnector.ready, konnector.replicas);
    fix = FIX.scaleKonnector(KONNECTOR.namespace, KONNECTOR.name);
  } else if (konnector?.state === "missing") {
    state = "down";
    summary = say.konnectorMissing(KONNECTOR.namespace, KONNECTOR.name);
    fix = FIX.bindAgain;
  } else {
    const h = heartbeat.state;
    summary = h === "lost" && !heartbeat.at ? say.never : say[h](heartbeat.intervalMs);
    if (konnector?.state === "degraded") summary += ` ${say.konnectorDegraded(konnector.ready, konnector.replicas)}`;
    if (h === "late" || h === "lost") fix = FIX.konnectorLogs;
  }
  const instances: InstanceCount[] = index.instancesOf(namespace).map(({ resource, objects }) => ({
    resource,
    kind: index.kinds.get(resource) ?? resource,
    total: objects.length,
    notReady: objects.filter((o) => !isReady(o)).length,
  }));
  return {
    namespace,
    name: binding.metadata.name,
    consumer: annotations[PRETTY_NAME_ANNOTATION] || identity || namespace,
    identity,
    author: annotations[AUTHOR_ANNOTATION],
    konnectorVersion: binding.status?.konnectorVersion,
    heartbeat,
    konnector,
    local,
    state,
    summary,
    fix,
    exports: exportsOf(index, namespace),
    instances,
    providerNamespaces: index.providerNamespaces(namespace),
    createdAt: binding.metadata.creationTimestamp,
  };
}

const ORDER: Record<ConsumerState, number> = { down: 0, lost: 1, late: 2, starting: 3, revoking: 4, healthy: 5 };

/** A row per ClusterBinding: the troubled ones first, then by consumer name. */
export function consumerRows(s: ProviderSnapshot): ConsumerRow[] {
  const index = new Index(s);
  return s.clusterBindings
    .map((b) => rowOf(index, b))
    .filter((r): r is ConsumerRow => Boolean(r))
    .sort(
      (a, b) =>
        ORDER[a.state] - ORDER[b.state] ||
        a.consumer.localeCompare(b.consumer) ||
        a.namespace.localeCompare(b.namespace),
    );
}

/** One consumer in detail: its binding's conditions, export requests and every synced object. */
export function consumerDetail(s: ProviderSnapshot, namespace: string): Omit<ConsumerDetailView, "health"> {
  const index = new Index(s);
  const raw = s.clusterBindings.find((b) => b.metadata.namespace === namespace);
  const consumer = raw ? rowOf(index, raw) : undefined;
  if (!raw || !consumer) return { target: { namespace }, found: false, conditions: [], requests: [], instances: [] };
  const binding = parseOptional(ClusterBinding, raw);
  const conditions = (binding?.status?.conditions ?? []).map((c) => ({
    type: c.type,
    status: c.status,
    reason: c.reason,
    message: c.message,
    lastTransitionTime: c.lastTransitionTime,
  }));
  const requests = (index.requests.get(namespace) ?? [])
    .map((r) => ({
      name: r.metadata.name,
      phase: r.status?.phase ?? "Pending",
      message: r.status?.terminalMessage || findCondition(r.status?.conditions, "Ready")?.message || undefined,
      createdAt: r.metadata.creationTimestamp,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const instances: InstanceRow[] = index
    .instancesOf(namespace)
    .flatMap(({ resource, objects }) =>
      objects.map((o) => {
        const ready = findCondition(o.status?.conditions, "Ready");
        return {
          namespace: o.metadata.namespace ?? "",
          name: o.metadata.name,
          kind: o.kind ?? index.kinds.get(resource) ?? resource,
          state: o.status?.state ?? "—",
          ready: ready?.status === "True",
          consumerNamespace: o.metadata.annotations?.[CONSUMER_NAMESPACE_ANNOTATION],
          message: ready?.status === "True" ? undefined : ready?.message || undefined,
        };
      }),
    )
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
  return { target: { namespace }, found: true, consumer, conditions, requests, instances };
}
