// Stages decided by kube-bind: the object exists, its copy and its settings reached the provider.

import { findCondition } from "../k8s/models";
import { type Ctx, SETTINGS_KEY } from "./context";
import { assessKonnector } from "./konnector";
import { STAGE_LABELS, say } from "./messages";
import { lbRefusal, settingsRefusal } from "./policy";
import { sameJson } from "./same-json";
import { firstKnown } from "./time";
import type { Stage, StageId } from "./types";

export const stage = (id: StageId, rest: Omit<Stage, "id" | "label">): Stage => ({
  id,
  label: STAGE_LABELS[id],
  ...rest,
});

export function requested(ctx: Ctx): Stage {
  const { metadata } = ctx.lb;
  if (metadata.deletionTimestamp)
    return stage("requested", {
      state: "in-progress",
      since: metadata.deletionTimestamp,
      message: say.deleting,
      reason: "Deleting",
    });
  return stage("requested", {
    state: "done",
    since: metadata.creationTimestamp,
    message: say.requested(metadata.namespace ?? "default"),
  });
}

/**
 * The konnector's health (konnector.ts): it blocks syncing when its Deployment on the consumer has
 * no ready replica or does not exist, or when it stopped heartbeating (no heartbeat for twice its
 * interval, or the backend's Healthy=False/HeartbeatTimeout).
 */
const konnectorVerdict = (ctx: Ctx) =>
  assessKonnector({ now: ctx.now, seen: ctx.seen, deployment: ctx.konnector, clusterBinding: ctx.p.clusterBinding });

export function synced(ctx: Ctx): Stage {
  const created = ctx.lb.metadata.creationTimestamp;
  const copy = ctx.p.lb;
  const verdict = konnectorVerdict(ctx);
  const konnector = verdict.blocked && ({ state: "blocked", ...verdict.blocked } as const);
  const refused =
    (!copy || !sameJson(copy.spec, ctx.lb.spec)) && lbRefusal(ctx, copy ? "this change" : "this LoadBalancer");
  if (refused && !konnector)
    return stage("synced", {
      state: "failed",
      since: created,
      message: refused,
      reason: "PolicyRefused",
    });
  if (!copy) {
    if (konnector) return stage("synced", konnector);
    if (ctx.overdue(created))
      return stage("synced", {
        state: "blocked",
        since: created,
        message: (verdict.health.replicas?.ready ? say.syncStuckRunning : say.syncStuck)(ctx.age(created)),
        reason: "KonnectorNotSyncing",
      });
    const starting = verdict.health.state === "starting";
    return stage("synced", {
      state: "in-progress",
      since: created,
      message: starting ? say.konnectorStarting : say.syncWaiting,
    });
  }
  if (konnector) return stage("synced", konnector);
  if (!sameJson(copy.spec, ctx.lb.spec))
    return stage("synced", { state: "in-progress", since: copy.metadata.creationTimestamp, message: say.syncChanges });
  return stage("synced", {
    state: "done",
    since: copy.metadata.creationTimestamp,
    message: say.syncDone(copy.metadata.namespace ?? ""),
  });
}

/** kro's ResourcesReady/Ready message says the externalRef ConfigMap is not there. */
export function kroWaitsForConfigMap(ctx: Ctx): boolean {
  const conditions = ctx.p.lb?.status?.conditions;
  const msg = `${findCondition(conditions, "ResourcesReady")?.message ?? ""} ${findCondition(conditions, "Ready")?.message ?? ""}`;
  return /waiting for external reference/.test(msg);
}

export function settings(ctx: Ctx): Stage {
  const ns = ctx.lb.metadata.namespace ?? "default";
  const name = ctx.lb.spec?.configMapRef;
  const created = ctx.lb.metadata.creationTimestamp;
  if (!name)
    return stage("settings", {
      state: "blocked",
      since: created,
      message: say.noConfigMapRef,
      reason: "NoConfigMapRef",
    });
  const mine = ctx.consumerConfigMap;
  const copy = ctx.p.configMap;
  // The user can fix these on their own cluster, whatever the provider shows.
  if (mine === null || (!mine && !copy && kroWaitsForConfigMap(ctx)))
    return stage("settings", {
      state: "blocked",
      since: created,
      message: say.configMapMissing(ns, name),
      reason: "ConfigMapMissing",
    });
  const keyless = mine ? mine.data?.[SETTINGS_KEY] === undefined : copy && copy.data?.[SETTINGS_KEY] === undefined;
  if (keyless)
    return stage("settings", {
      state: "blocked",
      since: firstKnown(mine?.metadata.creationTimestamp, copy?.metadata.creationTimestamp, created),
      message: say.configMapKeyMissing(ns, name),
      reason: "ConfigMapKeyMissing",
    });
  const refused = (!copy || !sameJson(mine?.data ?? {}, copy.data ?? {})) && settingsRefusal(ctx);
  if (refused)
    return stage("settings", {
      state: "failed",
      since: firstKnown(mine?.metadata.creationTimestamp, created),
      message: say.policyRefused(refused, `the settings ConfigMap ${name}`),
      reason: "PolicyRefused",
    });
  if (!ctx.p.lb && !copy) return stage("settings", { state: "pending", message: say.pending });
  if (!copy) {
    const since = firstKnown(ctx.p.lb?.metadata.creationTimestamp, mine?.metadata.creationTimestamp, created);
    if (ctx.overdue(since)) {
      const age = ctx.age(since);
      const runs = Boolean(konnectorVerdict(ctx).health.replicas?.ready);
      return stage("settings", {
        state: "blocked",
        since,
        message: runs ? say.configMapNotCopied(ns, name, age) : say.configMapNotSynced(name, age),
        reason: "ConfigMapNotSynced",
      });
    }
    return stage("settings", { state: "in-progress", since, message: say.configMapSyncing(name) });
  }
  if (mine && !sameJson(mine.data ?? {}, copy.data ?? {}))
    return stage("settings", {
      state: "in-progress",
      since: copy.metadata.creationTimestamp,
      message: say.configMapSyncing(name),
    });
  return stage("settings", { state: "done", since: copy.metadata.creationTimestamp, message: say.configMapDone(name) });
}
