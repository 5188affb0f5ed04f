// The backend's `clusterbinding` and `servicenamespace` controllers: heartbeat health of a
// ClusterBinding, the RBAC that lets a cluster namespace's kube-binder ServiceAccount (i.e. the
// konnector) work with its exported resources, and a provider namespace per APIServiceNamespace.
import { type KubeClient, resourcePath } from "./client";
import { mergeConditions, sameJson, setCondition, setSummary } from "./conditions";
import type { Informer, Log } from "./informer";
import {
  clusterRoleName,
  exportRoleName,
  exportRolePrefix,
  GROUP,
  providerNamespaceName,
  R,
  resourceGroupName,
  SERVICE_ACCOUNT,
  SERVICE_NAMESPACE_ANNOTATION,
} from "./naming";
import { binderSubject, CRUD, deleteOrphans, ensureBinding, ensureRole, namespaceOwner, type PolicyRule } from "./rbac";
import type { BoundSchema, ClusterBinding, Condition, ServiceExport, ServiceNamespace } from "./types";

export interface RbacContext {
  client: KubeClient;
  log: Log;
  exports: Informer<ServiceExport>;
}

/** Go time.Duration text ("10s", "5m0s", "1h2m3.5s", "250ms") in milliseconds; undefined if unparsable. */
export function parseDuration(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const unit: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 0.001, µs: 0.001, ns: 1e-6 };
  let total = 0;
  let rest = text;
  while (rest) {
    const m = /^(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|ns)/.exec(rest);
    if (!m) return undefined;
    total += Number(m[1]) * unit[m[2]];
    rest = rest.slice(m[0].length);
  }
  return total;
}

/**
 * Condition Healthy of a ClusterBinding (ensureClusterBindingConditions). Upstream flags
 * "HeartbeatTimeDrift" when the last heartbeat is LESS than 10 s old, which reads as a typo for a
 * heartbeat more than 10 s in the future; with a 10 s interval the literal rule would never be
 * healthy, so the emulator checks for the future heartbeat.
 */
export function healthyCondition(status: ClusterBinding["status"], now: number): Omit<Condition, "lastTransitionTime"> {
  const base = { type: "Healthy" } as const;
  const last = status?.lastHeartbeatTime ? Date.parse(status.lastHeartbeatTime) : Number.NaN;
  const interval = parseDuration(status?.heartbeatInterval) ?? 0;
  if (Number.isNaN(last))
    return {
      ...base,
      status: "False",
      reason: "FirstHeartbeatPending",
      severity: "Info",
      message: "Waiting for first heartbeat",
    };
  if (interval === 0)
    return {
      ...base,
      status: "False",
      reason: "HeartbeatIntervalMissing",
      severity: "Info",
      message: "Waiting for consumer cluster reporting its heartbeat interval",
    };
  const ago = now - last;
  if (ago > 2 * interval)
    return {
      ...base,
      status: "False",
      reason: "HeartbeatTimeout",
      severity: "Error",
      message: `Heartbeat timeout: expected heartbeat within ${status?.heartbeatInterval}, but last one has been at ${status?.lastHeartbeatTime}`,
    };
  if (ago < -10_000)
    return {
      ...base,
      status: "False",
      reason: "HeartbeatTimeDrift",
      severity: "Warning",
      message: "Clocks of consumer cluster and service account cluster seem to be off by more than 10s",
    };
  return { ...base, status: "True" };
}

/** Reconciles a ClusterBinding; returns when to look again (the heartbeat deadline), in ms. */
export async function reconcileClusterBinding(
  ctx: RbacContext,
  namespace: string,
  name: string,
): Promise<number | undefined> {
  const { client } = ctx;
  const cb = await client.get<ClusterBinding>(resourcePath(R.clusterBindings, namespace, name));
  if (!cb) return undefined;
  const now = Date.now();
  const healthy = setCondition(cb.status?.conditions, healthyCondition(cb.status, now)).filter(
    (c) => c.type === "Healthy",
  );
  const conditions = setSummary(mergeConditions(cb.status?.conditions, healthy));
  if (!sameJson(conditions, cb.status?.conditions)) {
    await client.update(resourcePath(R.clusterBindings, namespace, name, "status"), {
      ...cb,
      status: { ...cb.status, conditions },
    });
  }

  // v0.6 creates the namespace's RoleBinding here (v0.7+ in the handshake; the portal does both).
  await ensureBinding(
    client,
    { name: SERVICE_ACCOUNT, namespace },
    { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "kube-binder" },
    [binderSubject(namespace)],
  );
  const ns = await client.get(resourcePath(R.namespaces, undefined, namespace));
  if (!ns?.metadata.uid) throw new Error(`namespace ${namespace} not found`);
  const rules: PolicyRule[] = [
    { apiGroups: [GROUP], resources: ["boundschemas"], verbs: ["get", "list", "watch"] },
    { apiGroups: [GROUP], resources: ["boundschemas/status"], verbs: ["get", "update", "patch"] },
  ];
  for (const exp of ctx.exports.list().filter((e) => e.metadata.namespace === namespace)) {
    const names = [...new Set((exp.spec?.resources ?? []).map(resourceGroupName))].sort();
    for (const rg of names) {
      const schema = await client.get<BoundSchema>(resourcePath(R.boundSchemas, namespace, rg));
      if (!schema) throw new Error(`BoundSchema ${namespace}/${rg} not found`);
      rules.push({ apiGroups: [schema.spec.group], resources: [schema.spec.names.plural], verbs: CRUD });
    }
  }
  const owner = namespaceOwner(namespace, ns.metadata.uid);
  const cluster = { name: clusterRoleName(namespace), owner };
  await ensureRole(client, cluster, rules);
  await ensureBinding(
    client,
    cluster,
    { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: cluster.name },
    [binderSubject(namespace)],
  );

  const last = Date.parse(cb.status?.lastHeartbeatTime ?? "");
  const interval = parseDuration(cb.status?.heartbeatInterval);
  if (Number.isNaN(last) || !interval) return undefined;
  return Math.max(1000, last + 2 * interval - now + 1000);
}

export async function reconcileServiceNamespace(ctx: RbacContext, namespace: string, name: string): Promise<void> {
  const { client, log } = ctx;
  const sns = await client.get<ServiceNamespace>(resourcePath(R.serviceNamespaces, namespace, name));
  if (!sns) {
    // Deleted (by the konnector once the consumer namespace is gone): the provider namespace goes too.
    await client.delete(resourcePath(R.namespaces, undefined, providerNamespaceName(namespace, name)));
    return;
  }
  if (sns.metadata.deletionTimestamp) return;
  const target = sns.status?.namespace || providerNamespaceName(namespace, name);
  if (!(await client.get(resourcePath(R.namespaces, undefined, target)))) {
    await client.create(resourcePath(R.namespaces), {
      apiVersion: "v1",
      kind: "Namespace",
      metadata: { name: target, annotations: { [SERVICE_NAMESPACE_ANNOTATION]: `${namespace}/${name}` } },
    });
    log(`created provider namespace ${target} for APIServiceNamespace ${namespace}/${name}`);
  }
  const binder = [binderSubject(namespace)];
  await ensureBinding(
    client,
    { name: SERVICE_ACCOUNT, namespace: target },
    { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: clusterRoleName(namespace) },
    binder,
  );
  const keep = new Set<string>();
  for (const exp of ctx.exports.list().filter((e) => e.metadata.namespace === namespace)) {
    const roleName = exportRoleName(name, exp.metadata.name);
    keep.add(roleName);
    const rules = (exp.spec?.permissionClaims ?? []).map((c) => ({
      apiGroups: [c.group ?? ""],
      resources: [c.resource],
      verbs: ["*"],
    }));
    await ensureRole(client, { name: roleName, namespace: target }, rules);
    await ensureBinding(
      client,
      { name: roleName, namespace: target },
      { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: roleName },
      binder,
    );
  }
  await deleteOrphans(client, target, exportRolePrefix(name), keep);
  // Status last: once the konnector sees status.namespace, the RBAC it needs there exists.
  if (sns.status?.namespace !== target) {
    await client.update(resourcePath(R.serviceNamespaces, namespace, name, "status"), {
      ...sns,
      status: { ...sns.status, namespace: target },
    });
  }
}
