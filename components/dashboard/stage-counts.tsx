import { STAGE_IDS, STAGE_LABELS } from "@/lib/status";
import type { StageFilter } from "./filter-rows";

/** How many LoadBalancers stand at each stage; each count is also a filter button. */
export function StageCounts({
  counts,
  total,
  selected,
  onSelect,
  label,
}: {
  counts: Map<string, number>;
  total: number;
  selected: StageFilter;
  onSelect: (stage: StageFilter) => void;
  label: string;
}) {
  const button = (active: boolean) =>
    `rounded-md border px-2 py-1 text-xs ${
      active
        ? "border-sky-700 bg-sky-700 text-white dark:border-sky-400 dark:bg-sky-800"
        : "border-slate-300 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
    }`;
  return (
    <ul aria-label={label} className="flex flex-wrap gap-2">
      <li>
        <button
          type="button"
          aria-pressed={selected === "all"}
          className={button(selected === "all")}
          onClick={() => onSelect("all")}
        >
          All: <span data-count="all">{total}</span>
        </button>
      </li>
      {STAGE_IDS.map((id) => (
        <li key={id}>
          <button
            type="button"
            aria-pressed={selected === id}
            className={button(selected === id)}
            onClick={() => onSelect(selected === id ? "all" : id)}
          >
            {STAGE_LABELS[id]}: <span data-count={id}>{counts.get(id) ?? 0}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
