/**
 * Differences between two live views, so a change to one row of a 2,000-row dashboard travels as
 * that row rather than the whole view (isomorphic: lib/live/sse.ts diffs, the browser applies).
 *
 * Top-level fields are compared whole, except lists of objects keyed by `namespace` + `name`
 * (dashboard rows): those carry only removed keys, changed rows, and inserted rows with their
 * index. A list whose surviving rows changed order, or whose keys repeat, is sent whole.
 *
 * The server serializes each view once (encodeView): its JSON is built from the JSON of its fields
 * and rows, which the next diff compares as strings.
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

/** A list of uniquely keyed rows, each with its JSON. */
interface EncodedList {
  keys: string[];
  rows: Keyed[];
  json: string[];
}

/** A view as sent: its JSON, and the JSON of each field (and row) for the next diff. */
export interface EncodedView {
  view: Record<string, unknown>;
  json: string;
  fields: Map<string, string>;
  lists: Map<string, EncodedList>;
}

const isKeyed = (v: unknown): v is Keyed =>
  typeof v === "object" &&
  v !== null &&
  typeof (v as Keyed).namespace === "string" &&
  typeof (v as Keyed).name === "string";

const keyOf = (row: Keyed) => `${row.namespace}/${row.name}`;

function encodeList(value: unknown): EncodedList | undefined {
  if (!Array.isArray(value) || value.length === 0 || !value.every(isKeyed)) return undefined;
  const keys = value.map(keyOf);
  if (new Set(keys).size !== keys.length) return undefined;
  return { keys, rows: value, json: value.map((row) => JSON.stringify(row)) };
}

/** Serializes a view exactly as JSON.stringify would, keeping the pieces. Fields set to undefined are absent. */
export function encodeView(view: Record<string, unknown>): EncodedView {
  const fields = new Map<string, string>();
  const lists = new Map<string, EncodedList>();
  for (const [field, value] of Object.entries(view)) {
    if (value === undefined) continue;
    const list = encodeList(value);
    if (list) lists.set(field, list);
    fields.set(field, list ? `[${list.json.join(",")}]` : JSON.stringify(value));
  }
  const json = `{${[...fields].map(([field, value]) => `${JSON.stringify(field)}:${value}`).join(",")}}`;
  return { view, json, fields, lists };
}

function diffList(prev: EncodedList, next: EncodedList): ListPatch | undefined {
  const before = new Map(prev.keys.map((k, i) => [k, prev.json[i]]));
  const after = new Set(next.keys);
  const remove = prev.keys.filter((k) => !after.has(k));
  const update: unknown[] = [];
  const insert: [number, unknown][] = [];
  const kept: string[] = [];
  next.keys.forEach((k, i) => {
    const old = before.get(k);
    if (old === undefined) {
      insert.push([i, next.rows[i]]);
      return;
    }
    kept.push(k);
    if (old !== next.json[i]) update.push(next.rows[i]);
  });
  // Removing and inserting by index rebuilds the list only if the rows that stayed kept their order.
  const survivors = prev.keys.filter((k) => after.has(k));
  if (survivors.some((k, i) => kept[i] !== k)) return undefined;
  return { remove, update, insert };
}

export function diffView(prev: EncodedView, next: EncodedView): ViewPatch {
  const patch: ViewPatch = { set: {}, unset: [], lists: {} };
  for (const field of prev.fields.keys()) if (!next.fields.has(field)) patch.unset.push(field);
  for (const [field, json] of next.fields) {
    if (prev.fields.get(field) === json) continue;
    const before = prev.lists.get(field);
    const after = next.lists.get(field);
    const list = before && after && diffList(before, after);
    if (list) patch.lists[field] = list;
    else patch.set[field] = next.view[field];
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
