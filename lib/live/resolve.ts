// Builds the views from stream contents. Pure: streams come in through `need` (select.ts).

import { pickTenant, tenantCandidates } from "../bind/tenancy";
import { APIS, type Api } from "../k8s/apis";
import type { KubeObject } from "../k8s/types";
import { POLICY_CONFIGMAP, parseSharedTargets, SHARED_TARGETS_KEY } from "../loadbalancer/policy";
import {
  type DashboardRow,
  dashboardRow,
  type KonnectorHealth,
  konnectorHealth,
  loadBalancerStatus,
  type StatusInput,
} from "../status";
import { named } from "./lookup";
import { key } from "./resources";
import { memoRow } from "./row-memo";
import { matchEvents, type Need, selectClusterBinding, selectKonnector, selectProvider, specOf } from "./select";
import type { LiveEvent, LoadBalancerView, ProviderObjectName, ProviderRow, Tenancy } from "./types";

const CLUSTER_NAMESPACE_ANNOTATION = "kube-bind.io/cluster-namespace";
/** The provider objects a row is computed from, in a fixed order (row-memo.ts compares them). */
const PROVIDER_DEPS: ProviderObjectName[] = [
  "loadBalancer",
  "configMap",
  "referenceGrant",
  "gateway",
  "httpRoute",
  "envoyService",
  "rgd",
  "clusterBinding",
];

export interface ConsumerScope {
  /** the consumer's LoadBalancer API (the bound CRD) */
  api: Api;
  /** uid of the consumer's kube-system namespace: how the handshake keys a cluster's binding */
  clusterIdentity?: string;
  now: number;
  /** since when the provider is out of sight, if it is (StatusInput.providerSeenAt) */
  providerSeenAt?: number;
}

/** The platform's LoadBalancer policy, if the portal can read it (for explaining refusals). */
function policyOf(need: Need, ownNamespace: string | undefined): StatusInput["policy"] {
  const cms = need.optional?.(key("provider", APIS.configMaps, POLICY_CONFIGMAP.namespace));
  const cm = cms && named(cms, POLICY_CONFIGMAP.name);
  if (!cm) return undefined;
  const text = (cm as { data?: Record<string, string> }).data?.[SHARED_TARGETS_KEY];
  return { sharedTargets: parseSharedTargets(text), ownNamespace };
}

/** The provider tenancy and copy of one consumer object. */
function locate(need: Need, scope: ConsumerScope, lb: KubeObject): { tenancy: Tenancy; copy?: KubeObject } {
  const ns = lb.metadata.namespace ?? "default";
  const namespaces = need(key("provider", APIS.namespaces), "portal");
  const candidates = tenantCandidates(namespaces, ns, scope.clusterIdentity).map((tenant) => ({
    tenant,
    copy: named(need(key("provider", APIS.loadBalancers, tenant.providerNamespace), "portal"), lb.metadata.name),
  }));
  const tenancy = pickTenant(candidates, lb.spec);
  const copy = candidates.find((c) => c.tenant.providerNamespace === tenancy?.providerNamespace)?.copy;
  return { tenancy: tenancy ?? {}, copy };
}

export function resolveLoadBalancer(
  need: Need,
  target: { namespace: string; name: string },
  scope: ConsumerScope & { readable: { configMaps: boolean; events: boolean } },
): Omit<LoadBalancerView, "health"> {
  const { namespace, name } = target;
  const lb = named(need(key("consumer", scope.api, namespace), "user"), name);
  const cms = scope.readable.configMaps ? need(key("consumer", APIS.configMaps, namespace), "user") : undefined;
  const consumerEvents = scope.readable.events ? need(key("consumer", APIS.events, namespace), "user") : [];
  if (!lb) return { target, found: false, objects: { consumer: {}, provider: {} }, events: [], tenancy: {} };

  const cmName = specOf(lb).configMapRef;
  const configMap = cms ? (named(cms, cmName) ?? null) : undefined;
  const konnector = selectKonnector(need);
  const { tenancy, copy } = locate(need, scope, lb);
  const { provider, events } = selectProvider(need, tenancy, copy, { configMapName: cmName, events: true });
  const input: StatusInput = {
    consumer: { loadBalancer: lb, configMap, konnector },
    provider,
    now: scope.now,
    providerSeenAt: scope.providerSeenAt,
    policy: policyOf(need, tenancy.providerNamespace),
  };
  const mine = [lb, ...(configMap ? [configMap] : [])];
  const all: LiveEvent[] = [...matchEvents("consumer", consumerEvents, mine), ...events];
  return {
    target,
    found: true,
    status: loadBalancerStatus(input),
    objects: { consumer: { loadBalancer: lb, configMap: configMap ?? undefined }, provider },
    events: all.sort((a, b) => (b.lastTimestamp ?? "").localeCompare(a.lastTimestamp ?? "")),
    tenancy,
    konnector: konnectorHealth({
      konnector,
      clusterBinding: provider.clusterBinding,
      now: scope.now,
      providerSeenAt: scope.providerSeenAt,
    }),
  };
}

/** Every row of the user (by namespace, then name), the admin's provider rows, the konnector. */
export interface ResolvedRows {
  rows: DashboardRow[];
  providerRows?: ProviderRow[];
  konnector: KonnectorHealth;
}

export function resolveDashboard(
  need: Need,
  scope: ConsumerScope & {
    /** consumer namespaces to list (undefined: the user may watch every namespace) */
    namespaces?: string[];
    /** consumer namespaces whose ConfigMaps the user may watch */
    configMapNamespaces: Set<string>;
    admin: boolean;
  },
): ResolvedRows {
  const lbs = (scope.namespaces ?? [undefined]).flatMap((ns) => need(key("consumer", scope.api, ns), "user"));
  const konnector = selectKonnector(need);
  const health = konnectorHealth({
    konnector,
    clusterBinding: selectClusterBinding(need, scope.clusterIdentity),
    now: scope.now,
    providerSeenAt: scope.providerSeenAt,
  });
  // The object itself (kept by the hub until it changes), not its stream's list, which is new each time.
  const policyCm = named(
    need.optional?.(key("provider", APIS.configMaps, POLICY_CONFIGMAP.namespace)) ?? [],
    POLICY_CONFIGMAP.name,
  );
  const rows = lbs.map((lb) => {
    const ns = lb.metadata.namespace ?? "default";
    const cmName = specOf(lb).configMapRef;
    const configMap = scope.configMapNamespaces.has(ns)
      ? (named(need(key("consumer", APIS.configMaps, ns), "user"), cmName) ?? null)
      : undefined;
    const { tenancy, copy } = locate(need, scope, lb);
    const { provider } = selectProvider(need, tenancy, copy, { configMapName: cmName, events: false });
    const deps = [configMap, konnector, tenancy.providerNamespace, ...PROVIDER_DEPS.map((k) => provider[k])];
    // With the policy, a refused copy is explained in the list too, not reported as a stuck konnector.
    return memoRow(lb, [...deps, policyCm, scope.providerSeenAt], scope.now, () =>
      dashboardRow({
        consumer: { loadBalancer: lb, configMap, konnector },
        provider,
        now: scope.now,
        providerSeenAt: scope.providerSeenAt,
        policy: policyOf(need, tenancy.providerNamespace),
      }),
    );
  });
  if (!scope.admin) return { rows: sortRows(rows), konnector: health };
  // The platform team's view: every LoadBalancer on the provider, copies and direct ones alike.
  const providerRows: ProviderRow[] = need(key("provider", APIS.loadBalancers), "portal").map((copy) => {
    const clusterNamespace = copy.metadata.annotations?.[CLUSTER_NAMESPACE_ANNOTATION];
    const tenancy = { providerNamespace: copy.metadata.namespace, clusterNamespace };
    const { provider } = selectProvider(need, tenancy, copy, { events: false });
    // The provider object stands in for the consumer one: the synced stage is trivially done.
    const row = dashboardRow({
      consumer: { loadBalancer: copy },
      provider,
      now: scope.now,
      providerSeenAt: scope.providerSeenAt,
    });
    return { ...row, clusterNamespace };
  });
  return { rows: sortRows(rows), providerRows: sortRows(providerRows), konnector: health };
}

const sortRows = <R extends { namespace: string; name: string }>(rows: R[]) =>
  rows.sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
