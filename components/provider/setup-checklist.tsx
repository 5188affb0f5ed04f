import type { Check } from "@/lib/provider/types";
import { CheckItem } from "./check-item";
import { text } from "./text";

/** The guide's provider steps, each checked live. */
export function SetupChecklist({ checks }: { checks: Check[] }) {
  const ok = checks.filter((c) => c.state === "ok").length;
  return (
    <section aria-labelledby="checklist-heading" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-baseline gap-x-3">
        <h2 id="checklist-heading" className="text-lg font-semibold">
          {text.checklist}
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="checks-passing">
          {text.checksPassing(ok, checks.length)}
        </p>
      </div>
      <ol aria-label={text.checklist} className="flex flex-col gap-3">
        {checks.map((c) => (
          <CheckItem key={c.id} check={c} />
        ))}
      </ol>
    </section>
  );
}
