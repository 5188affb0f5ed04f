// Is a consumer's konnector alive? Pure; the judgement is the status model's (konnectorHealth in
// lib/status), read twice for the console's two columns:
// - the heartbeat the konnector writes into its ClusterBinding (every heartbeatInterval, 5 min in
//   kube-bind v0.8.1): slow, but the provider sees it for every consumer;
// - the konnector Deployment's ready replicas: immediate, but only for the consumer cluster the
//   portal itself reaches.
import type { KubeObject } from "../k8s/types";
import { DEFAULT_HEARTBEAT_MS, konnectorHealth } from "../status";
import type { HeartbeatState, KonnectorDeployment } from "./types";

/** The heartbeat alone: healthy, late (overdue), lost (past twice its interval, or never came), starting. */
export function heartbeatOf(
  binding: KubeObject,
  now: number,
): { state: HeartbeatState; at?: string; intervalMs: number } {
  const h = konnectorHealth({ clusterBinding: binding, now });
  const state: HeartbeatState =
    h.state === "healthy" || h.state === "late" || h.state === "lost" ? h.state : "starting";
  return { state, at: h.heartbeat?.at, intervalMs: h.heartbeat?.intervalMs ?? DEFAULT_HEARTBEAT_MS };
}

/** The konnector Deployment (null: it does not exist) in one word, with its replicas. */
export function konnectorOf(deployment: KubeObject | null, binding: KubeObject, now: number): KonnectorDeployment {
  const h = konnectorHealth({ konnector: deployment, clusterBinding: binding, now });
  if (!h.replicas) return { state: "missing", replicas: 0, ready: 0 };
  const { ready, desired } = h.replicas;
  if (h.state === "down") return { state: "stopped", replicas: desired, ready };
  if (h.state === "starting" && ready === 0) return { state: "starting", replicas: desired, ready };
  return { state: ready < desired ? "degraded" : "running", replicas: desired, ready };
}
