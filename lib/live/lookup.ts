// Constant-time lookups in stream contents. Within one recompute every stream's objects arrive as
// the same array (engine.ts caches them), so an index built once per array serves every row of a
// dashboard: without it, 2,000 rows each scanning 2,000-object namespaces made a view quadratic.
import type { KubeObject } from "../k8s/types";

type List = readonly KubeObject[];

const byName = new WeakMap<List, Map<string, KubeObject>>();

/** The object named `name`, or undefined. */
export function named(list: List, name: string | undefined): KubeObject | undefined {
  if (name === undefined) return undefined;
  let index = byName.get(list);
  if (!index) {
    index = new Map(list.map((o) => [o.metadata.name, o]));
    byName.set(list, index);
  }
  return index.get(name);
}

/** The first object whose label `label` equals `value`, or undefined. */
export function labelled(list: List, label: string, value: string | undefined): KubeObject | undefined {
  return value === undefined ? undefined : keyed(list, `label ${label}`, (o) => o.metadata.labels?.[label], value);
}

const byKey = new WeakMap<List, Map<string, Map<string, KubeObject>>>();

/** The first object whose `keyOf` (an index named `index`) equals `key`, or undefined. */
export function keyed(
  list: List,
  index: string,
  keyOf: (o: KubeObject) => string | undefined,
  key: string,
): KubeObject | undefined {
  let map = byKey.get(list)?.get(index);
  if (!map) {
    map = new Map();
    for (const o of list) {
      const k = keyOf(o);
      if (k !== undefined && !map.has(k)) map.set(k, o);
    }
    byKey.set(list, (byKey.get(list) ?? new Map()).set(index, map));
  }
  return map.get(key);
}
