// The status model: raw objects in, stages with plain-language explanations out (see index.ts).
import { type Ctx, context } from "./context";
import { say } from "./messages";
import { address, gatewayAddress, readyStage, resources, routing } from "./stages-provider";
import { requested, settings, synced } from "./stages-sync";
import { latest } from "./time";
import type { DashboardRow, LoadBalancerStatus, Stage, StageReason, StatusInput } from "./types";

export function loadBalancerStatus(input: StatusInput): LoadBalancerStatus {
  return statusOf(context(input));
}

function statusOf(ctx: Ctx): LoadBalancerStatus {
  const stages = notReachedAfterStop([
    requested(ctx),
    synced(ctx),
    settings(ctx),
    resources(ctx),
    routing(ctx),
    address(ctx),
    readyStage(ctx),
  ]);
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

/**
 * A stage after one that failed or is blocked has not been reached, whatever its own objects say
 * (an address from an earlier spec is no progress while the route is refused). A missing settings
 * key stops nothing: kro goes on with the default header value.
 */
function notReachedAfterStop(stages: Stage[]): Stage[] {
  const stop = stages.findIndex((s) => (s.state === "blocked" || s.state === "failed") && stops(s.reason));
  if (stop < 0) return stages;
  const at = stages[stop].label;
  // Later blocked or failed stages keep their own explanation: they say what else must be fixed.
  return stages.map((s, i) =>
    i <= stop || s.state === "blocked" || s.state === "failed"
      ? s
      : { id: s.id, label: s.label, state: "pending", message: say.notReached(at) },
  );
}

/**
 * Whether a blocked or failed stage stops provisioning. A stopped or silent konnector does not:
 * what the provider made keeps serving, only new changes and status wait for it.
 */
const stops = (reason: StageReason | undefined) =>
  !reason ||
  !["ConfigMapKeyMissing", "KonnectorDown", "KonnectorMissing", "KonnectorHeartbeatStale", "StatusNotSynced"].includes(
    reason,
  );

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
    changedAt: latest(metadata.creationTimestamp, ...status.stages.map((s) => s.since)),
    current: { id: current.id, label: current.label, state: current.state },
    summary: status.summary,
  };
}
