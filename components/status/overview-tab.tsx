import type { ReactNode } from "react";
import { Callout } from "@/components/ui/callout";
import { Section } from "@/components/ui/section";
import type { LoadBalancerView } from "@/lib/live/types";
import { ConditionsTable, conditionsOf } from "./conditions-table";
import { KonnectorHealthLine } from "./konnector-health";
import { StageTimeline } from "./stage-timeline";

type Found = LoadBalancerView & { status: NonNullable<LoadBalancerView["status"]> };

/** What stops the LoadBalancer now, in the status model's own words; nothing once it is Ready. */
function WhatBlocks({ status }: { status: Found["status"] }) {
  if (status.ready) return null;
  const stage = status.stages.find((s) => s.id === status.current);
  if (!stage) return null;
  if (stage.state === "blocked" || stage.state === "failed")
    return (
      <Callout
        tone={stage.state === "failed" ? "danger" : "warning"}
        title={`What blocks it: ${stage.label}`}
        data-testid="what-blocks"
      >
        <p>{stage.message}</p>
      </Callout>
    );
  return (
    <Callout tone="info" title={`In progress: ${stage.label}`} data-testid="what-blocks">
      <p>{stage.message}</p>
    </Callout>
  );
}

/** The Overview tab: what blocks, the stages, the konnector, the conditions, and the settings read. */
export function OverviewTab({ view, summary }: { view: Found; summary: ReactNode }) {
  const { status } = view;
  const lb = view.objects.consumer.loadBalancer;
  return (
    <div className="flex flex-col gap-6">
      <WhatBlocks status={status} />
      <div className="grid gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Section id="stages" title="Stages">
          <StageTimeline stages={status.stages} current={status.current} />
        </Section>
        <div className="flex flex-col gap-6">
          {view.konnector ? <KonnectorHealthLine health={view.konnector} /> : null}
          {summary}
        </div>
      </div>
      <Section id="conditions" title="Conditions (as your cluster reports them)">
        <ConditionsTable conditions={conditionsOf(lb)} caption="Conditions of the LoadBalancer on your cluster" />
      </Section>
    </div>
  );
}
