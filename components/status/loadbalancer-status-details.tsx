import type { LoadBalancerView } from "@/lib/live/types";
import { ConditionsTable, conditionsOf } from "./conditions-table";
import { EventsTable } from "./events-table";
import { KonnectorHealthLine } from "./konnector-health";
import { ObjectTree } from "./object-tree";
import { StageBadge } from "./stage-badge";
import { StageTimeline } from "./stage-timeline";
import { TestTraffic, type TestTrafficAction } from "./test-traffic";

const section = "flex flex-col gap-3";

/** Everything the live view of one LoadBalancer holds, section by section. */
export function LoadBalancerStatusDetails({
  view,
  testTraffic,
}: {
  view: LoadBalancerView & { status: NonNullable<LoadBalancerView["status"]> };
  testTraffic: TestTrafficAction;
}) {
  const { status, target } = view;
  const current = status.stages.find((s) => s.id === status.current) ?? status.stages[0];
  const overall = status.ready ? "done" : current.state === "done" ? "in-progress" : current.state;
  const lb = view.objects.consumer.loadBalancer;
  const domain = (lb?.spec as { domain?: string } | undefined)?.domain;
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-wrap items-center gap-3" data-testid="status-summary" data-ready={status.ready}>
        <StageBadge state={overall} label={status.ready ? "Ready" : status.deleting ? "Deleting" : current.label} />
        <p>{status.summary}</p>
      </div>
      {view.konnector ? <KonnectorHealthLine health={view.konnector} /> : null}
      <section aria-labelledby="stages-heading" className={section}>
        <h3 id="stages-heading" className="font-semibold">
          Stages
        </h3>
        <StageTimeline stages={status.stages} current={status.current} />
      </section>
      <section aria-labelledby="conditions-heading" className={section}>
        <h3 id="conditions-heading" className="font-semibold">
          Conditions (as your cluster reports them)
        </h3>
        <ConditionsTable conditions={conditionsOf(lb)} caption="Conditions of the LoadBalancer on your cluster" />
      </section>
      <section aria-labelledby="events-heading" className={section}>
        <h3 id="events-heading" className="font-semibold">
          Events
        </h3>
        <EventsTable events={view.events} />
      </section>
      <section aria-labelledby="objects-heading" className={section}>
        <h3 id="objects-heading" className="font-semibold">
          Objects
        </h3>
        <ObjectTree view={view} />
      </section>
      <section aria-labelledby="traffic-heading" className={section}>
        <h3 id="traffic-heading" className="font-semibold">
          Test traffic
        </h3>
        <TestTraffic
          namespace={target.namespace}
          name={target.name}
          domain={domain}
          hasAddress={Boolean(status.address)}
          action={testTraffic}
        />
      </section>
    </div>
  );
}
