import type { DashboardRow, StageId } from "@/lib/status";

export type StageFilter = StageId | "all";

/** Rows at `stage` (the first stage not done; "ready" once all are) whose name, namespace or domain contain `query`. */
export function filterRows<R extends DashboardRow>(rows: R[], stage: StageFilter, query: string): R[] {
  const q = query.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (stage === "all" || r.current.id === stage) &&
      (!q || [r.name, r.namespace, r.domain ?? ""].some((field) => field.toLowerCase().includes(q))),
  );
}

export function countByStage(rows: DashboardRow[]): Map<StageId, number> {
  const counts = new Map<StageId, number>();
  for (const r of rows) counts.set(r.current.id, (counts.get(r.current.id) ?? 0) + 1);
  return counts;
}
