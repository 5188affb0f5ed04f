import { TONE } from "@/components/ui/tones";
import type { StageState } from "@/lib/status";
import { STATE_TEXT } from "./text";

const STYLE: Record<StageState, { icon: string; cls: string }> = {
  done: TONE.good,
  "in-progress": TONE.busy,
  blocked: TONE.warn,
  failed: TONE.bad,
  pending: TONE.idle,
};

/** A stage state as an icon AND a word, so colour is never the only signal. */
export function StageBadge({ state, label }: { state: StageState; label?: string }) {
  const s = STYLE[state];
  return (
    <span
      data-state={state}
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium ${s.cls}`}
    >
      <span aria-hidden="true">{s.icon}</span>
      {label ? `${label}: ${STATE_TEXT[state]}` : STATE_TEXT[state]}
    </span>
  );
}
