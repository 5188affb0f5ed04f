// The console's two konnector columns, judged by the status model's konnectorHealth.
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../k8s/types";
import { heartbeatOf, konnectorOf } from "./heartbeat";

const T0 = Date.parse("2026-12-03T10:00:00Z");
const binding = (status: Record<string, unknown>, created = "2026-12-03T09:00:00Z"): KubeObject => ({
  apiVersion: "kube-bind.io/v1alpha2",
  kind: "ClusterBinding",
  metadata: { name: "cluster", namespace: "kube-bind-x", creationTimestamp: created },
  status,
});
const every5m = { lastHeartbeatTime: "2026-12-03T10:00:00Z", heartbeatInterval: "5m0s" };

describe("heartbeat column", () => {
  it("healthy up to the interval plus half a minute, late until twice it, lost after", () => {
    const state = (minutes: number) => heartbeatOf(binding(every5m), T0 + minutes * 60_000).state;
    expect([0, 5, 5.5, 5.6, 10, 10.1, 60].map(state)).toEqual([
      "healthy",
      "healthy",
      "healthy",
      "late",
      "late",
      "lost",
      "lost",
    ]);
    expect(heartbeatOf(binding(every5m), T0)).toEqual({
      state: "healthy",
      at: every5m.lastHeartbeatTime,
      intervalMs: 300_000,
    });
  });

  it("no heartbeat yet: starting for a new binding, lost (never came) for an old one", () => {
    expect(heartbeatOf(binding({}, "2026-12-03T09:59:50Z"), T0)).toEqual({ state: "starting", intervalMs: 300_000 });
    expect(heartbeatOf(binding({}), T0)).toEqual({ state: "lost", intervalMs: 300_000 });
  });

  it("the backend's verdict (Healthy=False, HeartbeatTimeout, after the last heartbeat) is lost at once", () => {
    const judged = binding({
      ...every5m,
      conditions: [
        { type: "Healthy", status: "False", reason: "HeartbeatTimeout", lastTransitionTime: "2026-12-03T10:00:30Z" },
      ],
    });
    expect(heartbeatOf(judged, T0 + 60_000).state).toBe("lost");
  });
});

describe("konnector column", () => {
  const deployment = (replicas: number, readyReplicas?: number, created = "2026-12-03T09:00:00Z"): KubeObject => ({
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "konnector", namespace: "kube-bind", creationTimestamp: created },
    spec: { replicas },
    status: readyReplicas === undefined ? {} : { readyReplicas },
  });
  const b = binding(every5m);

  it("running, degraded, stopped (scaled to zero or nothing ready), starting and missing", () => {
    expect(konnectorOf(deployment(2, 2), b, T0)).toEqual({ state: "running", replicas: 2, ready: 2 });
    expect(konnectorOf(deployment(2, 1), b, T0)).toEqual({ state: "degraded", replicas: 2, ready: 1 });
    expect(konnectorOf(deployment(0), b, T0)).toEqual({ state: "stopped", replicas: 0, ready: 0 });
    expect(konnectorOf(deployment(2), b, T0)).toEqual({ state: "stopped", replicas: 2, ready: 0 });
    expect(konnectorOf(deployment(2, 0, "2026-12-03T09:59:55Z"), b, T0)).toEqual({
      state: "starting",
      replicas: 2,
      ready: 0,
    });
    expect(konnectorOf(null, b, T0)).toEqual({ state: "missing", replicas: 0, ready: 0 });
  });
});
