// The konnector's namespace mapping (isolation "ServiceNamespaced" + namespacelifecycle): a
// consumer namespace N with bound or claimed objects gets an APIServiceNamespace N in the cluster
// namespace; the backend answers with status.namespace, the provider namespace objects go to.
// When N is deleted on the consumer, a consumer-owned APIServiceNamespace is deleted too.
import { isConflict, type KubeClient, type OwnerReference, resourcePath } from "./client";
import { Informer, type Log } from "./informer";
import { API_VERSION, OWNER_LABEL, R } from "./naming";
import type { ServiceNamespace } from "./types";

export class ServiceNamespaces {
  readonly informer: Informer<ServiceNamespace>;
  private readonly listeners = new Set<(consumerNamespace: string) => void>();

  constructor(
    private readonly provider: KubeClient,
    private readonly consumer: KubeClient,
    private readonly clusterNamespace: string,
    private readonly consumerNamespaces: Informer,
    private readonly log: Log,
  ) {
    this.informer = new Informer<ServiceNamespace>(
      provider,
      resourcePath(R.serviceNamespaces, clusterNamespace),
      log,
    ).on((_type, sns) => {
      for (const l of this.listeners) l(sns.metadata.name);
    });
  }

  start(): void {
    this.informer.start();
  }

  stop(): void {
    this.informer.stop();
  }

  /** Called with the consumer namespace whose mapping changed. Returns an unsubscribe function. */
  onChange(listener: (consumerNamespace: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The provider namespace for a consumer namespace, if assigned; never creates anything. */
  providerNamespace(consumerNamespace: string): string | undefined {
    return this.informer.get(consumerNamespace, this.clusterNamespace)?.status?.namespace || undefined;
  }

  /** Reverse lookup: which consumer namespace a provider namespace belongs to. */
  consumerNamespace(providerNamespace: string): string | undefined {
    return this.informer.list().find((s) => s.status?.namespace === providerNamespace)?.metadata.name;
  }

  /** All assigned provider namespaces. */
  providerNamespaces(): string[] {
    return this.informer.list().flatMap((s) => (s.status?.namespace ? [s.status.namespace] : []));
  }

  /**
   * The provider namespace for a consumer namespace; requests one (an APIServiceNamespace owned by
   * the export, as upstream) when there is none yet and returns undefined until it is assigned.
   */
  async ensure(consumerNamespace: string, exportOwner: OwnerReference): Promise<string | undefined> {
    const known = this.informer.get(consumerNamespace, this.clusterNamespace);
    if (known) return known.status?.namespace || undefined;
    try {
      await this.provider.create(resourcePath(R.serviceNamespaces, this.clusterNamespace), {
        apiVersion: API_VERSION,
        kind: "APIServiceNamespace",
        metadata: { name: consumerNamespace, namespace: this.clusterNamespace, ownerReferences: [exportOwner] },
        spec: {},
      });
      this.log(`requested APIServiceNamespace ${this.clusterNamespace}/${consumerNamespace}`);
    } catch (e) {
      if (!isConflict(e)) throw e;
    }
    return undefined;
  }

  /** Deletes consumer-owned APIServiceNamespaces whose consumer namespace no longer exists. */
  async collectGarbage(): Promise<void> {
    if (!this.informer.synced || !this.consumerNamespaces.synced) return;
    for (const sns of this.informer.list()) {
      const name = sns.metadata.name;
      if (sns.metadata.labels?.[OWNER_LABEL] === "provider" || sns.metadata.deletionTimestamp) continue;
      if (this.consumerNamespaces.get(name)) continue;
      // The cache may lag behind a namespace created a moment ago: ask the API server.
      if (await this.consumer.get(resourcePath(R.namespaces, undefined, name))) continue;
      await this.provider.delete(resourcePath(R.serviceNamespaces, this.clusterNamespace, name));
      this.log(`deleted APIServiceNamespace ${this.clusterNamespace}/${name}: consumer namespace is gone`);
    }
  }
}
