// kube-bind's cluster-API style conditions: MarkTrue/MarkFalse keep lastTransitionTime while the
// status does not change, conditions are sorted Ready first then by type, and SetSummary derives
// Ready from the others (the most severe False wins; all True gives True).
import type { Condition } from "./types";

type Severity = NonNullable<Condition["severity"]>;

/** metav1.Time: RFC 3339 with whole seconds. */
export const timestamp = (d = new Date()) => `${d.toISOString().slice(0, 19)}Z`;

function sorted(list: Condition[]): Condition[] {
  return [...list].sort((a, b) => {
    if (a.type === b.type) return 0;
    if (a.type === "Ready") return -1;
    if (b.type === "Ready") return 1;
    return a.type < b.type ? -1 : 1;
  });
}

export function setCondition(list: Condition[] | undefined, c: Omit<Condition, "lastTransitionTime">): Condition[] {
  const existing = list?.find((x) => x.type === c.type);
  const lastTransitionTime =
    existing && existing.status === c.status ? existing.lastTransitionTime : timestamp(new Date());
  const next: Condition = { ...c, lastTransitionTime };
  return sorted([...(list ?? []).filter((x) => x.type !== c.type), next]);
}

export const markTrue = (list: Condition[] | undefined, type: string) => setCondition(list, { type, status: "True" });

export function markFalse(
  list: Condition[] | undefined,
  type: string,
  reason: string,
  severity: Severity,
  message: string,
): Condition[] {
  return setCondition(list, { type, status: "False", reason, severity, message });
}

const RANK: Record<string, number> = { Error: 0, Warning: 1, Info: 2, "": 3 };

/** Ready from all other conditions (conditions.SetSummary). */
export function setSummary(list: Condition[] | undefined): Condition[] {
  const others = (list ?? []).filter((c) => c.type !== "Ready");
  if (others.length === 0) return list ?? [];
  const failed = others
    .filter((c) => c.status === "False")
    .sort((a, b) => (RANK[a.severity ?? ""] ?? 3) - (RANK[b.severity ?? ""] ?? 3));
  const worst = failed[0];
  if (worst) {
    return setCondition(list, {
      type: "Ready",
      status: "False",
      reason: worst.reason,
      severity: worst.severity,
      message: worst.message,
    });
  }
  if (others.every((c) => c.status === "True")) return markTrue(list, "Ready");
  return setCondition(list, { type: "Ready", status: "Unknown" });
}

export const findCondition = (list: Condition[] | undefined, type: string) => list?.find((c) => c.type === type);

/** Replaces the conditions of the types in `ours`, keeping everybody else's (two writers share ClusterBinding). */
export function mergeConditions(existing: Condition[] | undefined, ours: Condition[]): Condition[] {
  const owned = new Set(ours.map((c) => c.type));
  return sorted([...(existing ?? []).filter((c) => !owned.has(c.type)), ...ours]);
}

/** JSON equality, ignoring key order; used to skip writes that would change nothing. */
export function sameJson(a: unknown, b: unknown): boolean {
  const norm = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(norm);
    if (v && typeof v === "object") {
      return Object.fromEntries(
        Object.entries(v)
          .filter(([, x]) => x !== undefined)
          .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
          .map(([k, x]) => [k, norm(x)]),
      );
    }
    return v;
  };
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

/** Whether every field of `want` is present with the same value in `have` (arrays element-wise). */
export function covers(want: unknown, have: unknown): boolean {
  if (Array.isArray(want)) {
    return Array.isArray(have) && want.length === have.length && want.every((w, i) => covers(w, have[i]));
  }
  if (want && typeof want === "object") {
    if (!have || typeof have !== "object" || Array.isArray(have)) return false;
    return Object.entries(want).every(([k, v]) => v === undefined || covers(v, (have as Record<string, unknown>)[k]));
  }
  return want === have;
}
