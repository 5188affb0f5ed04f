/**
 * Differences between two live views, so a change to one row of a 2,000-row dashboard travels as
 * that row rather than the whole view (isomorphic: lib/live/sse.ts diffs, the browser applies).
 *
 * Top-level fields are compared whole, except lists of objects keyed by `namespace` + `name`
 * (dashboard rows): those carry only removed keys, changed rows, and inserted rows with their
 * index. A list whose surviving rows changed order, or whose keys repeat, is sent whole.
 */

export interface ListPatch {
  /** keys (`namespace/name`) of rows that left */
  remove: string[];
  /** rows that stayed but changed, whole */
  update: unknown[];
  /** new rows with their index in the new list, ascending */
  insert: [number, unknown][];
}

export interface ViewPatch {
  /** fields that changed, whole */
  set: Record<string, unknown>;
  /** fields that are gone */
  unset: string[];
  lists: Record<string, ListPatch>;
}

type Keyed = { namespace: string; name: string };

const isKeyed = (v: unknown): v is Keyed =>
  typeof v === "object" &&
  v !== null &&
  typeof (v as Keyed).namespace === "string" &&
  typeof (v as Keyed).name === "string";

const keyOf = (row: Keyed) => `${row.namespace}/${row.name}`;

/** The rows' keys, or undefined when the value is not a list of uniquely keyed rows. */
function keysOf(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || !value.every(isKeyed)) return undefined;
  const keys = value.map(keyOf);
  return new Set(keys).size === keys.length ? keys : undefined;
}

function diffList(prev: Keyed[], next: Keyed[], prevKeys: string[], nextKeys: string[]): ListPatch | undefined {
  const before = new Map(prevKeys.map((k, i) => [k, prev[i]]));
  const after = new Set(nextKeys);
  const remove = prevKeys.filter((k) => !after.has(k));
  const update: unknown[] = [];
  const insert: [number, unknown][] = [];
  const kept: string[] = [];
  nextKeys.forEach((k, i) => {
    const old = before.get(k);
    if (old === undefined) {
      insert.push([i, next[i]]);
      return;
    }
    kept.push(k);
    if (JSON.stringify(old) !== JSON.stringify(next[i])) update.push(next[i]);
  });
  // Removing and inserting by index rebuilds the list only if the rows that stayed kept their order.
  const survivors = prevKeys.filter((k) => after.has(k));
  if (survivors.some((k, i) => kept[i] !== k)) return undefined;
  return { remove, update, insert };
}

/** Views go out as JSON, so a field set to `undefined` counts as absent. */
export function diffView(prev: Record<string, unknown>, next: Record<string, unknown>): ViewPatch {
  const patch: ViewPatch = { set: {}, unset: [], lists: {} };
  for (const [field, value] of Object.entries(prev)) {
    if (value !== undefined && next[field] === undefined) patch.unset.push(field);
  }
  for (const [field, value] of Object.entries(next)) {
    if (value === undefined) continue;
    const old = prev[field];
    const oldKeys = keysOf(old);
    const newKeys = oldKeys && keysOf(value);
    const list = newKeys && diffList(old as Keyed[], value as Keyed[], oldKeys as string[], newKeys);
    if (list) {
      if (list.remove.length || list.update.length || list.insert.length) patch.lists[field] = list;
    } else if (JSON.stringify(old) !== JSON.stringify(value)) {
      patch.set[field] = value;
    }
  }
  return patch;
}

export function applyPatch<V>(view: V, patch: ViewPatch): V {
  const out: Record<string, unknown> = { ...(view as Record<string, unknown>) };
  for (const field of patch.unset) delete out[field];
  Object.assign(out, patch.set);
  for (const [field, list] of Object.entries(patch.lists)) {
    const rows = out[field];
    if (!Array.isArray(rows)) throw new Error(`the view has no list ${field} to patch`);
    const gone = new Set(list.remove);
    const changed = new Map((list.update as Keyed[]).map((r) => [keyOf(r), r]));
    const result: unknown[] = [];
    for (const row of rows as Keyed[]) {
      const key = keyOf(row);
      if (!gone.has(key)) result.push(changed.get(key) ?? row);
    }
    for (const [at, row] of list.insert) result.splice(at, 0, row);
    out[field] = result;
  }
  return out as V;
}
