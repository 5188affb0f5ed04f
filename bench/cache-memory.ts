// What the portal's watch cache holds per object: the objects of a real LIST, each parsed from its
// own JSON line as a watch event is, trimmed (slim) and kept in an ObjectStore, as the hub's
// streams do. Measured in the bench's own process (heap after a full GC, before and after), against
// the objects' own JSON size as the floor, and against the untrimmed objects.
import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { KubeClient } from "../lib/k8s/client";
import { openRequest } from "../lib/k8s/request";
import { type KubeList, type KubeObject, PORTAL, type ResourceRef } from "../lib/k8s/types";
import { ObjectStore, slim } from "../lib/k8s/watch-store";

export interface CacheMemory {
  cluster: string;
  resource: string;
  objects: number;
  /** heap bytes per cached object, trimmed as the portal caches it */
  heap: number;
  /** the same objects untrimmed */
  heapUntrimmed: number;
  /** JSON bytes per object as cached (trimmed), and as the apiserver sent it */
  json: number;
  jsonUntrimmed: number;
}

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Heap growth per object while `build` holds what it returns. */
function heapPer(count: number, build: () => unknown): number {
  const used = () => {
    gc();
    gc();
    return getHeapStatistics().used_heap_size;
  };
  const before = used();
  const held = build();
  const after = used();
  if (!held) throw new Error("nothing held");
  return (after - before) / Math.max(1, count);
}

export async function cacheMemory(c: KubeClient, ref: ResourceRef): Promise<CacheMemory> {
  const res = await openRequest(c.conn, PORTAL, { verb: "list", ref });
  const text = await res.body.text();
  if (res.statusCode !== 200) throw new Error(`LIST ${ref.resource}: HTTP ${res.statusCode} ${text.slice(0, 200)}`);
  // One line per object, like watch events. (Parsing the whole list at once measured V8 keeping
  // the parsed list alive beside the store.)
  const lines = (JSON.parse(text) as KubeList).items.map((o) => JSON.stringify(o));
  const count = lines.length;
  if (count === 0) throw new Error(`no ${ref.resource} to measure`);
  const items = () => lines.map((l) => JSON.parse(l) as KubeObject);
  const store = (trim: (o: KubeObject) => KubeObject) => {
    const s = new ObjectStore();
    s.replace(items().map(trim));
    return s;
  };
  const json = (list: KubeObject[]) => list.reduce((n, o) => n + Buffer.byteLength(JSON.stringify(o)), 0) / count;
  return {
    cluster: c.conn.name,
    resource: ref.resource,
    objects: count,
    heap: heapPer(count, () => store(slim)),
    heapUntrimmed: heapPer(count, () => store((o) => o)),
    json: json(items().map(slim)),
    jsonUntrimmed: json(items()),
  };
}
