// One provider connection of the konnector (upstream: one cluster controller per distinct
// kubeconfig): it talks to the provider only with the binding's kubeconfig (the kube-binder
// ServiceAccount), heartbeats the ClusterBinding, and for each APIServiceBinding on it creates the
// consumer CRDs from the export's BoundSchemas and runs the object syncs.
import { ApiError, type KubeClient, resourcePath } from "./client";
import { covers, markFalse, markTrue } from "./conditions";
import { Informer, type Log } from "./informer";
import { ExportSync } from "./konnector-export";
import { heartbeat, type SecretRef } from "./konnector-heartbeat";
import { ServiceNamespaces } from "./konnector-namespaces";
import { API_VERSION, R, resourceGroupName } from "./naming";
import { every } from "./queue";
import { crdFromBoundSchema, isOwnedByBinding } from "./schema";
import type { BoundSchema, Condition, Crd, ExportRequest, ServiceBinding, ServiceExport } from "./types";

export interface SessionOptions {
  consumer: KubeClient;
  provider: KubeClient;
  consumerNamespaces: Informer;
  heartbeatMs: number;
  log: Log;
  /** reconcile this binding again (something it depends on changed), now or after a delay */
  requeue: (bindingName: string, delayMs?: number) => void;
}

/** What the session contributes to an APIServiceBinding's status. */
export interface BindingStatus {
  conditions: Condition[] | undefined;
  providerPrettyName?: string;
  boundSchemas?: { group: string; resource: string }[];
  permissionClaims?: unknown[];
}

export class ProviderSession {
  readonly clusterNamespace: string;
  readonly namespaces: ServiceNamespaces;
  private readonly informers: { start(): unknown; stop(): void }[];
  private readonly syncs = new Map<string, ExportSync>();
  private readonly secretRefs = new Map<string, SecretRef>();
  private readonly stopTimer: () => void;
  private prettyName: string | undefined;
  /** undefined until the first heartbeat attempt finished; then "" (ok) or the failure */
  private heartbeatError: string | undefined;
  private readonly log: Log;

  constructor(private readonly opts: SessionOptions) {
    const ns = opts.provider.namespace;
    if (!ns) throw new Error("provider kubeconfig has no namespace");
    this.clusterNamespace = ns;
    this.log = (line) => opts.log(`[${ns}] ${line}`);
    const requeueAll = () => {
      for (const name of this.secretRefs.keys()) opts.requeue(name);
    };
    // Event sources only: bind() reads exports and schemas directly, so it never sees a stale cache.
    this.informers = [
      new Informer<ServiceExport>(opts.provider, resourcePath(R.exports, ns), this.log).on(requeueAll),
      new Informer<BoundSchema>(opts.provider, resourcePath(R.boundSchemas, ns), this.log).on(requeueAll),
    ];
    this.namespaces = new ServiceNamespaces(opts.provider, opts.consumer, ns, opts.consumerNamespaces, this.log);
    for (const i of this.informers) i.start();
    this.namespaces.start();
    void this.beat();
    this.stopTimer = every(opts.heartbeatMs, () => {
      void this.beat();
      void this.namespaces.collectGarbage().catch((e) => this.log(`namespace cleanup: ${(e as Error).message}`));
      for (const s of this.syncs.values()) s.resync();
    });
  }

  get bindingNames(): string[] {
    return [...this.secretRefs.keys()];
  }

  private beating: Promise<void> | undefined;

  private beat(): Promise<void> {
    // A slow provider: never two heartbeats at once; stop() waits for the running one.
    this.beating ??= this.beatOnce().finally(() => {
      this.beating = undefined;
    });
    return this.beating;
  }

  private async beatOnce(): Promise<void> {
    const before = this.heartbeatError;
    try {
      this.prettyName = await heartbeat({
        ...this.opts,
        clusterNamespace: this.clusterNamespace,
        intervalMs: this.opts.heartbeatMs,
        secretRefs: [...this.secretRefs.values()],
        log: this.log,
      });
      this.heartbeatError = "";
    } catch (e) {
      const message = (e as Error).message;
      if (message !== this.heartbeatError) this.log(`heartbeat failed: ${message}`);
      this.heartbeatError = message;
    }
    if (before !== this.heartbeatError) for (const name of this.secretRefs.keys()) this.opts.requeue(name);
  }

  /** Creates or updates the consumer CRD of a schema; returns a Connected=False reason, or nothing. */
  private async ensureCrd(schema: BoundSchema, binding: ServiceBinding): Promise<[string, string] | undefined> {
    const { consumer } = this.opts;
    const crd = crdFromBoundSchema(schema, { name: binding.metadata.name, uid: binding.metadata.uid ?? "" });
    const path = resourcePath(R.crds, undefined, crd.metadata.name);
    const existing = await consumer.get<Crd>(path);
    const invalid = (e: unknown) => e instanceof ApiError && e.status === 422;
    if (!existing) {
      try {
        await consumer.create(resourcePath(R.crds), crd);
        this.log(`created CRD ${crd.metadata.name} for APIServiceBinding ${binding.metadata.name}`);
      } catch (e) {
        if (!invalid(e)) throw e;
        return [
          "CustomResourceDefinitionCreateFailed",
          `CustomResourceDefinition ${crd.metadata.name} cannot be created: ${(e as Error).message}`,
        ];
      }
      return undefined;
    }
    if (!isOwnedByBinding(existing.metadata.ownerReferences, binding.metadata.name, binding.metadata.uid))
      return [
        "ForeignCustomResourceDefinition",
        `CustomResourceDefinition ${crd.metadata.name} is not owned by kube-bind.io.`,
      ];
    if (covers(crd.spec, existing.spec)) return undefined;
    try {
      await consumer.update(path, { ...existing, spec: { ...existing.spec, ...crd.spec } });
    } catch (e) {
      if (!invalid(e)) throw e;
      return [
        "CustomResourceDefinitionUpdateFailed",
        `CustomResourceDefinition ${crd.metadata.name} cannot be updated: ${(e as Error).message}`,
      ];
    }
    return undefined;
  }

  /** Reconciles one binding on this provider; returns its status contribution. */
  async bind(binding: ServiceBinding, secretRef: SecretRef): Promise<BindingStatus> {
    const { provider } = this.opts;
    const name = binding.metadata.name;
    const ns = this.clusterNamespace;
    this.secretRefs.set(name, secretRef);
    let c = binding.status?.conditions;
    c =
      this.heartbeatError === undefined
        ? markFalse(c, "Heartbeating", "FirstHeartbeatPending", "Info", "Waiting for the first heartbeat")
        : this.heartbeatError
          ? markFalse(c, "Heartbeating", "HeartbeatFailed", "Warning", this.heartbeatError)
          : markTrue(c, "Heartbeating");
    const out = (conditions: Condition[] | undefined, extra: Partial<BindingStatus> = {}): BindingStatus => ({
      conditions,
      providerPrettyName: this.prettyName ?? binding.status?.providerPrettyName,
      ...extra,
    });

    const exp = await provider.get<ServiceExport>(resourcePath(R.exports, ns, name));
    if (!exp?.metadata.uid) {
      await this.unbindSync(name);
      const req = await provider.get<ExportRequest>(resourcePath(R.exportRequests, ns, name)).catch(() => undefined);
      if (req?.status?.phase === "Failed")
        return out(markFalse(c, "Connected", "APIServiceExportFailed", "Error", req.status.terminalMessage ?? ""));
      const msg = `APIServiceExport ${name} not found on the service provider cluster. Rerun kubectl bind for repair.`;
      return out(markFalse(c, "Connected", "APIServiceExportNotFound", "Error", msg));
    }
    const schemas: BoundSchema[] = [];
    for (const res of exp.spec?.resources ?? []) {
      const schema = await provider.get<BoundSchema>(resourcePath(R.boundSchemas, ns, resourceGroupName(res)));
      if (!schema) {
        const msg = `Failed to fetch BoundSchema objects: BoundSchema ${resourceGroupName(res)} not found`;
        return out(markFalse(c, "Connected", "BoundSchemaFetchFailed", "Error", msg));
      }
      schemas.push(schema);
    }
    for (const schema of schemas) {
      const failure = await this.ensureCrd(schema, binding);
      if (failure) return out(markFalse(c, "Connected", failure[0], "Error", failure[1]));
    }
    c = markTrue(markTrue(c, "Connected"), "SchemaInSync");

    const exportOwner = {
      apiVersion: API_VERSION,
      kind: "APIServiceExport",
      name,
      uid: exp.metadata.uid,
      controller: true,
    };
    const claims = exp.spec?.permissionClaims ?? [];
    const fingerprint = ExportSync.fingerprint(exportOwner, schemas, claims);
    let sync = this.syncs.get(name);
    if (sync?.fingerprint !== fingerprint) {
      await this.unbindSync(name);
      const ctx = { ...this.opts, clusterNamespace: ns, namespaces: this.namespaces, exportOwner, log: this.log };
      sync = new ExportSync(ctx, schemas, claims);
      this.syncs.set(name, sync);
      this.log(`syncing ${schemas.map((s) => s.metadata.name).join(", ")} for APIServiceBinding ${name}`);
    }
    if (sync.synced) c = markTrue(c, "InformersSynced");
    else {
      c = markFalse(c, "InformersSynced", "InformersNotSynced", "Info", "Waiting for the informers to sync");
      this.opts.requeue(name, 1000);
    }
    return out(c, {
      boundSchemas: schemas.map((s) => ({ group: s.spec.group, resource: s.spec.names.plural })),
      permissionClaims: claims,
    });
  }

  private async unbindSync(name: string): Promise<void> {
    const sync = this.syncs.get(name);
    this.syncs.delete(name);
    await sync?.stop();
  }

  /** Stops syncing a binding (deleted, or moved to another kubeconfig). */
  async unbind(name: string): Promise<void> {
    this.secretRefs.delete(name);
    await this.unbindSync(name);
  }

  async stop(): Promise<void> {
    this.stopTimer();
    await this.beating;
    for (const i of this.informers) i.stop();
    this.namespaces.stop();
    await Promise.all([...this.syncs.values()].map((s) => s.stop()));
    this.syncs.clear();
  }
}
