// Picks, out of shared namespace-wide streams, exactly the objects that belong to one
// LoadBalancer. Pure. This is where provider-side visibility is enforced: a user's view only ever
// contains what these functions select for a consumer object the user was authorized to watch.

import { IDENTITY_ANNOTATION } from "../bind/naming";
import { APIS } from "../k8s/apis";
import type { ClusterName, KubeObject } from "../k8s/types";
import type { StreamKey } from "../k8s/watch-types";
import { keyed, labelled, named } from "./lookup";
import { ENVOY_NAMESPACE, KONNECTOR, key } from "./resources";
import type { LiveEvent, ProviderObjectName, Tenancy } from "./types";

/**
 * Declares that a view reads `key` (as the user, or as the portal) and returns the stream's current
 * objects ([] until it has listed; the engine then knows the view is not complete yet).
 */
export interface Need {
  (key: StreamKey, as: "user" | "portal"): KubeObject[];
  /**
   * A stream the view can do without, read as the portal: its objects once it has listed;
   * undefined when it cannot be read (its first list failed, e.g. the portal lacks the right).
   * Its outages are not the view's: they never show in the view's health. Absent: never readable.
   */
  optional?(key: StreamKey): KubeObject[] | undefined;
}

const INSTANCE_ID = "kro.run/instance-id";
const RGD_NAME = "kro.run/resource-graph-definition-name";
const OWNING_NS = "gateway.envoyproxy.io/owning-gateway-namespace";
const OWNING_NAME = "gateway.envoyproxy.io/owning-gateway-name";
const MAX_EVENTS = 50;

type Spec = { configMapRef?: string; targetServiceNamespace?: string };
export const specOf = (o: KubeObject | undefined) => (o?.spec ?? {}) as Spec;

export interface ProviderSelection {
  provider: Partial<Record<ProviderObjectName, KubeObject>>;
  events: LiveEvent[];
}

/**
 * The provider objects of one LoadBalancer copy in `tenancy.providerNamespace`: the ConfigMap copy
 * by name, kro's children by kro.run/instance-id (no ownerReferences exist), the Envoy Service by
 * its owning-gateway labels, the RGD by the copy's label, the binding's ClusterBinding.
 */
export function selectProvider(
  need: Need,
  tenancy: Tenancy,
  copy: KubeObject | undefined,
  opts: { configMapName?: string; events: boolean },
): ProviderSelection {
  const ns = tenancy.providerNamespace;
  const provider: ProviderSelection["provider"] = {};
  const rgds = need(key("provider", APIS.rgds), "portal");
  if (ns) {
    const cmName = specOf(copy).configMapRef ?? opts.configMapName;
    provider.configMap = named(need(key("provider", APIS.configMaps, ns), "portal"), cmName);
  }
  if (tenancy.clusterNamespace) {
    const bindings = need(key("provider", APIS.clusterBindings, tenancy.clusterNamespace), "portal");
    provider.clusterBinding = named(bindings, "cluster") ?? bindings[0];
  }
  if (copy && ns) {
    provider.loadBalancer = copy;
    const uid = copy.metadata.uid;
    provider.gateway = labelled(need(key("provider", APIS.gateways, ns), "portal"), INSTANCE_ID, uid);
    provider.httpRoute = labelled(need(key("provider", APIS.httpRoutes, ns), "portal"), INSTANCE_ID, uid);
    const targetNs = specOf(copy).targetServiceNamespace;
    if (targetNs)
      provider.referenceGrant = labelled(
        need(key("provider", APIS.referenceGrants, targetNs), "portal"),
        INSTANCE_ID,
        uid,
      );
    const gw = provider.gateway;
    if (gw)
      provider.envoyService = keyed(
        need(key("provider", APIS.services, ENVOY_NAMESPACE), "portal"),
        "owning-gateway",
        (svc) => `${svc.metadata.labels?.[OWNING_NS]}/${svc.metadata.labels?.[OWNING_NAME]}`,
        `${ns}/${gw.metadata.name}`,
      );
    const rgdName = copy.metadata.labels?.[RGD_NAME];
    provider.rgd = named(rgds, rgdName);
  }
  provider.rgd ??= rgds.find((r) => servesLoadBalancer(r));
  const objects = Object.values(provider).filter((o): o is KubeObject => Boolean(o));
  const events =
    opts.events && ns ? matchEvents("provider", need(key("provider", APIS.events, ns), "portal"), objects) : [];
  return { provider, events };
}

/**
 * The konnector's Deployment on the consumer, read with the portal's own identity (binding health,
 * not tenant data): the object, null when it does not exist, undefined when it cannot be read.
 */
export function selectKonnector(need: Need): KubeObject | null | undefined {
  const deployments = need.optional?.(key("consumer", APIS.deployments, KONNECTOR.namespace));
  return deployments && (named(deployments, KONNECTOR.name) ?? null);
}

/**
 * The ClusterBinding of this consumer cluster's binding: in the provider namespace the backend
 * annotated with the cluster's identity. Should several carry it, the one heard from last.
 */
export function selectClusterBinding(need: Need, clusterIdentity: string | undefined): KubeObject | undefined {
  if (!clusterIdentity) return undefined;
  const namespaces = need(key("provider", APIS.namespaces), "portal").filter(
    (n) => n.metadata.annotations?.[IDENTITY_ANNOTATION] === clusterIdentity && !n.metadata.deletionTimestamp,
  );
  const heartbeat = (cb: KubeObject) => (cb.status as { lastHeartbeatTime?: string } | undefined)?.lastHeartbeatTime;
  return namespaces
    .map((n) => named(need(key("provider", APIS.clusterBindings, n.metadata.name), "portal"), "cluster"))
    .filter((cb): cb is KubeObject => Boolean(cb))
    .sort((a, b) => (heartbeat(b) ?? "").localeCompare(heartbeat(a) ?? ""))[0];
}

function servesLoadBalancer(rgd: KubeObject): boolean {
  const schema = (rgd.spec as { schema?: { kind?: string; group?: string } } | undefined)?.schema;
  return schema?.kind === "LoadBalancer" && schema.group === APIS.loadBalancers.group;
}

/** Events whose involvedObject is one of `objects` (by uid, else by kind and name). */
export function matchEvents(cluster: ClusterName, events: KubeObject[], objects: KubeObject[]): LiveEvent[] {
  const uids = new Set(objects.map((o) => o.metadata.uid).filter(Boolean));
  const names = new Set(objects.map((o) => `${o.kind}/${o.metadata.namespace ?? ""}/${o.metadata.name}`));
  return events
    .map((e) => e as KubeObject & EventFields)
    .filter((e) => {
      const io = e.involvedObject ?? {};
      return (io.uid && uids.has(io.uid)) || names.has(`${io.kind}/${io.namespace ?? ""}/${io.name}`);
    })
    .map((e) => toLiveEvent(cluster, e))
    .sort((a, b) => (b.lastTimestamp ?? "").localeCompare(a.lastTimestamp ?? ""))
    .slice(0, MAX_EVENTS);
}

interface EventFields {
  involvedObject?: { kind?: string; name?: string; namespace?: string; uid?: string };
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  lastTimestamp?: string;
  eventTime?: string;
  series?: { count?: number; lastObservedTime?: string };
}

function toLiveEvent(cluster: ClusterName, e: KubeObject & EventFields): LiveEvent {
  const io = e.involvedObject ?? {};
  return {
    cluster,
    type: e.type ?? "Normal",
    reason: e.reason,
    message: e.message,
    count: e.series?.count ?? e.count,
    lastTimestamp: e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp,
    object: { kind: io.kind, name: io.name, namespace: io.namespace },
  };
}
