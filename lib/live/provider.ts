import "server-only";
import { env } from "../env";
import { APIS } from "../k8s/apis";
import type { KubeClient } from "../k8s/client";
import { userClient } from "../k8s/clusters";
import { ExportTemplate, parseAll } from "../k8s/models";
import type { Identity, KubeObject } from "../k8s/types";
import { streamId } from "../k8s/watch-types";
import { type LiveSub, liveSub } from "../live-wire/live-protocol";
import { consumerDetail, providerOverview } from "../provider";
import { consoleNotFound, mayOpenConsole } from "../provider/access";
import { Crds } from "../provider/checklist";
import { GUIDE, KONNECTOR, type ProviderSnapshot } from "../provider/snapshot";
import type { ConsumerDetailView, ProviderView } from "../provider/types";
import { attempt, type Result } from "../result";
import { clusterIdentity, mayWatch } from "./access";
import type { LiveContext } from "./context";
import { resumableFirstView } from "./first-view";
import { defaultLiveContext } from "./hub";
import { key } from "./resources";
import type { Need } from "./select";
import { openViewer } from "./shared-views";
import type { LiveSubscription, LiveUpdate } from "./types";

/**
 * The provider console, live (subs `provider` and `provider:<binding namespace>`): the setup
 * checklist, every bound consumer and every export, recomputed from shared provider streams (read
 * as the portal, which may read them) whenever one changes and every few seconds, since heartbeats
 * age by time alone. Only for whom lib/provider/access.ts lets in, re-checked every minute;
 * everyone else gets 404 NotFound, as for the page. For the consumer cluster the portal reaches,
 * its konnector Deployment is watched as the user (if the user may) to tell at once when it stops.
 */
export interface ProviderLiveContext extends LiveContext {
  /** a provider client impersonating the user (the access check) */
  providerAs(identity: Identity): Promise<KubeClient>;
  /** the portal's own namespace, where it asks the backend for bindings */
  portalNamespace: string;
}

export function defaultProviderContext(): ProviderLiveContext {
  return {
    ...defaultLiveContext(),
    providerAs: (identity) => userClient("provider", identity),
    portalNamespace: env().PORTAL_NAMESPACE,
  };
}

const KONNECTOR_KEY = key("consumer", APIS.deployments, KONNECTOR.namespace);

/** Reads every stream the console needs, each only once its CRD is served. */
function snapshotFrom(
  need: Need,
  now: number,
  opts: {
    portalNamespace: string;
    local?: { identity?: string; konnector: boolean };
    seenSince: (k: string) => number;
  },
): ProviderSnapshot {
  const A = APIS;
  const crdObjects = need(key("provider", A.crds), "portal");
  const crds = new Crds(crdObjects);
  // A stream of a resource the provider does not serve would only fail: skip it until it does.
  const read = (api: { group: string; version: string; resource: string }, namespace?: string): KubeObject[] =>
    api.group === "" || api.group === "discovery.k8s.io" || crds.serves(crds.get(api.group, api.resource), api.version)
      ? need(key("provider", api, namespace), "portal")
      : [];
  const templates = read(A.templates);
  const instances: Record<string, KubeObject[]> = {};
  for (const t of parseAll(ExportTemplate, templates))
    for (const r of t.spec.resources) {
      const version = crds.storageVersion(r.group, r.resource);
      const name = r.group ? `${r.resource}.${r.group}` : r.resource;
      instances[name] = version
        ? need(key("provider", { group: r.group, version, resource: r.resource }), "portal")
        : [];
    }
  let local: ProviderSnapshot["local"];
  if (opts.local) {
    const deployments = opts.local.konnector ? need(KONNECTOR_KEY, "user") : undefined;
    local = {
      identity: opts.local.identity,
      konnector: deployments ? (deployments.find((d) => d.metadata.name === KONNECTOR.name) ?? null) : undefined,
    };
  }
  return {
    now,
    crds: crdObjects,
    namespaces: read(A.namespaces),
    rgds: read(A.rgds),
    gatewayClasses: read(A.gatewayClasses),
    clusters: read(A.clusters),
    templates,
    exports: read(A.exports),
    exportRequests: read(A.exportRequests),
    serviceNamespaces: read(A.serviceNamespaces),
    clusterBindings: read(A.clusterBindings),
    bindableRequests: read(A.bindableRequests, opts.portalNamespace),
    services: read(A.services, GUIDE.backend.namespace),
    endpointSlices: read(A.endpointSlices, GUIDE.backend.namespace),
    instances,
    local,
    seenSince: opts.seenSince,
  };
}

async function subscribeConsole<V extends object>(
  identity: Identity,
  sub: LiveSub,
  project: (snapshot: ProviderSnapshot) => V,
  onUpdate: (update: LiveUpdate<V & { health: ProviderView["health"] }>) => void,
  ctx: ProviderLiveContext,
): Promise<Result<LiveSubscription>> {
  const prepared = await attempt(async () => {
    if (!(await mayOpenConsole(identity, ctx.adminGroup, ctx.providerAs))) return undefined;
    const user = await ctx.consumerAs(identity);
    // The consumer may be unreachable or not let the user see the konnector: the console then
    // judges the konnector by its heartbeat alone.
    const [konnector, localIdentity] = await Promise.all([
      mayWatch(user, APIS.deployments, KONNECTOR.namespace).catch(() => false),
      clusterIdentity(ctx).catch(() => undefined),
    ]);
    return { user, konnector, localIdentity };
  });
  if (!prepared.ok) return prepared;
  if (!prepared.data) return { ok: false, error: consoleNotFound };
  const { user, localIdentity } = prepared.data;
  const viewer = openViewer(ctx, {
    sub,
    user: user.actor,
    rights: { konnector: prepared.data.konnector },
    scope: ({ konnector }) => {
      const firstSeen = new Map<string, number>();
      return {
        key: JSON.stringify([ctx.portalNamespace, localIdentity, konnector]),
        joinable: new Set(konnector ? [streamId(KONNECTOR_KEY)] : []),
        compute: (need, now) =>
          project(
            snapshotFrom(need, now, {
              portalNamespace: ctx.portalNamespace,
              local: { identity: localIdentity, konnector },
              seenSince: (k) => {
                const at = firstSeen.get(k) ?? now;
                firstSeen.set(k, at);
                return at;
              },
            }),
          ),
      };
    },
    // Losing the konnector Deployment only leaves the heartbeat to judge it (and it is not asked for again).
    withoutStream: (rights, k) => ({
      ok: true,
      data: { konnector: rights.konnector && streamId(k) !== streamId(KONNECTOR_KEY) },
    }),
    recheck: {
      everyMs: ctx.reauthorizeMs ?? 60_000,
      read: async (rights) =>
        (await mayOpenConsole(identity, ctx.adminGroup, ctx.providerAs, true))
          ? { ok: true, data: rights }
          : { ok: false, error: consoleNotFound },
    },
    emit: onUpdate,
  });
  return { ok: true, data: viewer };
}

export function subscribeProvider(
  identity: Identity,
  onUpdate: (update: LiveUpdate<ProviderView>) => void,
  ctx: ProviderLiveContext = defaultProviderContext(),
): Promise<Result<LiveSubscription>> {
  return subscribeConsole(identity, liveSub.provider, providerOverview, onUpdate, ctx);
}

export function subscribeProviderConsumer(
  identity: Identity,
  namespace: string,
  onUpdate: (update: LiveUpdate<ConsumerDetailView>) => void,
  ctx: ProviderLiveContext = defaultProviderContext(),
): Promise<Result<LiveSubscription>> {
  return subscribeConsole(
    identity,
    liveSub.providerConsumer(namespace),
    (s) => consumerDetail(s, namespace),
    onUpdate,
    ctx,
  );
}

/** The console's first view for a server render, with the id its page's stream resumes from. */
export function firstProviderView(identity: Identity, timeoutMs = 8_000) {
  return resumableFirstView<ProviderView>(
    identity.user,
    liveSub.provider,
    (on) => subscribeProvider(identity, on),
    timeoutMs,
  );
}

export function firstProviderConsumerView(identity: Identity, namespace: string, timeoutMs = 8_000) {
  return resumableFirstView<ConsumerDetailView>(
    identity.user,
    liveSub.providerConsumer(namespace),
    (on) => subscribeProviderConsumer(identity, namespace, on),
    timeoutMs,
  );
}
