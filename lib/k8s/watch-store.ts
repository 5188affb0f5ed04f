// The in-memory copy of one stream's objects, and the diff that turns a relist into deltas.
import type { KubeObject } from "./types";

export type Delta = { type: "added" | "modified" | "deleted"; object: KubeObject };

export function objectKey(obj: KubeObject): string {
  return `${obj.metadata.namespace ?? ""}/${obj.metadata.name}`;
}

/** kubectl's copy of the whole object as last applied: as large as the spec, read by no view */
export const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

/**
 * Trims what no view reads before an object is cached: managedFields (often half the object) and
 * kubectl's last-applied annotation (a second copy of the spec). Every stream holds its objects
 * for as long as a page is open, so this is most of the cache's memory. Objects are otherwise
 * kept exactly as the apiserver sent them; the input is not modified.
 */
export function slim(obj: KubeObject): KubeObject {
  const { managedFields, annotations, ...rest } = obj.metadata as KubeObject["metadata"] & { managedFields?: unknown };
  const lastApplied = annotations !== undefined && LAST_APPLIED in annotations;
  if (managedFields === undefined && !lastApplied) return obj;
  const metadata: KubeObject["metadata"] = rest;
  if (annotations) {
    const { [LAST_APPLIED]: _drop, ...kept } = annotations;
    if (Object.keys(kept).length > 0 || !lastApplied) metadata.annotations = kept;
  }
  return { ...obj, metadata };
}

export class ObjectStore {
  private readonly objects = new Map<string, KubeObject>();

  get size() {
    return this.objects.size;
  }

  list(): KubeObject[] {
    return [...this.objects.values()];
  }

  /** Applies one watch event; returns the delta to deliver (null when nothing changed). */
  apply(type: "ADDED" | "MODIFIED" | "DELETED", obj: KubeObject): Delta | null {
    const key = objectKey(obj);
    const old = this.objects.get(key);
    if (type === "DELETED") {
      if (!old) return null;
      this.objects.delete(key);
      return { type: "deleted", object: obj };
    }
    // A resumed watch may replay an object we already hold at the same version.
    if (old?.metadata.resourceVersion === obj.metadata.resourceVersion && old) return null;
    this.objects.set(key, obj);
    return { type: old ? "modified" : "added", object: obj };
  }

  /** Replaces everything with a fresh list and returns only what differs from before. */
  replace(items: KubeObject[]): Delta[] {
    const next = new Map(items.map((o) => [objectKey(o), o]));
    const deltas: Delta[] = [];
    for (const [key, old] of this.objects) if (!next.has(key)) deltas.push({ type: "deleted", object: old });
    for (const [key, obj] of next) {
      const old = this.objects.get(key);
      if (!old) deltas.push({ type: "added", object: obj });
      else if (old.metadata.resourceVersion !== obj.metadata.resourceVersion || old.metadata.uid !== obj.metadata.uid)
        deltas.push({ type: "modified", object: obj });
    }
    this.objects.clear();
    for (const [key, obj] of next) this.objects.set(key, obj);
    return deltas;
  }
}
