"use client";

import { LiveViewFrame } from "@/components/status/live-view-frame";
import { Section } from "@/components/ui/section";
import { type LiveError, liveSub } from "@/lib/live-wire/live-protocol";
import type { ProviderView } from "@/lib/provider/types";
import { ConsumerTable } from "./consumer-table";
import { ExportsSection } from "./exports-section";
import { SetupChecklist } from "./setup-checklist";
import { text } from "./text";

/** The provider console, kept current by the page's live stream (sub `provider`). */
export function ProviderConsole(props: { initial?: ProviderView; resume?: string; initialProblem?: LiveError }) {
  return (
    <LiveViewFrame sub={liveSub.provider} className="flex flex-col gap-8" {...props} loadingLabel={text.loading}>
      {(view) => (
        <>
          <SetupChecklist checks={view.checks} />
          <Section id="consumers" title={text.consumers}>
            <ConsumerTable rows={view.consumers} />
          </Section>
          <ExportsSection rows={view.exports} />
        </>
      )}
    </LiveViewFrame>
  );
}
