"use client";

import { type ReactNode, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { fieldId } from "@/components/form/field-ids";
import { Callout } from "@/components/ui/callout";
import { Section } from "@/components/ui/section";
import { LoadingPanel } from "@/components/ui/state-panels";
import { Tabs } from "@/components/ui/tabs";
import { DetailHeader } from "./detail-header";
import { type DetailTab, DetailTabParam, TAB_LABELS, urlWithTab } from "./detail-tabs";
import { EventsTable } from "./events-table";
import { HealthBanner } from "./health-banner";
import { ObjectsTab } from "./objects-tab";
import { OverviewTab } from "./overview-tab";
import { ProblemPanel } from "./problem-panel";
import { TestTrafficPanel } from "./test-traffic";
import { say } from "./text";
import { useLiveLoadBalancer } from "./use-live-loadbalancer";
import { type TestTrafficAction, useTestTraffic } from "./use-test-traffic";
import { YamlTab } from "./yaml-tab";

/**
 * The LoadBalancer page below the layout: a header with the live status and the actions, then
 * tabs (Overview, Objects, Settings, YAML, Events) kept in the URL as `?tab=`. Everything live
 * reads the page's one subscription; the Settings tab's forms come from the server page.
 */
export function LoadBalancerDetail({
  namespace,
  name,
  initialTab,
  testTraffic,
  summary,
  settings,
  dangerZone,
}: {
  namespace: string;
  name: string;
  initialTab: DetailTab;
  testTraffic: TestTrafficAction;
  /** the specification and settings as read on the server */
  summary: ReactNode;
  /** the edit form, or why there is none */
  settings: ReactNode;
  /** the delete flow, when the user may delete it */
  dangerZone?: ReactNode;
}) {
  const live = useLiveLoadBalancer(namespace, name);
  const { view, problem, revoked } = live;
  const [tab, setTab] = useState<DetailTab>(initialTab);
  const traffic = useTestTraffic(testTraffic, { namespace, name });
  const settingsRef = useRef<HTMLHeadingElement>(null);
  const dangerRef = useRef<HTMLDivElement>(null);

  const show = (value: string) => {
    const next = DetailTabParam.parse(value);
    // Replaced, not pushed: switching tabs is not navigation, but a reload or a shared link keeps it.
    window.history.replaceState(null, "", urlWithTab(window.location.href, next));
    flushSync(() => setTab(next));
  };
  const edit = () => {
    show("settings");
    settingsRef.current?.focus();
    settingsRef.current?.scrollIntoView({ block: "start" });
  };
  const remove = () => {
    show("settings");
    const zone = dangerRef.current;
    // The delete flow starts folded behind its own "Delete…" button; open it as that button would.
    zone?.querySelector<HTMLButtonElement>('button[aria-expanded="false"]')?.click();
    zone?.scrollIntoView({ block: "start" });
    document.getElementById(fieldId("confirm"))?.focus();
  };

  const gone = view && !view.found;
  const deleting = view?.status?.deleting;
  const found = view?.found && view.status ? { ...view, status: view.status } : undefined;
  // Before the first view: one loading note per panel. Gone: said once, above the tabs.
  const waiting = !view && !problem ? <LoadingPanel label={say.loading} /> : null;
  const domain = (view?.objects.consumer.loadBalancer?.spec as { domain?: string } | undefined)?.domain;

  return (
    <div className="flex flex-col gap-6" data-live={live.sub}>
      <DetailHeader
        namespace={namespace}
        name={name}
        view={view}
        connection={live.connection}
        traffic={traffic}
        onEdit={!gone && !deleting ? edit : undefined}
        onDelete={dangerZone && !gone && !deleting ? remove : undefined}
      />
      {problem ? <ProblemPanel error={problem} revoked={revoked} /> : null}
      {view ? <HealthBanner health={view.health} /> : null}
      {gone ? (
        <Callout tone="warning" data-testid="lb-gone">
          <p>{say.notFound(namespace, name)}</p>
        </Callout>
      ) : null}
      {traffic.shown ? (
        <TestTrafficPanel traffic={traffic} domain={domain} hasAddress={Boolean(view?.status?.address)} />
      ) : null}
      <Tabs
        label={`Views of LoadBalancer ${name}`}
        value={tab}
        onValueChange={show}
        keepMounted
        tabs={[
          {
            value: "overview",
            label: TAB_LABELS.overview,
            content: found ? <OverviewTab view={found} summary={summary} /> : waiting,
          },
          { value: "objects", label: TAB_LABELS.objects, content: view ? <ObjectsTab view={view} /> : waiting },
          {
            value: "settings",
            label: TAB_LABELS.settings,
            content: (
              <div className="flex flex-col gap-8">
                <section aria-labelledby="edit-heading" className="flex flex-col gap-3">
                  <h2 id="edit-heading" ref={settingsRef} tabIndex={-1} className="text-lg font-semibold">
                    Change settings
                  </h2>
                  {settings}
                </section>
                {dangerZone ? (
                  <section
                    aria-labelledby="danger-heading"
                    className="flex flex-col gap-3 rounded-lg border border-danger/40 p-4"
                  >
                    <div ref={dangerRef} className="flex flex-col gap-3">
                      <div>
                        <h2 id="danger-heading" className="text-lg font-semibold">
                          Danger zone
                        </h2>
                        <p className="text-sm text-muted">Deleting cannot be undone.</p>
                      </div>
                      {dangerZone}
                    </div>
                  </section>
                ) : null}
              </div>
            ),
          },
          { value: "yaml", label: TAB_LABELS.yaml, content: view ? <YamlTab view={view} /> : waiting },
          {
            value: "events",
            label: view ? `${TAB_LABELS.events} (${view.events.length})` : TAB_LABELS.events,
            content: view ? (
              <Section id="events" title="Events">
                <EventsTable events={view.events} />
              </Section>
            ) : (
              waiting
            ),
          },
        ]}
      />
    </div>
  );
}
