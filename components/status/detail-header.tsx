"use client";

import { ArrowLeft, Pencil, Send, Trash2 } from "lucide-react";
import { AppLink as Link } from "@/components/ui/app-link";
import { StatusPill } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { LoadBalancerView } from "@/lib/live/types";
import type { ConnectionState } from "@/lib/live-wire/live-channel";
import { BucketPill } from "./bucket-pill";
import { ConnectionNote } from "./connection-note";
import { TRAFFIC_RESULT_ID } from "./test-traffic";

/**
 * The LoadBalancer page's header: name, live status pill and sentence, address and domain, and
 * the actions (Test traffic, Edit, Delete), all above the fold. The view comes from the page's one
 * live subscription; before its first message the pill says so.
 */
export function DetailHeader({
  namespace,
  name,
  view,
  connection,
  traffic,
  onEdit,
  onDelete,
}: {
  namespace: string;
  name: string;
  view?: LoadBalancerView;
  connection: ConnectionState;
  traffic: { send: () => void; pending: boolean; shown: boolean };
  /** absent when the user may not change it (or it is being deleted) */
  onEdit?: () => void;
  onDelete?: () => void;
}) {
  const status = view?.found ? view.status : undefined;
  const spec = view?.objects.consumer.loadBalancer?.spec as { domain?: string } | undefined;
  const current = status && (status.stages.find((s) => s.id === status.current) ?? status.stages[0]);
  return (
    <header className="flex flex-col gap-3">
      <Link href="/loadbalancers" className="inline-flex w-fit items-center gap-1 text-sm font-medium text-accent">
        <ArrowLeft aria-hidden="true" className="size-4" />
        Back to your LoadBalancers
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex min-w-0 flex-col gap-2">
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-semibold tracking-tight break-all">LoadBalancer {name}</h1>
            {status && current ? (
              // The same pill as the list's: where it stands in one word, its sentence beside it.
              <BucketPill row={{ current }} />
            ) : view && !view.found ? (
              <StatusPill tone="neutral">Not found</StatusPill>
            ) : (
              <StatusPill tone="neutral">Status loading</StatusPill>
            )}
          </div>
          <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
            <div className="flex gap-1">
              <dt className="text-muted">Namespace</dt>
              <dd>{namespace} (your cluster)</dd>
            </div>
            <div className="flex min-w-0 gap-1">
              <dt className="text-muted">Address</dt>
              <dd data-testid="lb-address" className="break-all">
                {status?.address ? <code>{status.address}</code> : "none yet"}
              </dd>
            </div>
            {spec?.domain ? (
              <div className="flex min-w-0 gap-1">
                <dt className="text-muted">Domain</dt>
                <dd className="break-all">
                  <code>{spec.domain}</code>
                </dd>
              </div>
            ) : null}
          </dl>
        </div>
        <div className="flex flex-wrap gap-2" data-testid="detail-actions">
          <Button
            variant="primary"
            onClick={traffic.send}
            pending={traffic.pending}
            aria-describedby={traffic.shown ? TRAFFIC_RESULT_ID : undefined}
          >
            {traffic.pending ? null : <Send aria-hidden="true" className="size-4" />}
            Test traffic
          </Button>
          {(
            [
              { label: "Edit", variant: "secondary", Icon: Pencil, on: onEdit },
              { label: "Delete", variant: "danger", Icon: Trash2, on: onDelete },
            ] as const
          ).map(({ label, variant, Icon, on }) =>
            on ? (
              <Button key={label} variant={variant} onClick={on}>
                <Icon aria-hidden="true" className="size-4" />
                {label}
              </Button>
            ) : null,
          )}
        </div>
      </div>
      {status ? (
        <p data-testid="status-summary" data-ready={status.ready} className="text-sm">
          {status.summary}
        </p>
      ) : null}
      <ConnectionNote state={connection} />
    </header>
  );
}
