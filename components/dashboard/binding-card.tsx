"use client";

import { KonnectorHealthLine } from "@/components/status/konnector-health";
import { SinceTime } from "@/components/status/since-time";
import { StatusPill } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";
import type { BindState } from "@/lib/catalog/bind-state";
import type { KonnectorHealth } from "@/lib/status";

/** One export as bound (or not) to the user's cluster, as the catalog judges it. */
export interface BindingLine {
  name: string;
  state: BindState;
}

/**
 * The user's cluster and the provider: which exports are bound (read when the page loaded) and the
 * konnector that syncs them, live: its replicas and its last heartbeat to the provider.
 */
export function BindingCard({ bindings, konnector }: { bindings?: BindingLine[]; konnector: KonnectorHealth }) {
  return (
    <Card title="Bindings" description="What your cluster binds from the provider, and the konnector that syncs it.">
      <div className="flex flex-col gap-3">
        {bindings?.length ? (
          <ul aria-label="Bindings of your cluster" className="flex flex-col gap-2 text-sm">
            {bindings.map((b) => (
              <li key={b.name} data-binding={b.name} className="flex flex-wrap items-center gap-x-2 gap-y-1">
                <span className="font-medium">{b.name}</span>
                <BindingState state={b.state} />
              </li>
            ))}
          </ul>
        ) : null}
        <KonnectorHealthLine health={konnector} />
      </div>
    </Card>
  );
}

function BindingState({ state }: { state: BindState }) {
  if (state.state === "not-bound")
    return (
      <>
        <StatusPill tone="neutral">Not bound</StatusPill>
        <TextLink href="/catalog">Bind it from the catalog</TextLink>
      </>
    );
  if (state.state === "bound-by-admin") return <StatusPill tone="success">Bound by an administrator</StatusPill>;
  return (
    <>
      <StatusPill tone={state.ready ? "success" : "warning"}>{state.ready ? "Bound" : "Bound, not ready"}</StatusPill>
      <span className="text-muted">
        {state.via ? `with ${state.via}` : null}
        {state.since ? (
          <>
            {state.via ? ", " : null}
            <SinceTime iso={state.since} />
          </>
        ) : null}
      </span>
      {state.problem ? <span className="basis-full text-muted">{state.problem}</span> : null}
    </>
  );
}
