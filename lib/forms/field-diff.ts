// What a change does to an object, field by field: the review of an edit shows only these, not
// the whole object. Pure; values are shown as text, the way the YAML would show them.

export interface FieldChange {
  /** the object, e.g. "LoadBalancer my-lb" */
  object: string;
  /** the field's path, e.g. "spec.domain" or "data.custom-header" */
  path: string;
  /** undefined: the field is not set (added, or removed by the change) */
  before?: string;
  after?: string;
}

type Leaves = Map<string, unknown>;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Every leaf (scalar or array) under its dotted path, in document order; an empty object is none. */
function leaves(value: unknown, prefix: string, out: Leaves): Leaves {
  if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix && value !== undefined && value !== null) {
    out.set(prefix, value);
  }
  return out;
}

function shown(v: unknown): string | undefined {
  if (v === undefined) return undefined;
  return typeof v === "string" ? v : JSON.stringify(v);
}

/**
 * The fields that differ between two versions of one object, before → after; fields under
 * `ignore` (e.g. "metadata", "status") are left out. Added fields come after changed ones.
 */
export function fieldChanges(object: string, before: unknown, after: unknown, ignore: string[] = []): FieldChange[] {
  const a = leaves(before, "", new Map());
  const b = leaves(after, "", new Map());
  const skipped = (path: string) => ignore.some((p) => path === p || path.startsWith(`${p}.`));
  const paths = [...new Set([...a.keys(), ...b.keys()])].filter((p) => !skipped(p));
  return paths
    .map((path) => ({ object, path, before: shown(a.get(path)), after: shown(b.get(path)) }))
    .filter((c) => c.before !== c.after);
}
