// Names upstream derives (and the portal and status pages rely on), request validation against
// the recorded template + CRD, conditions and heartbeat health, kubeconfig checks.
import { describe, expect, it } from "vitest";
import { providerKubeconfig } from "../../../lib/bind/kubeconfig";
import { healthyCondition, parseDuration } from "./backend-rbac";
import { validateRequest } from "./backend-requests";
import { covers, markFalse, markTrue, setSummary } from "./conditions";
import template from "./fixtures/loadbalancer-template.json";
import crdFixture from "./fixtures/loadbalancers-crd.json";
import { kubeconfigProblem } from "./konnector";
import { formatDuration } from "./konnector-heartbeat";
import { clusterRoleName, exportRoleName, isClaimable, providerNamespaceName, resourceGroupName } from "./naming";
import type { Crd, ExportRequest } from "./types";

describe("naming", () => {
  it("derives provider names like upstream", () => {
    expect(providerNamespaceName("kube-bind-abc12", "team-a")).toBe("kube-bind-abc12-team-a");
    expect(clusterRoleName("kube-bind-abc12")).toBe("kube-binder-kube-bind-abc12");
    expect(exportRoleName("team-a", "loadbalancer")).toBe("kube-binder-export-team-a-loadbalancer");
    expect(resourceGroupName({ group: "networking.kro.run", resource: "loadbalancers" })).toBe(
      "loadbalancers.networking.kro.run",
    );
  });

  it("allows claims only on core configmaps, secrets and serviceaccounts", () => {
    expect(isClaimable({ group: "", resource: "configmaps" })).toBe(true);
    expect(isClaimable({ resource: "secrets" })).toBe(true);
    expect(isClaimable({ group: "", resource: "pods" })).toBe(false);
    expect(isClaimable({ group: "apps", resource: "configmaps" })).toBe(false);
  });
});

describe("validateRequest", () => {
  const exported = new Map([["loadbalancers.networking.kro.run", crdFixture as unknown as Crd]]);
  const request = (spec: ExportRequest["spec"]): ExportRequest => ({ metadata: { name: "r" }, spec });

  it("accepts the loadbalancer template", () => {
    expect(validateRequest(request(template.spec as ExportRequest["spec"]), exported)).toEqual({ ok: true });
  });

  it("rejects what upstream rejects, with upstream's messages", () => {
    const lbs = template.spec.resources;
    expect(
      validateRequest(request({ resources: [{ group: "x.io", resource: "foos", versions: ["v1"] }] }), exported),
    ).toMatchObject({
      ok: false,
      reason: "SchemaNotFound",
      message: "Schema foos.x.io not found",
    });
    expect(validateRequest(request({ resources: lbs }), new Map())).toMatchObject({ message: "Schema not found" });
    expect(
      validateRequest(
        request({ resources: lbs, permissionClaims: [{ group: "apps", resource: "deployments" }] }),
        exported,
      ),
    ).toMatchObject({ type: "PermissionClaim", message: "Resource deployments.apps is not a valid claimable API" });
    const twice = [
      { group: "", resource: "secrets" },
      { group: "", resource: "secrets" },
    ];
    expect(validateRequest(request({ resources: lbs, permissionClaims: twice }), exported)).toMatchObject({
      reason: "DuplicatePermissionClaim",
    });
    expect(
      validateRequest(request({ resources: [{ group: "networking.kro.run", resource: "loadbalancers" }] }), exported),
    ).toMatchObject({ reason: "BoundSchemaNotFound" });
  });
});

describe("conditions", () => {
  it("keeps lastTransitionTime while the status holds and summarises into Ready", () => {
    const first = markTrue(undefined, "Connected");
    const again = markTrue(first, "Connected");
    expect(again[0].lastTransitionTime).toBe(first[0].lastTransitionTime);
    const failed = setSummary(
      markFalse(markFalse(again, "SecretValid", "Missing", "Warning", "w"), "SchemaInSync", "Bad", "Error", "e"),
    );
    expect(failed.map((c) => c.type)).toEqual(["Ready", "Connected", "SchemaInSync", "SecretValid"]);
    expect(failed[0]).toMatchObject({ status: "False", reason: "Bad", severity: "Error", message: "e" });
    expect(setSummary(again)[0]).toMatchObject({ type: "Ready", status: "True" });
  });

  it("compares by coverage", () => {
    expect(covers({ a: 1, b: [{ c: 2 }] }, { a: 1, x: 0, b: [{ c: 2, d: 3 }] })).toBe(true);
    expect(covers({ b: [{ c: 2 }] }, { b: [{ c: 2 }, { c: 3 }] })).toBe(false);
  });
});

describe("heartbeat health", () => {
  const now = Date.parse("2026-01-01T10:00:30Z");
  const at = (t: string, interval = "10s") =>
    healthyCondition({ lastHeartbeatTime: t, heartbeatInterval: interval }, now);

  it("follows upstream's reasons", () => {
    expect(healthyCondition(undefined, now).reason).toBe("FirstHeartbeatPending");
    expect(healthyCondition({ lastHeartbeatTime: "2026-01-01T10:00:25Z" }, now).reason).toBe(
      "HeartbeatIntervalMissing",
    );
    expect(at("2026-01-01T10:00:25Z").status).toBe("True");
    expect(at("2026-01-01T10:00:05Z")).toMatchObject({
      status: "False",
      reason: "HeartbeatTimeout",
      severity: "Error",
    });
    expect(at("2026-01-01T10:00:05Z", "5m0s").status).toBe("True");
    expect(at("2026-01-01T10:01:00Z").reason).toBe("HeartbeatTimeDrift");
  });

  it("reads and writes Go durations", () => {
    expect(parseDuration("10s")).toBe(10_000);
    expect(parseDuration("5m0s")).toBe(300_000);
    expect(parseDuration("1h2m3.5s")).toBe(3_723_500);
    expect(parseDuration("250ms")).toBe(250);
    expect(parseDuration("soon")).toBeUndefined();
    expect(formatDuration(10_000)).toBe("10s");
    expect(formatDuration(300_000)).toBe("5m0s");
    expect(formatDuration(3_600_000)).toBe("1h0m0s");
  });
});

describe("kubeconfigProblem", () => {
  it("accepts the handshake's kubeconfig and names what is wrong otherwise", () => {
    const good = providerKubeconfig("https://127.0.0.1:6443", "CA", "token", "kube-bind-abc12");
    expect(kubeconfigProblem(good)).toBeUndefined();
    expect(kubeconfigProblem(good.replace("namespace: kube-bind-abc12", ""))).toMatch(/has no namespace set/);
    expect(kubeconfigProblem(good.replace("current-context: default", "current-context: other"))).toMatch(/not found/);
    expect(kubeconfigProblem(":")).toBeDefined();
  });
});
