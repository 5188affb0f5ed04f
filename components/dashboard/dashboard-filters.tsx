import { useId } from "react";
import { STAGE_IDS, STAGE_LABELS } from "@/lib/status";
import type { StageFilter } from "./filter-rows";

const input = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900";

/** Search by name, namespace or domain, and pick a stage. */
export function DashboardFilters({
  query,
  stage,
  onQuery,
  onStage,
}: {
  query: string;
  stage: StageFilter;
  onQuery: (q: string) => void;
  onStage: (s: StageFilter) => void;
}) {
  const id = useId();
  return (
    <search className="flex flex-wrap items-end gap-4">
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-q`} className="text-sm font-medium">
          Search
        </label>
        <input
          id={`${id}-q`}
          type="search"
          value={query}
          onChange={(e) => onQuery(e.target.value)}
          placeholder="name, namespace or domain"
          className={input}
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-stage`} className="text-sm font-medium">
          Stage
        </label>
        <select
          id={`${id}-stage`}
          value={stage}
          onChange={(e) => onStage(e.target.value as StageFilter)}
          className={input}
        >
          <option value="all">All stages</option>
          {STAGE_IDS.map((s) => (
            <option key={s} value={s}>
              {STAGE_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
    </search>
  );
}
