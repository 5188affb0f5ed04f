// Permission-claim selection (upstream pkg/resources IsClaimed): an object is claimed when its
// labels match the labelSelector, OR it is one of the namedResources, OR an object of a referencing
// resource names it through a gjson path (`spec.configMapRef`, `spec.secretRefs.#.name`). An
// empty selector claims nothing. Pure functions.
import type { Obj } from "./client";
import type { LabelSelector, Selector, SelectorReference } from "./types";

function segments(path: string): string[] {
  // gjson: `.` separates, `\.` is a literal dot.
  return path.split(/(?<!\\)\./).map((s) => s.replaceAll("\\.", "."));
}

function lookup(value: unknown, parts: string[]): unknown {
  if (parts.length === 0) return value;
  const [head, ...rest] = parts;
  if (head === "#") {
    if (!Array.isArray(value)) return undefined;
    if (rest.length === 0) return value.length;
    return value.map((v) => lookup(v, rest)).filter((v) => v !== undefined);
  }
  if (Array.isArray(value)) {
    return /^\d+$/.test(head) ? lookup(value[Number(head)], rest) : undefined;
  }
  if (value && typeof value === "object" && Object.hasOwn(value, head)) {
    return lookup((value as Record<string, unknown>)[head], rest);
  }
  return undefined;
}

/** The subset of gjson.Get the claims use: keys, array indices, `#` (count / map over elements). */
export function gjsonGet(value: unknown, path: string): unknown {
  if (!path) return undefined;
  const result = lookup(value, segments(path));
  return result === null ? undefined : result;
}

/** gjson Result → strings: arrays element-wise, scalars as text, trimmed; missing → []. */
export function gjsonStrings(value: unknown): string[] {
  if (value === undefined) return [];
  const items = Array.isArray(value) ? value : [value];
  return items
    .filter((v) => v !== undefined && v !== null)
    .map((v) => (typeof v === "object" ? JSON.stringify(v) : String(v)).trim());
}

/** The objects a referencing object points at through one reference's jsonPath. */
export function referencedObjects(referrer: Obj, ref: SelectorReference): { name: string; namespaces?: string[] }[] {
  const names = gjsonStrings(gjsonGet(referrer, ref.jsonPath?.name ?? "")).filter(Boolean);
  // Upstream ORs every name with every namespace the paths yield. Without a namespace (no path, or
  // nothing at it) upstream matches the name in ANY namespace; we keep a namespaced referrer to its
  // own namespace, which is what kro and any other reader of such a reference means.
  const explicit = ref.jsonPath?.namespace ? gjsonStrings(gjsonGet(referrer, ref.jsonPath.namespace)) : [];
  const own = referrer.metadata.namespace;
  const namespaces = explicit.length > 0 ? explicit : own ? [own] : undefined;
  return names.map((name) => ({ name, namespaces }));
}

export function matchesLabelSelector(
  selector: LabelSelector | undefined,
  labels: Record<string, string> = {},
): boolean {
  if (!selector) return false;
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, e.key);
    const inValues = has && (e.values ?? []).includes(labels[e.key]);
    const ok =
      e.operator === "In"
        ? inValues
        : e.operator === "NotIn"
          ? !inValues
          : e.operator === "Exists"
            ? has
            : e.operator === "DoesNotExist"
              ? !has
              : false;
    if (!ok) return false;
  }
  return true;
}

/**
 * Whether `obj` is claimed by `selector`. `referrers(ref)` returns the current objects of the
 * reference's resource (the konnector passes its consumer caches).
 */
export function isClaimed(
  obj: Obj,
  selector: Selector | undefined,
  referrers: (ref: SelectorReference) => Obj[],
): boolean {
  if (!selector) return false;
  const { labelSelector, namedResources = [], references = [] } = selector;
  if (!labelSelector && namedResources.length === 0 && references.length === 0) return false;
  if (matchesLabelSelector(labelSelector, obj.metadata.labels)) return true;
  const ns = obj.metadata.namespace;
  if (namedResources.some((n) => n.name === obj.metadata.name && (!n.namespace || n.namespace === ns))) return true;
  return references.some((ref) =>
    referrers(ref).some((r) =>
      referencedObjects(r, ref).some(
        (t) => t.name === obj.metadata.name && (!t.namespaces || (ns !== undefined && t.namespaces.includes(ns))),
      ),
    ),
  );
}
