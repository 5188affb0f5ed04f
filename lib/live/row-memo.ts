// A LoadBalancer's dashboard row costs its whole status model, and every view over the user's
// LoadBalancers recomputes all of them on any change of any one. Rows are reused while the objects
// they were computed from are the same (the watch hub keeps an object until it changes) and they
// are younger than one tick: a stage that changes with time alone still moves within two ticks.
import type { KubeObject } from "../k8s/types";
import type { DashboardRow } from "../status";

/** As long as views tick (LiveContext.tickMs by default). */
export const ROW_TTL_MS = 5_000;

interface Entry<R> {
  deps: readonly unknown[];
  at: number;
  row: R;
}

const rows = new WeakMap<KubeObject, Entry<DashboardRow>>();

const same = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/** `lb`'s row from `compute`, or the one computed from the same `deps` less than a tick before `now`. */
export function memoRow<R extends DashboardRow>(
  lb: KubeObject,
  deps: readonly unknown[],
  now: number,
  compute: () => R,
): R {
  const hit = rows.get(lb);
  if (hit && now >= hit.at && now - hit.at < ROW_TTL_MS && same(hit.deps, deps)) return hit.row as R;
  const row = compute();
  rows.set(lb, { deps, at: now, row });
  return row;
}
