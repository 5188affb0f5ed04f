// One permission claim of one binding (upstream claimedresources controller, consumer-owned
// direction): consumer objects the claim selects (e.g. ConfigMaps named by a LoadBalancer's
// spec.configMapRef) are copied into their provider namespace, labelled kube-bind.io/owner=consumer
// on both sides; a copy is deleted once the consumer object is gone or no longer claimed.

import { isClaimed, referencedObjects } from "./claims";
import { type Obj, type Resource, resourcePath } from "./client";
import { covers } from "./conditions";
import { Informer } from "./informer";
import type { SyncContext } from "./konnector-sync";
import { OWNER_LABEL } from "./naming";
import { WorkQueue } from "./queue";
import type { PermissionClaim, SelectorReference } from "./types";

const split = (key: string): [string, string] => {
  const i = key.indexOf("/");
  return [key.slice(0, i), key.slice(i + 1)];
};

/** The provider copy of a claimed consumer object (candidateFromOwnerObj + owner label). */
export function claimedCopy(obj: Obj, providerNamespace: string): Obj {
  const { status: _status, metadata, apiVersion, kind, ...rest } = obj;
  return {
    apiVersion,
    kind,
    metadata: {
      name: metadata.name,
      namespace: providerNamespace,
      labels: { ...metadata.labels, [OWNER_LABEL]: "consumer" },
      ...(metadata.annotations ? { annotations: metadata.annotations } : {}),
    },
    ...rest,
  };
}

export class ClaimSync {
  private readonly informer: Informer;
  private readonly queue: WorkQueue;
  private readonly resource: Resource;
  private readonly kind: string;
  private readonly applied = new Map<string, string>();
  /** keys whose provider object belongs to someone else, reported once */
  private readonly conflicts = new Set<string>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly ctx: SyncContext,
    private readonly claim: PermissionClaim,
    /** current consumer objects of a referencing resource */
    private readonly referrers: (ref: SelectorReference) => Obj[],
  ) {
    // Claimable APIs are all core/v1: configmaps, secrets, serviceaccounts.
    this.resource = { group: "", version: "v1", plural: claim.resource };
    this.kind = claim.resource;
    const log = (line: string) => ctx.log(`claim ${claim.resource}: ${line}`);
    this.queue = new WorkQueue(`claim ${claim.resource}`, (key) => this.reconcile(...split(key)), log);
    this.informer = new Informer(ctx.consumer, resourcePath(this.resource), log).on((_type, obj) =>
      this.queue.add(`${obj.metadata.namespace}/${obj.metadata.name}`),
    );
    this.unsubscribe = ctx.namespaces.onChange((consumerNamespace) => {
      for (const key of this.applied.keys()) if (key.startsWith(`${consumerNamespace}/`)) this.queue.add(key);
      for (const o of this.informer.list())
        if (o.metadata.namespace === consumerNamespace) this.queue.add(`${consumerNamespace}/${o.metadata.name}`);
    });
    this.informer.start();
  }

  get synced(): boolean {
    return this.informer.synced;
  }

  /** A referencing object changed: re-evaluate what it names now and what it named before. */
  referrerChanged(group: string, resource: string, obj: Obj, old?: Obj): void {
    for (const ref of this.claim.selector?.references ?? []) {
      if ((ref.group ?? "") !== group || ref.resource !== resource) continue;
      for (const o of [obj, old]) {
        if (!o) continue;
        for (const target of referencedObjects(o, ref))
          for (const ns of target.namespaces ?? this.namespacesOf(target.name)) this.queue.add(`${ns}/${target.name}`);
      }
    }
    // Whatever we mirrored may have lost its last reference.
    for (const key of this.applied.keys()) this.queue.add(key);
  }

  private namespacesOf(name: string): string[] {
    return this.informer.list().flatMap((o) => (o.metadata.name === name ? [o.metadata.namespace ?? ""] : []));
  }

  private async reconcile(namespace: string, name: string): Promise<void> {
    const { consumer, provider, namespaces, log } = this.ctx;
    const key = `${namespace}/${name}`;
    const path = (ns: string) => resourcePath(this.resource, ns, name);
    // Cheap path for the many objects no claim selects (every namespace's kube-root-ca.crt):
    // unclaimed in the cache, never mirrored here, and no provider namespace to clean up.
    const cached = this.informer.get(name, namespace);
    const claimedInCache = cached && isClaimed(cached, this.claim.selector, this.referrers);
    if (!claimedInCache && !this.applied.has(key) && !namespaces.providerNamespace(namespace)) return;
    const obj = await consumer.get(path(namespace));
    const claimed = obj && !obj.metadata.deletionTimestamp && isClaimed(obj, this.claim.selector, this.referrers);
    if (!obj || !claimed) {
      const target = namespaces.providerNamespace(namespace);
      const copy = target ? await provider.get(path(target)) : undefined;
      if (target && copy?.metadata.labels?.[OWNER_LABEL] === "consumer") {
        await provider.delete(path(target));
        log(`deleted provider copy ${target}/${name} of ${this.kind} ${key}: ${obj ? "no longer claimed" : "deleted"}`);
      }
      this.applied.delete(key);
      return;
    }
    const target = await namespaces.ensure(namespace, this.ctx.exportOwner);
    if (!target) return; // requeued when the APIServiceNamespace gets its status
    const upstream = await provider.get(path(target));
    if (upstream && upstream.metadata.labels?.[OWNER_LABEL] !== "consumer") {
      // Provider-owned or foreign: upstream would sync it the other way; we leave it alone.
      if (!this.conflicts.has(key))
        log(`provider ${this.kind} ${target}/${name} is not owned by the consumer; not syncing ${key}`);
      this.conflicts.add(key);
      return;
    }
    this.conflicts.delete(key);
    if (obj.metadata.labels?.[OWNER_LABEL] !== "consumer") {
      // Upstream marks the consumer original as the owner copy, too.
      await consumer.mergePatch(path(namespace), { metadata: { labels: { [OWNER_LABEL]: "consumer" } } });
      return; // comes back as an event
    }
    const desired = claimedCopy(obj, target);
    const fingerprint = JSON.stringify(desired);
    const last = this.applied.get(key);
    if (upstream && (last === undefined ? covers(desired, upstream) : last === fingerprint)) {
      this.applied.set(key, fingerprint);
      return;
    }
    await provider.apply(path(target), desired);
    this.applied.set(key, fingerprint);
    log(`${upstream ? "updated" : "created"} provider copy ${target}/${name} of ${this.kind} ${key}`);
  }

  /** Re-evaluates every object (periodic resync). */
  resync(): void {
    for (const o of this.informer.list()) this.queue.add(`${o.metadata.namespace}/${o.metadata.name}`);
  }

  async stop(): Promise<void> {
    this.unsubscribe();
    this.informer.stop();
    await this.queue.stop();
  }
}
