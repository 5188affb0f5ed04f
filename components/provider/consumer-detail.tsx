"use client";

import { ConditionsTable } from "@/components/status/conditions-table";
import { ConnectionNote } from "@/components/status/connection-note";
import { HealthBanner } from "@/components/status/health-banner";
import { ProblemPanel } from "@/components/status/problem-panel";
import { SinceTime } from "@/components/status/since-time";
import { ScrollArea } from "@/components/ui/scroll-area";
import { EmptyState, LoadingPanel } from "@/components/ui/state-panels";
import { type LiveError, liveSub } from "@/lib/live-wire/live-protocol";
import { useLive, useLiveEntry } from "@/lib/live-wire/use-live";
import type { ConsumerDetailView } from "@/lib/provider/types";
import { ConsumerStateBadge, Heartbeat, Konnector } from "./consumer-state";
import { FixBlock } from "./fix-block";
import { RevokeConsumer } from "./revoke-consumer";
import { text } from "./text";

const th = "py-1 pr-3 font-semibold";

/** One consumer in detail (sub `provider:<binding namespace>`), with revocation at the end. */
export function ConsumerDetail({
  namespace,
  initial,
  resume,
  initialProblem,
}: {
  namespace: string;
  initial?: ConsumerDetailView;
  resume?: string;
  initialProblem?: LiveError;
}) {
  const sub = liveSub.providerConsumer(namespace);
  const connection = useLive([sub]);
  const entry = useLiveEntry<ConsumerDetailView>(sub, initial, resume);
  const problem = entry.problem ?? (entry.view ? undefined : initialProblem);
  const view = entry.view;
  const c = view?.consumer;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <ConnectionNote state={connection} />
        {problem ? <ProblemPanel error={problem} revoked={entry.revoked} /> : null}
        {view ? <HealthBanner health={view.health} /> : null}
      </div>
      {!view ? (
        problem ? null : (
          <LoadingPanel label={text.loading} />
        )
      ) : !view.found || !c ? (
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
          <section aria-labelledby="exports-heading" className="flex flex-col gap-2">
            <h2 id="exports-heading" className="text-lg font-semibold">
              Exports and requests
            </h2>
            {c.exports.length === 0 && view.requests.length === 0 ? <p className="text-sm">{text.noneYet}</p> : null}
            <ul className="text-sm">
              {c.exports.map((e) => (
                <li key={e.name} data-export={e.name}>
                  <span className="font-semibold">{e.name}</span>: {e.resources.join(", ")} —{" "}
                  {e.inSync ? "in sync" : (e.message ?? "out of sync")}
                </li>
              ))}
            </ul>
            <ScrollArea label="APIServiceExportRequests" className={view.requests.length ? undefined : "hidden"}>
              <table className="w-full text-left text-sm">
                <caption className="sr-only">APIServiceExportRequests</caption>
                <thead className="border-b border-slate-200 dark:border-slate-700">
                  <tr>
                    <th scope="col" className={th}>
                      Request
                    </th>
                    <th scope="col" className={th}>
                      Phase
                    </th>
                    <th scope="col" className={th}>
                      Message
                    </th>
                    <th scope="col" className={th}>
                      Created
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {view.requests.map((r) => (
                    <tr key={r.name} className="border-b border-slate-100 align-top dark:border-slate-800">
                      <td className="py-1 pr-3">{r.name}</td>
                      <td className="pr-3">{r.phase}</td>
                      <td className="pr-3">{r.message ?? ""}</td>
                      <td>
                        <SinceTime iso={r.createdAt} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollArea>
          </section>
          <section aria-labelledby="instances-heading" className="flex flex-col gap-2">
            <h2 id="instances-heading" className="text-lg font-semibold">
              Synced objects on the provider
            </h2>
            {view.instances.length === 0 ? (
              <p className="text-sm">{text.noInstances}</p>
            ) : (
              <ScrollArea label="Synced objects on the provider">
                <table className="w-full text-left text-sm">
                  <caption className="sr-only">Synced objects on the provider</caption>
                  <thead className="border-b border-slate-200 dark:border-slate-700">
                    <tr>
                      <th scope="col" className={th}>
                        Namespace
                      </th>
                      <th scope="col" className={th}>
                        Name
                      </th>
                      <th scope="col" className={th}>
                        From
                      </th>
                      <th scope="col" className={th}>
                        State
                      </th>
                      <th scope="col" className={th}>
                        Ready
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {view.instances.map((i) => (
                      <tr
                        key={`${i.namespace}/${i.name}`}
                        data-instance={`${i.namespace}/${i.name}`}
                        className="border-b border-slate-100 align-top dark:border-slate-800"
                      >
                        <td className="py-1 pr-3 font-mono text-xs">{i.namespace}</td>
                        <td className="pr-3">
                          {i.kind} {i.name}
                        </td>
                        <td className="pr-3">{i.consumerNamespace ?? "—"}</td>
                        <td className="pr-3">{i.state}</td>
                        <td>{i.ready ? "True" : (i.message ?? "False")}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollArea>
            )}
          </section>
          <section aria-labelledby="conditions-heading" className="flex flex-col gap-2">
            <h2 id="conditions-heading" className="text-lg font-semibold">
              ClusterBinding conditions
            </h2>
            <ConditionsTable conditions={view.conditions} caption="ClusterBinding conditions" />
          </section>
          {c.state !== "revoking" ? <RevokeConsumer namespace={namespace} consumer={c.consumer} /> : null}
        </>
      )}
    </div>
  );
}
