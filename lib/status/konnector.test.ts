// The konnector's health from the recorded objects: its Deployment on the consumer while it ran,
// was scaled to 0 and came back (binding.json), and its heartbeat in the provider's ClusterBinding.
import { describe, expect, it } from "vitest";
import { frame, inputFrom, plus, recorded } from "./fixtures/load";
import { konnectorHealth } from "./konnector";
import { loadBalancerStatus } from "./model";
import type { RawObject, StatusInput } from "./types";

const { clusterBinding, konnector } = recorded.binding;
const HEARTBEAT = (clusterBinding.status as { lastHeartbeatTime: string }).lastHeartbeatTime;
type Deployment = { spec: { replicas: number }; status?: { readyReplicas?: number; conditions?: Condition[] } };
type Condition = { type: string; status: string; lastTransitionTime: string };
const deploymentOf = (o: RawObject) => o as unknown as Deployment;
const readyOf = (d: RawObject) => deploymentOf(d).status?.readyReplicas ?? 0;
const availableSince = (d: RawObject) =>
  deploymentOf(d).status?.conditions?.find((c) => c.type === "Available")?.lastTransitionTime ?? "";

/** Scaled to 0, and the kubelet (the sandbox's runner) has stopped every replica. */
const stopped = konnector.stopped.findLast((d) => deploymentOf(d).spec.replicas === 0 && readyOf(d) === 0);
/** Scaled back to 2, no replica ready yet. */
const comingBack = konnector.restarted.find((d) => deploymentOf(d).spec.replicas === 2 && readyOf(d) === 0);
const CREATED = (konnector.running.metadata as { creationTimestamp: string }).creationTimestamp;

function synced(input: StatusInput) {
  const s = loadBalancerStatus(input);
  return { status: s, synced: s.stages.find((x) => x.id === "synced") };
}

/** A Ready LoadBalancer with the binding's ClusterBinding and the given konnector Deployment. */
function ready(konnectorDeployment: RawObject | null | "running" | undefined, now: number) {
  const input = inputFrom(frame("healthy"), { withStatus: true, konnector: konnectorDeployment, now });
  input.provider.clusterBinding = clusterBinding;
  return input;
}

describe("the konnector's Deployment on the consumer", () => {
  if (!stopped || !comingBack) throw new Error("binding.json lacks the konnector scaled to 0 and back; record again");
  const stoppedAt = Date.parse(availableSince(stopped));

  it("scaled to 0: Synced to provider is blocked at once, saying nothing is copied until it runs again", () => {
    const { status, synced: stage } = synced(ready(stopped, stoppedAt + 2_000));
    expect(stage).toMatchObject({
      state: "blocked",
      reason: "KonnectorDown",
      since: availableSince(stopped),
      message:
        "The konnector on your cluster is scaled to 0 replicas, so nothing is copied to the provider or back until it runs again; a cluster admin can check it with kubectl -n kube-bind get deployment konnector and scale it up.",
    });
    // What the provider made still serves traffic; the page says what is wrong right now.
    expect(status).toMatchObject({ current: "synced", ready: true, summary: stage?.message });
  });

  it("wanted but not ready (stopped, crashing, scaled back and starting): blocked with 0 of 2 ready", () => {
    const { synced: stage } = synced(ready(comingBack, Date.parse(availableSince(comingBack)) + 1_000));
    expect(stage).toMatchObject({
      state: "blocked",
      reason: "KonnectorDown",
      message: expect.stringMatching(
        /^The konnector on your cluster is not running \(0 of 2 replicas ready\), so nothing is copied .*kubectl -n kube-bind get deployment konnector\.$/,
      ),
    });
  });

  it("running again: the block clears", () => {
    const back = konnector.restarted.at(-1) as RawObject;
    expect(readyOf(back)).toBe(2);
    const { synced: stage } = synced(ready(back, Date.parse(availableSince(back)) + 1_000));
    expect(stage).toMatchObject({ state: "done" });
  });

  it("missing while the LoadBalancer API is bound: blocked, and binding again installs it", () => {
    const { synced: stage } = synced(ready(null, plus(HEARTBEAT, 10)));
    expect(stage).toMatchObject({
      state: "blocked",
      reason: "KonnectorMissing",
      message: expect.stringContaining("binding the LoadBalancer API again installs it"),
    });
  });

  it("just created by a bind, none ready yet: starting, not down", () => {
    const input = inputFrom(frame("healthy"), { drop: ["loadBalancer", "configMap"], konnector: comingBack });
    input.now = plus(CREATED, 5);
    expect(synced(input).synced).toMatchObject({
      state: "in-progress",
      message: "The konnector on your cluster is starting.",
    });
  });

  it("runs, but the copy does not appear: the binding, not the konnector, is what to check", () => {
    const input = inputFrom(frame("healthy"), { drop: ["loadBalancer", "configMap"], konnector: "running" });
    const created = (input.consumer.loadBalancer.metadata as { creationTimestamp: string }).creationTimestamp;
    input.now = plus(created, 150);
    expect(synced(input).synced).toMatchObject({
      state: "blocked",
      reason: "KonnectorNotSyncing",
      message: expect.stringContaining("although the konnector on your cluster runs"),
    });
  });

  it("a ready Deployment wins over an old heartbeat only until the heartbeat is lost", () => {
    // The konnector heartbeats every 5 minutes, so 4 minutes of silence is normal.
    expect(synced(ready("running", plus(HEARTBEAT, 4 * 60))).synced).toMatchObject({ state: "done" });
    expect(synced(ready("running", plus(HEARTBEAT, 11 * 60))).synced).toMatchObject({
      state: "blocked",
      reason: "KonnectorHeartbeatStale",
      message: expect.stringContaining("runs but last reported to the provider 11m ago"),
    });
  });
});

describe("the konnector's heartbeat in the provider's ClusterBinding", () => {
  const withVerdict = (transition: string) => {
    const cb = structuredClone(clusterBinding) as { status: { conditions: object[] } };
    // As kube-bind's backend writes it once a binding is past twice its heartbeat interval.
    cb.status.conditions.push({
      type: "Healthy",
      status: "False",
      reason: "HeartbeatTimeout",
      severity: "Error",
      message: `Heartbeat timeout: expected heartbeat within 5m0s, but last one has been at ${HEARTBEAT}`,
      lastTransitionTime: transition,
    });
    return cb as unknown as RawObject;
  };

  it("the backend's HeartbeatTimeout counts as lost, unless a heartbeat came after it", () => {
    const input = ready("running", plus(HEARTBEAT, 60));
    input.provider.clusterBinding = withVerdict(new Date(plus(HEARTBEAT, 30)).toISOString());
    expect(synced(input).synced).toMatchObject({ state: "blocked", reason: "KonnectorHeartbeatStale" });
    input.provider.clusterBinding = withVerdict(new Date(plus(HEARTBEAT, -30)).toISOString());
    expect(synced(input).synced).toMatchObject({ state: "done" });
  });

  it("no heartbeat at all after the grace period: never reported", () => {
    const cb = structuredClone(clusterBinding) as { status: Record<string, unknown> };
    delete cb.status.lastHeartbeatTime;
    const input = ready(undefined, plus(HEARTBEAT, 120));
    input.provider.clusterBinding = cb as unknown as RawObject;
    expect(synced(input).synced).toMatchObject({
      state: "blocked",
      reason: "KonnectorHeartbeatStale",
      message: expect.stringContaining("has never reported"),
    });
  });
});

describe("konnectorHealth: the binding's health for display", () => {
  const health = (k: RawObject | null | undefined, now: number, cb: RawObject | undefined = clusterBinding) =>
    konnectorHealth({ konnector: k, clusterBinding: cb, now });

  it("healthy: replicas ready of wanted, the heartbeat, its interval and the konnector's version", () => {
    expect(health(konnector.running, plus(HEARTBEAT, 60))).toEqual({
      state: "healthy",
      replicas: { ready: 2, desired: 2 },
      heartbeat: { at: HEARTBEAT, intervalMs: 300_000, version: "v0.8.1" },
      message: "The konnector on your cluster runs and reports to the provider.",
    });
  });

  it("late after one interval, lost after two, and the state alone changes (no ages in the text)", () => {
    const late = health(konnector.running, plus(HEARTBEAT, 6 * 60));
    expect(late).toMatchObject({ state: "late", message: expect.stringContaining("due every 5m") });
    expect(health(konnector.running, plus(HEARTBEAT, 7 * 60))).toEqual(late);
    const lost = health(konnector.running, plus(HEARTBEAT, 11 * 60));
    expect(lost).toMatchObject({ state: "lost", since: HEARTBEAT });
    expect(health(konnector.running, plus(HEARTBEAT, 20 * 60))).toEqual(lost);
  });

  it("down when scaled to 0 or missing, whatever the heartbeat says", () => {
    if (!stopped) throw new Error("no stopped konnector recorded");
    expect(health(stopped, plus(HEARTBEAT, 60))).toMatchObject({
      state: "down",
      replicas: { ready: 0, desired: 0 },
      since: availableSince(stopped),
    });
    expect(health(null, plus(HEARTBEAT, 60))).toMatchObject({ state: "down", replicas: null });
  });

  it("from the heartbeat alone when the Deployment is not read; unknown with neither", () => {
    expect(health(undefined, plus(HEARTBEAT, 60))).toMatchObject({ state: "healthy" });
    expect(health(undefined, plus(HEARTBEAT, 60)).replicas).toBeUndefined();
    expect(konnectorHealth({ now: plus(HEARTBEAT, 60) })).toMatchObject({ state: "unknown" });
  });
});
