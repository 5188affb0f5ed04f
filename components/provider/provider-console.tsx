"use client";

import { ConnectionNote } from "@/components/status/connection-note";
import { HealthBanner } from "@/components/status/health-banner";
import { ProblemPanel } from "@/components/status/problem-panel";
import { LoadingPanel } from "@/components/ui/state-panels";
import { type LiveError, liveSub } from "@/lib/live-wire/live-protocol";
import { useLive, useLiveEntry } from "@/lib/live-wire/use-live";
import type { ProviderView } from "@/lib/provider/types";
import { ConsumerTable } from "./consumer-table";
import { ExportsSection } from "./exports-section";
import { SetupChecklist } from "./setup-checklist";
import { text } from "./text";

/** The provider console, kept current by the page's live stream (sub `provider`). */
export function ProviderConsole({
  initial,
  resume,
  initialProblem,
}: {
  initial?: ProviderView;
  resume?: string;
  initialProblem?: LiveError;
}) {
  const connection = useLive([liveSub.provider]);
  const entry = useLiveEntry<ProviderView>(liveSub.provider, initial, resume);
  const problem = entry.problem ?? (entry.view ? undefined : initialProblem);
  const view = entry.view;
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-2">
        <ConnectionNote state={connection} />
        {problem ? <ProblemPanel error={problem} revoked={entry.revoked} /> : null}
        {view ? <HealthBanner health={view.health} /> : null}
      </div>
      {!view ? (
        problem ? null : (
          <LoadingPanel label={text.loading} />
        )
      ) : (
        <>
          <SetupChecklist checks={view.checks} />
          <section aria-labelledby="consumers-heading" className="flex flex-col gap-3">
            <h2 id="consumers-heading" className="text-lg font-semibold">
              {text.consumers}
            </h2>
            <ConsumerTable rows={view.consumers} />
          </section>
          <ExportsSection rows={view.exports} />
        </>
      )}
    </div>
  );
}
