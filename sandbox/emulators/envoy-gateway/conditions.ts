// metav1.Condition helpers. Envoy Gateway stamps lastTransitionTime = now on every condition of
// every status write, so comparisons for "is a write needed" ignore times.
import type { Condition } from "./types";

export type ConditionSpec = Pick<Condition, "type" | "status" | "reason" | "message">;

export const cond = (type: string, status: Condition["status"], reason: string, message: string): ConditionSpec => ({
  type,
  status,
  reason,
  message,
});

/** An object's conditions as a translation sets them. */
export class Conditions {
  readonly list: ConditionSpec[] = [];
  /** Replaces a condition of the same type in place, like metav1 condition merging. */
  set(c: ConditionSpec): void {
    const i = this.list.findIndex((x) => x.type === c.type);
    if (i >= 0) this.list[i] = c;
    else this.list.push(c);
  }
  has(type: string, status?: string): boolean {
    return this.list.some((c) => c.type === type && (status === undefined || c.status === status));
  }
}

/** An error as a condition message, as Envoy Gateway writes it: capital first letter, final period. */
export function conditionMessage(error: string): string {
  if (error === "") return error;
  const [first, ...rest] = [...error];
  const head = /\p{L}/u.test(first) ? first.toUpperCase() : first;
  const text = head + rest.join("");
  return text.endsWith(".") ? text : `${text}.`;
}

/** Several errors of one condition type: one stays as it is, more become one message per line. */
export const errorsMessage = (errors: string[]): string =>
  errors.length === 1 ? errors[0] : errors.map(conditionMessage).join("\n");

/** Several reasons of one condition type: sorted, unique, comma-separated. */
export const joinedReasons = (reasons: string[]): string => [...new Set(reasons)].sort().join(",");

export function stamp(specs: ConditionSpec[], generation: number | undefined, now: string): Condition[] {
  return specs.map((c) => ({
    ...c,
    lastTransitionTime: now,
    ...(generation === undefined ? {} : { observedGeneration: generation }),
  }));
}

/** Replace conditions of the types we own, keep everybody else's: Gateway API status is shared by controllers. */
export function mergeConditions(existing: Condition[] | undefined, ours: Condition[]): Condition[] {
  const owned = new Set(ours.map((c) => c.type));
  const kept = (existing ?? []).filter((c) => !owned.has(c.type));
  return [...ours, ...kept];
}

/** JSON-equal once every lastTransitionTime is removed. */
export function equalIgnoringTimes(a: unknown, b: unknown): boolean {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (v && typeof v === "object") {
      return Object.fromEntries(
        Object.entries(v)
          .filter(([k, x]) => k !== "lastTransitionTime" && x !== undefined)
          .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
          .map(([k, x]) => [k, strip(x)]),
      );
    }
    return v;
  };
  return JSON.stringify(strip(a)) === JSON.stringify(strip(b));
}
