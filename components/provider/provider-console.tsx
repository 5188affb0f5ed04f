"use client";

import { Section } from "@/components/ui/section";
import { type LiveError, liveSub } from "@/lib/live-wire/live-protocol";
import type { ProviderView } from "@/lib/provider/types";
import { ConsumerTable } from "./consumer-table";
import { ExportsSection } from "./exports-section";
import { ProviderLiveFrame } from "./provider-live-frame";
import { SetupChecklist } from "./setup-checklist";
import { text } from "./text";

/** The provider console, kept current by the page's live stream (sub `provider`). */
export function ProviderConsole(props: { initial?: ProviderView; resume?: string; initialProblem?: LiveError }) {
  return (
    <ProviderLiveFrame sub={liveSub.provider} className="flex flex-col gap-8" {...props}>
      {(view) => (
        <>
          <SetupChecklist checks={view.checks} />
          <Section id="consumers" title={text.consumers}>
            <ConsumerTable rows={view.consumers} />
          </Section>
          <ExportsSection rows={view.exports} />
        </>
      )}
    </ProviderLiveFrame>
  );
}
