// The status model's words for lists: one fact said once, failures that name the field to fix,
// nothing "done" after a stop, kro's transient conflicts not shown as failures, a Failed bucket.
import { describe, expect, it } from "vitest";
import { bucketOf, countBuckets, recentRows } from "./buckets";
import { type Frame, frame, frameWhere, inputFrom, plus } from "./fixtures/load";
import { dashboardRow, loadBalancerStatus } from "./model";
import type { LoadBalancerStatus, StageId } from "./types";

const stageOf = (s: LoadBalancerStatus, id: StageId) => s.stages.find((x) => x.id === id);
type Lb = {
  spec: Record<string, unknown>;
  status: { state?: string; conditions: { type: string; message?: string; lastTransitionTime?: string }[] };
};
const lbOf = (f: Frame) => f.loadBalancer as unknown as Lb;

/**
 * kro's last recorded apply error, with the apiserver's answer for a ReferenceGrant in a namespace
 * that does not exist ("namespaces "team-b" not found"), and the target pointing there: what kro
 * reports when a LoadBalancer names a target Service namespace the provider does not have.
 */
function targetNamespaceMissing(): Frame {
  const f = frame("kro-error");
  const lb = lbOf(f);
  lb.spec.targetServiceNamespace = "team-b";
  lb.status.state = "ERROR";
  for (const c of lb.status.conditions)
    if (c.type === "Ready" || c.type === "ResourcesReady")
      c.message = 'resource reconciliation failed: apply results contain errors: namespaces "team-b" not found';
  for (const k of ["referenceGrant", "gateway", "httpRoute", "envoyService"] as const) delete f[k];
  return f;
}

describe("status wording: the target Service namespace does not exist", () => {
  it("says so in plain words, naming the field to change, and the row is in the Failed bucket", () => {
    const input = inputFrom(targetNamespaceMissing(), { withStatus: true });
    const s = loadBalancerStatus(input);
    const message =
      "Target Service namespace team-b does not exist on the provider; set spec.targetServiceNamespace to a namespace that exists there.";
    expect(stageOf(s, "resources")).toMatchObject({ state: "failed", message });
    expect(s.summary).toBe(message);
    expect(s.summary).not.toMatch(/namespaces "team-b" not found/);
    const row = dashboardRow(input);
    expect(row.current).toMatchObject({ id: "resources", state: "failed" });
    expect(bucketOf(row)).toBe("failed");
  });
});

describe("status wording: a stage after a stop is not reached", () => {
  it("the route refuses a missing Service: the address stage says pending, not done", () => {
    const s = loadBalancerStatus(inputFrom(frame("backend-not-found"), { withStatus: true }));
    expect(stageOf(s, "routing")).toMatchObject({ state: "blocked", reason: "BackendNotFound" });
    for (const id of ["address", "ready"] as const) {
      expect(stageOf(s, id)).toMatchObject({ state: "pending", message: expect.stringMatching(/^Not reached: /) });
    }
    expect(s.ready).toBe(false);
    expect(s.stages.filter((x) => x.state === "done").map((x) => x.id)).toEqual([
      "requested",
      "synced",
      "settings",
      "resources",
    ]);
  });

  it("a missing settings key stops nothing: kro goes on with the default header", () => {
    const s = loadBalancerStatus(inputFrom(frame("configmap-without-key"), { withStatus: true }));
    expect(stageOf(s, "settings")).toMatchObject({ state: "blocked", reason: "ConfigMapKeyMissing" });
    expect(stageOf(s, "address")?.state).toBe("done");
  });
});

describe("status wording: kro's transient 'cluster mutated'", () => {
  const mutated = (f: Frame) =>
    lbOf(f)?.status?.conditions?.some((c) => c.type === "Ready" && /cluster mutated/.test(c.message ?? "")) ?? false;

  it("during a normal create (as recorded) no stage fails and no sentence mentions it", () => {
    const f = frameWhere("healthy", "kro reports cluster mutated", (x) => Boolean(x.loadBalancer) && mutated(x));
    const s = loadBalancerStatus(inputFrom(f, { withStatus: true }));
    expect(s.stages.filter((x) => x.state === "failed" || x.state === "blocked")).toEqual([]);
    expect(s.stages.map((x) => x.message).join(" ")).not.toMatch(/mutated|reconciliation failed/);
  });

  it("reported as an ERROR state, it is work in progress while fresh and a failure once it persists", () => {
    const f = frameWhere("healthy", "kro reports cluster mutated", (x) => Boolean(x.loadBalancer) && mutated(x));
    lbOf(f).status.state = "ERROR";
    for (const k of ["referenceGrant", "gateway", "httpRoute"] as const) delete f[k];
    const since = lbOf(f).status.conditions.find((c) => c.type === "Ready")?.lastTransitionTime;
    const fresh = loadBalancerStatus(inputFrom(f, { now: plus(since, 5) }));
    expect(stageOf(fresh, "resources")).toMatchObject({
      state: "in-progress",
      message: "kro is applying the ReferenceGrant, Gateway and HTTPRoute.",
    });
    const stuck = loadBalancerStatus(inputFrom(f, { now: plus(since, 120) }));
    expect(stageOf(stuck, "resources")).toMatchObject({ state: "failed", reason: "KroError" });
  });
});

describe("buckets: counts and recent changes", () => {
  const rows = [
    dashboardRow(inputFrom(frame("healthy"), { withStatus: true })),
    dashboardRow(inputFrom(frame("backend-not-found"), { withStatus: true })),
    dashboardRow(inputFrom(targetNamespaceMissing(), { withStatus: true })),
    dashboardRow(inputFrom(frame("missing-configmap"))),
  ];

  it("puts blocked and failed LoadBalancers in Failed, not under the stage they stopped at", () => {
    expect(rows.map(bucketOf)).toEqual(["ready", "failed", "failed", "failed"]);
    const counts = countBuckets(rows);
    expect(counts).toMatchObject({ ready: 1, failed: 3, resources: 0, routing: 0, settings: 0 });
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(rows.length);
  });

  it("lists the most recently changed first, at most n", () => {
    const named = (name: string, changedAt?: string, createdAt?: string) =>
      ({ namespace: "default", name, changedAt, createdAt }) as const;
    const list = [
      named("old", "2026-12-03T10:00:00Z"),
      named("new", "2026-12-03T12:00:00Z"),
      named("created-only", undefined, "2026-12-03T11:00:00Z"),
    ];
    expect(recentRows(list, 2).map((r) => r.name)).toEqual(["new", "created-only"]);
  });

  it("a row's last change is its newest stage transition", () => {
    const row = rows[0];
    expect(row.changedAt).toBeDefined();
    expect(Date.parse(row.changedAt ?? "")).toBeGreaterThanOrEqual(Date.parse(row.createdAt ?? ""));
    expect(Date.parse(row.changedAt ?? "")).toBeGreaterThan(Date.parse(row.createdAt ?? ""));
  });
});
