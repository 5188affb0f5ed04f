// The status model: raw objects in, stages with plain-language explanations out (see index.ts).
import { type Ctx, context } from "./context";
import { say } from "./messages";
import { address, gatewayAddress, readyStage, resources, routing } from "./stages-provider";
import { requested, settings, synced } from "./stages-sync";
import type { DashboardRow, LoadBalancerStatus, StatusInput } from "./types";

export function loadBalancerStatus(input: StatusInput): LoadBalancerStatus {
  return statusOf(context(input));
}

function statusOf(ctx: Ctx): LoadBalancerStatus {
  const stages = [
    requested(ctx),
    synced(ctx),
    settings(ctx),
    resources(ctx),
    routing(ctx),
    address(ctx),
    readyStage(ctx),
  ];
  const deleting = Boolean(ctx.lb.metadata.deletionTimestamp);
  const done = (id: string) => stages.find((s) => s.id === id)?.state === "done";
  // Serving means the consumer was told Ready AND the provider really routes traffic: kro alone
  // reports Ready as soon as it has created the Gateway and the HTTPRoute, before Envoy Gateway
  // has accepted anything.
  const ready = !deleting && done("ready") && done("routing") && done("address");
  const current = deleting ? stages[0] : stages.find((s) => s.state !== "done");
  const addr = ctx.lb.status?.address ?? gatewayAddress(ctx);
  let summary: string;
  if (deleting) summary = say.summaryDeleting;
  else if (!current) summary = say.summaryReady(ctx.lb.spec?.domain, addr);
  else if (current.state === "blocked" || current.state === "failed") summary = current.message;
  else summary = say.summaryStep(current.label, current.message);
  return { stages, current: current?.id ?? "ready", summary, ready, deleting, address: addr };
}

/** The dashboard's row for one LoadBalancer, from the same input as the full status. */
export function dashboardRow(input: StatusInput): DashboardRow {
  const ctx = context(input);
  const status = statusOf(ctx);
  const { metadata, spec } = ctx.lb;
  const own = ctx.lb.status;
  const copy = ctx.p.lb?.status;
  const readyCondition = (own?.conditions ?? copy?.conditions)?.find((c) => c.type === "Ready");
  const current = status.stages.find((s) => s.id === status.current) ?? status.stages[0];
  return {
    namespace: metadata.namespace ?? "default",
    name: metadata.name,
    domain: spec?.domain,
    state: own?.state ?? copy?.state ?? "PENDING",
    ready: readyCondition?.status ?? "Unknown",
    address: status.address,
    createdAt: metadata.creationTimestamp,
    current: { id: current.id, label: current.label, state: current.state },
    summary: status.summary,
  };
}
