"use client";

import { ConditionsTable } from "@/components/status/conditions-table";
import { LiveViewFrame } from "@/components/status/live-view-frame";
import { SinceTime } from "@/components/status/since-time";
import { DataTable, rowClass } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";
import { EmptyState } from "@/components/ui/state-panels";
import { type LiveError, liveSub } from "@/lib/live-wire/live-protocol";
import type { ConsumerDetailView } from "@/lib/provider/types";
import { ConsumerStateBadge, Heartbeat, Konnector } from "./consumer-state";
import { FixBlock } from "./fix-block";
import { RevokeConsumer } from "./revoke-consumer";
import { text } from "./text";

const th = "py-1 pr-3 font-semibold";

/** One consumer in detail (sub `provider:<binding namespace>`), with revocation at the end. */
export function ConsumerDetail({
  namespace,
  ...live
}: {
  namespace: string;
  initial?: ConsumerDetailView;
  resume?: string;
  initialProblem?: LiveError;
}) {
  return (
    <LiveViewFrame
      sub={liveSub.providerConsumer(namespace)}
      className="flex flex-col gap-6"
      {...live}
      loadingLabel={text.loading}
    >
      {(view) => <ConsumerSections namespace={namespace} view={view} />}
    </LiveViewFrame>
  );
}

function ConsumerSections({ namespace, view }: { namespace: string; view: ConsumerDetailView }) {
  const c = view.consumer;
  return !view.found || !c ? (
    <EmptyState title={text.notFoundConsumer(namespace)}>
      <p>{text.notFoundConsumerBody}</p>
    </EmptyState>
  ) : (
    <>
      <section aria-labelledby="summary-heading" className="flex flex-col gap-3">
        <h2 id="summary-heading" className="sr-only">
          Summary
        </h2>
        <div className="flex flex-wrap items-center gap-3">
          <ConsumerStateBadge state={c.state} />
          <p className="text-sm" data-summary>
            {c.summary}
          </p>
        </div>
        {c.fix ? <FixBlock fix={c.fix} /> : null}
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">Owner</dt>
          <dd className="break-all">{c.author ?? "—"}</dd>
          <dt className="font-semibold">Identity</dt>
          <dd className="break-all font-mono text-xs">{c.identity ?? "—"}</dd>
          <dt className="font-semibold">Konnector</dt>
          <dd>
            <Konnector row={c} />
          </dd>
          <dt className="font-semibold">Heartbeat</dt>
          <dd>
            <Heartbeat heartbeat={c.heartbeat} />
          </dd>
          <dt className="font-semibold">Bound</dt>
          <dd>
            <SinceTime iso={c.createdAt} />
          </dd>
          <dt className="font-semibold">Provider namespaces</dt>
          <dd className="font-mono text-xs">{c.providerNamespaces.join(", ")}</dd>
        </dl>
      </section>
      <Section id="exports" title="Exports and requests" gap="gap-2">
        {c.exports.length === 0 && view.requests.length === 0 ? <p className="text-sm">{text.noneYet}</p> : null}
        <ul className="text-sm">
          {c.exports.map((e) => (
            <li key={e.name} data-export={e.name}>
              <span className="font-semibold">{e.name}</span>: {e.resources.join(", ")} —{" "}
              {e.inSync ? "in sync" : (e.message ?? "out of sync")}
            </li>
          ))}
        </ul>
        <DataTable
          caption="APIServiceExportRequests"
          columns={["Request", "Phase", "Message", "Created"]}
          th={th}
          hidden={!view.requests.length}
        >
          {view.requests.map((r) => (
            <tr key={r.name} className={rowClass}>
              <td className="py-1 pr-3">{r.name}</td>
              <td className="pr-3">{r.phase}</td>
              <td className="pr-3">{r.message ?? ""}</td>
              <td>
                <SinceTime iso={r.createdAt} />
              </td>
            </tr>
          ))}
        </DataTable>
      </Section>
      <Section id="instances" title="Synced objects on the provider" gap="gap-2">
        {view.instances.length === 0 ? (
          <p className="text-sm">{text.noInstances}</p>
        ) : (
          <DataTable
            caption="Synced objects on the provider"
            columns={["Namespace", "Name", "From", "State", "Ready"]}
            th={th}
          >
            {view.instances.map((i) => (
              <tr key={`${i.namespace}/${i.name}`} data-instance={`${i.namespace}/${i.name}`} className={rowClass}>
                <td className="py-1 pr-3 font-mono text-xs">{i.namespace}</td>
                <td className="pr-3">
                  {i.kind} {i.name}
                </td>
                <td className="pr-3">{i.consumerNamespace ?? "—"}</td>
                <td className="pr-3">{i.state}</td>
                <td>{i.ready ? "True" : (i.message ?? "False")}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Section>
      <Section id="conditions" title="ClusterBinding conditions" gap="gap-2">
        <ConditionsTable conditions={view.conditions} caption="ClusterBinding conditions" />
      </Section>
      {c.state !== "revoking" ? <RevokeConsumer namespace={namespace} consumer={c.consumer} /> : null}
    </>
  );
}
