import type { ConnectionState } from "@/lib/live-wire/live-channel";
import { CONNECTION_TEXT } from "./text";

/** The page's live connection in words (announced politely when it changes). */
export function ConnectionNote({ state }: { state: ConnectionState }) {
  const live = state === "open";
  return (
    <p
      role="status"
      data-connection={state}
      className="flex items-center gap-2 text-xs text-slate-600 dark:text-slate-400"
    >
      <span
        aria-hidden="true"
        className={`inline-block h-2 w-2 rounded-full ${live ? "bg-emerald-500" : "bg-amber-500"}`}
      />
      {CONNECTION_TEXT[state]}
    </p>
  );
}
