// One bound resource of one binding (upstream serviceexport spec + status controllers, namespaced
// informer scope): consumer objects in all namespaces are copied (labels, annotations, spec) into
// their provider namespace by server-side apply; a finalizer on the consumer object makes sure the
// provider copy is deleted first; the provider's status is copied back to the consumer object.
import { isNotFound, type KubeClient, type Obj, type OwnerReference, type Resource, resourcePath } from "./client";
import { covers, sameJson } from "./conditions";
import { Informer, type Log } from "./informer";
import type { ServiceNamespaces } from "./konnector-namespaces";
import { CLUSTER_NAMESPACE_ANNOTATION, DOWNSTREAM_FINALIZER } from "./naming";
import { WorkQueue } from "./queue";

export interface SyncContext {
  consumer: KubeClient;
  provider: KubeClient;
  /** the per-identity namespace on the provider (the kubeconfig's namespace) */
  clusterNamespace: string;
  namespaces: ServiceNamespaces;
  /** owner of APIServiceNamespaces this sync requests: the APIServiceExport */
  exportOwner: OwnerReference;
  log: Log;
}

const split = (key: string): [string, string] => {
  const i = key.indexOf("/");
  return [key.slice(0, i), key.slice(i + 1)];
};

/** What the konnector writes on the provider for a consumer object. */
export function providerCopy(obj: Obj, providerNamespace: string, clusterNamespace: string): Obj {
  const { status: _status, metadata, apiVersion, kind, ...rest } = obj;
  return {
    apiVersion,
    kind,
    metadata: {
      name: metadata.name,
      namespace: providerNamespace,
      ...(metadata.labels ? { labels: metadata.labels } : {}),
      annotations: { ...metadata.annotations, [CLUSTER_NAMESPACE_ANNOTATION]: clusterNamespace },
    },
    ...rest,
  };
}

export class ResourceSync {
  readonly consumerInformer: Informer;
  private readonly providerInformers = new Map<string, Informer>();
  private readonly specQueue: WorkQueue;
  private readonly statusQueue: WorkQueue;
  private readonly applied = new Map<string, string>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly ctx: SyncContext,
    readonly resource: Resource,
    private readonly kind: string,
    onConsumerChange: (obj: Obj, old?: Obj) => void,
  ) {
    const log = (line: string) => ctx.log(`${resource.plural}.${resource.group}: ${line}`);
    this.specQueue = new WorkQueue(`sync ${resource.plural}`, (key) => this.reconcileSpec(...split(key)), log);
    this.statusQueue = new WorkQueue(`status ${resource.plural}`, (key) => this.reconcileStatus(...split(key)), log);
    this.consumerInformer = new Informer(ctx.consumer, resourcePath(resource), log).on((_type, obj, old) => {
      this.specQueue.add(`${obj.metadata.namespace}/${obj.metadata.name}`);
      onConsumerChange(obj, old);
    });
    this.unsubscribe = ctx.namespaces.onChange((consumerNamespace) => {
      this.syncProviderInformers(log);
      for (const o of this.consumerInformer.list())
        if (o.metadata.namespace === consumerNamespace) this.specQueue.add(`${consumerNamespace}/${o.metadata.name}`);
    });
    this.syncProviderInformers(log);
    this.consumerInformer.start();
  }

  /** One provider informer per assigned provider namespace (upstream's multi-namespace informer). */
  private syncProviderInformers(log: Log): void {
    const wanted = new Set(this.ctx.namespaces.providerNamespaces());
    for (const [ns, informer] of this.providerInformers) {
      if (wanted.has(ns)) continue;
      informer.stop();
      this.providerInformers.delete(ns);
    }
    for (const ns of wanted) {
      if (this.providerInformers.has(ns)) continue;
      const informer = new Informer(this.ctx.provider, resourcePath(this.resource, ns), log).on((_type, obj) => {
        const key = `${ns}/${obj.metadata.name}`;
        this.statusQueue.add(key);
        const consumerNs = this.ctx.namespaces.consumerNamespace(ns);
        // A provider copy deleted or changed behind our back is restored from the consumer.
        if (consumerNs) this.specQueue.add(`${consumerNs}/${obj.metadata.name}`);
      });
      this.providerInformers.set(ns, informer.start());
    }
  }

  get synced(): boolean {
    return this.consumerInformer.synced && [...this.providerInformers.values()].every((i) => i.synced);
  }

  private path(namespace: string, name?: string, sub?: string) {
    return resourcePath(this.resource, namespace, name, sub);
  }

  private async setFinalizers(obj: Obj, finalizers: string[]): Promise<void> {
    const { namespace = "", name, resourceVersion } = obj.metadata;
    // resourceVersion makes this a compare-and-swap: a concurrent change means retry, not overwrite.
    try {
      await this.ctx.consumer.mergePatch(this.path(namespace, name), { metadata: { finalizers, resourceVersion } });
    } catch (e) {
      if (!isNotFound(e)) throw e; // already gone
    }
  }

  private async reconcileSpec(namespace: string, name: string): Promise<void> {
    const { consumer, provider, namespaces, clusterNamespace, log } = this.ctx;
    const key = `${namespace}/${name}`;
    const obj = await consumer.get(this.path(namespace, name));
    if (!obj) return; // gone: the status side removes a provider copy left behind
    const finalizers = obj.metadata.finalizers ?? [];
    const target = obj.metadata.deletionTimestamp
      ? namespaces.providerNamespace(namespace)
      : await namespaces.ensure(namespace, this.ctx.exportOwner);
    if (obj.metadata.deletionTimestamp) {
      if (target) {
        const upstream = await provider.get(this.path(target, name));
        if (upstream && !upstream.metadata.deletionTimestamp) {
          await provider.delete(this.path(target, name));
          log(`deleted provider copy ${target}/${name} of ${this.kind} ${key}`);
        }
      }
      if (finalizers.includes(DOWNSTREAM_FINALIZER))
        await this.setFinalizers(
          obj,
          finalizers.filter((f) => f !== DOWNSTREAM_FINALIZER),
        );
      this.applied.delete(key);
      return;
    }
    if (!target) return; // the APIServiceNamespace's status arrives as an event and requeues us
    if (!finalizers.includes(DOWNSTREAM_FINALIZER)) {
      await this.setFinalizers(obj, [...finalizers, DOWNSTREAM_FINALIZER]);
      return; // the update comes back as an event
    }
    const upstream = await provider.get(this.path(target, name));
    const owner = upstream?.metadata.annotations?.[CLUSTER_NAMESPACE_ANNOTATION];
    if (owner && owner !== clusterNamespace)
      throw new Error(`provider object ${target}/${name} belongs to cluster namespace ${owner}`);
    const desired = providerCopy(obj, target, clusterNamespace);
    const fingerprint = JSON.stringify(desired);
    // Unchanged since our last apply; or, first look after a restart, already what we would write.
    const last = this.applied.get(key);
    const current = last === undefined ? upstream && covers(desired, upstream) : last === fingerprint;
    if (upstream && current && sameJson(upstream.spec, desired.spec)) {
      this.applied.set(key, fingerprint);
      return;
    }
    await provider.apply(this.path(target, name), desired);
    this.applied.set(key, fingerprint);
    log(`${upstream ? "updated" : "created"} provider copy ${target}/${name} of ${this.kind} ${key}`);
  }

  private async reconcileStatus(providerNamespace: string, name: string): Promise<void> {
    const { consumer, provider, namespaces, clusterNamespace, log } = this.ctx;
    const consumerNamespace = namespaces.consumerNamespace(providerNamespace);
    if (!consumerNamespace) return;
    const upstream = await provider.get(this.path(providerNamespace, name));
    // Only our own copies: objects the provider made itself in that namespace are not ours to touch.
    if (!upstream || upstream.metadata.annotations?.[CLUSTER_NAMESPACE_ANNOTATION] !== clusterNamespace) return;
    const downstream = await consumer.get(this.path(consumerNamespace, name));
    if (!downstream) {
      // The consumer object is gone (deleted while we were not watching): so goes its copy.
      if (!upstream.metadata.deletionTimestamp) {
        await provider.delete(this.path(providerNamespace, name));
        log(`deleted orphaned provider copy ${providerNamespace}/${name}`);
      }
      return;
    }
    if (sameJson(downstream.status, upstream.status)) return;
    const { status: _old, ...rest } = downstream;
    const next = upstream.status === undefined ? rest : { ...rest, status: upstream.status };
    try {
      await consumer.update(this.path(consumerNamespace, name, "status"), next);
    } catch (e) {
      if (!isNotFound(e)) throw e; // deleted meanwhile: nothing left to report to
    }
  }

  async stop(): Promise<void> {
    this.unsubscribe();
    this.consumerInformer.stop();
    for (const i of this.providerInformers.values()) i.stop();
    await Promise.all([this.specQueue.stop(), this.statusQueue.stop()]);
  }
}
