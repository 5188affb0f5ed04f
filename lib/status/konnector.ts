// The konnector's health, from two real objects:
// - its Deployment kube-bind/konnector on the consumer: ready replicas, as the kubelet reports
//   them. The fast signal: a stopped konnector shows here within seconds.
// - the binding's ClusterBinding `cluster` on the provider: the konnector writes a heartbeat there
//   every `heartbeatInterval` (5 minutes in kube-bind v0.8.1) and kube-bind's backend counts it
//   lost after twice that. The slow signal, and the only one when the Deployment is not read.

import { ClusterBinding, Deployment, findCondition, parseOptional } from "../k8s/models";
import { GRACE_MS, isFalse } from "./context";
import { say } from "./messages";
import { firstKnown, formatAge, ms, parseGoDuration } from "./time";
import type { KonnectorHealth, RawObject, StageReason } from "./types";

/** The real konnector's heartbeat interval, for a ClusterBinding that does not state one. */
export const DEFAULT_HEARTBEAT_MS = 5 * 60_000;

export interface KonnectorFacts {
  now: number;
  /** when the provider was last seen current (`now` unless its streams are reconnecting) */
  seen: number;
  /** null: known not to exist; undefined: not read */
  deployment: Deployment | null | undefined;
  clusterBinding?: ClusterBinding;
}

/** What the konnector's health means for the "Synced to provider" stage. */
export interface KonnectorVerdict {
  health: KonnectorHealth;
  /** nothing syncs: the stage is blocked, with an explanation that may name ages */
  blocked?: { reason: StageReason; since?: string; message: string };
}

export function assessKonnector(f: KonnectorFacts): KonnectorVerdict {
  const deployment = replicasOf(f);
  const heartbeat = heartbeatOf(f, deployment.runs);
  const health = (state: KonnectorHealth["state"], message: string, since?: string): KonnectorHealth => ({
    state,
    ...(deployment.replicas !== undefined ? { replicas: deployment.replicas } : {}),
    ...(heartbeat.info ? { heartbeat: heartbeat.info } : {}),
    ...(since ? { since } : {}),
    message,
  });
  // The Deployment speaks first: a stopped konnector may have reported only a minute ago.
  if (deployment.down) {
    const { reason, since, message } = deployment.down;
    return { health: health("down", message, since), blocked: { reason, since, message } };
  }
  if (heartbeat.lost) {
    const { since, message } = heartbeat.lost;
    return {
      health: health("lost", heartbeat.lost.plain, since),
      blocked: { reason: "KonnectorHeartbeatStale", since, message },
    };
  }
  if (deployment.starting || heartbeat.pending) return { health: health("starting", say.konnectorStarting) };
  if (heartbeat.late) return { health: health("late", heartbeat.late.message, heartbeat.late.since) };
  if (deployment.runs || f.clusterBinding) return { health: health("healthy", say.konnectorHealthy) };
  return { health: health("unknown", say.konnectorUnknown) };
}

/** The konnector's health for display, from the objects a live view read. Pure. */
export function konnectorHealth(input: {
  /** the consumer's kube-bind/konnector Deployment; null: known not to exist; undefined: not read */
  konnector?: RawObject | null;
  clusterBinding?: RawObject;
  now: string | number;
  providerSeenAt?: string | number;
}): KonnectorHealth {
  const now = typeof input.now === "number" ? input.now : Date.parse(input.now);
  if (Number.isNaN(now)) throw new Error(`konnector health: invalid now ${String(input.now)}`);
  const seenAt = typeof input.providerSeenAt === "string" ? ms(input.providerSeenAt) : input.providerSeenAt;
  return assessKonnector({
    now,
    seen: Math.min(now, seenAt ?? now),
    deployment: input.konnector === null ? null : parseOptional(Deployment, input.konnector),
    clusterBinding: parseOptional(ClusterBinding, input.clusterBinding),
  }).health;
}

interface Down {
  reason: StageReason;
  since?: string;
  message: string;
}

function replicasOf(f: KonnectorFacts): {
  replicas?: KonnectorHealth["replicas"];
  runs: boolean;
  starting?: boolean;
  down?: Down;
} {
  const d = f.deployment;
  if (d === undefined) return { runs: false };
  if (d === null)
    return { replicas: null, runs: false, down: { reason: "KonnectorMissing", message: say.konnectorMissing } };
  const desired = d.spec?.replicas ?? 1;
  const ready = d.metadata.deletionTimestamp ? 0 : (d.status?.readyReplicas ?? 0);
  const replicas = { ready, desired };
  if (ready > 0) return { replicas, runs: true };
  const created = d.metadata.creationTimestamp;
  // A Deployment just created (by a bind) has no ready replica yet: that is starting, not down.
  if (desired > 0 && !d.metadata.deletionTimestamp && f.now - (ms(created) ?? 0) <= GRACE_MS)
    return { replicas, runs: false, starting: true };
  const available = findCondition(d.status?.conditions, "Available");
  const since = firstKnown(available?.lastTransitionTime, d.metadata.deletionTimestamp, created);
  const message = desired === 0 ? say.konnectorScaledDown : say.konnectorDown(desired);
  return { replicas, runs: false, down: { reason: "KonnectorDown", since, message } };
}

function heartbeatOf(
  f: KonnectorFacts,
  runs: boolean,
): {
  info?: KonnectorHealth["heartbeat"];
  pending?: boolean;
  late?: { since: string; message: string };
  lost?: { since?: string; message: string; plain: string };
} {
  const cb = f.clusterBinding;
  if (!cb) return {};
  const intervalMs = parseGoDuration(cb.status?.heartbeatInterval) ?? DEFAULT_HEARTBEAT_MS;
  const at = cb.status?.lastHeartbeatTime;
  const version = cb.status?.konnectorVersion;
  const info = { ...(at ? { at } : {}), intervalMs, ...(version ? { version } : {}) };
  const interval = formatAge(intervalMs);
  const last = ms(at);
  if (last === undefined) {
    // Provider facts are judged as of when the provider was last seen.
    const created = cb.metadata.creationTimestamp;
    if (f.seen - (ms(created) ?? f.seen) <= GRACE_MS) return { info, pending: true };
    return { info, lost: { since: created, message: say.heartbeatNever, plain: say.heartbeatNever } };
  }
  const age = f.seen - last;
  // The backend's verdict, unless a heartbeat came after it (the backend has not looked again yet).
  const verdict = findCondition(cb.status?.conditions, "Healthy");
  const timedOut =
    isFalse(verdict) &&
    verdict?.reason === "HeartbeatTimeout" &&
    (ms(verdict.lastTransitionTime) ?? Number.POSITIVE_INFINITY) >= last;
  if (timedOut || age > 2 * intervalMs) {
    const ago = formatAge(f.now - last);
    const message = runs ? say.heartbeatStaleRunning(ago) : say.heartbeatStale(ago);
    return { info, lost: { since: at, message, plain: say.konnectorLost(interval) } };
  }
  if (age > intervalMs + GRACE_MS)
    return { info, late: { since: new Date(last + intervalMs).toISOString(), message: say.konnectorLate(interval) } };
  return { info };
}
