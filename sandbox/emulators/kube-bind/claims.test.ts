// Claim selection against recorded objects: the sandbox's loadbalancer template and a LoadBalancer
// as the consumer held it, plus upstream's `sheriffs` example path `spec.secretRefs.#.name`.
import { describe, expect, it } from "vitest";
import { gjsonGet, gjsonStrings, isClaimed, matchesLabelSelector, referencedObjects } from "./claims";
import type { Obj } from "./client";
import lb from "./fixtures/loadbalancer-consumer.json";
import template from "./fixtures/loadbalancer-template.json";
import type { PermissionClaim } from "./types";

const claim = template.spec.permissionClaims[0] as PermissionClaim;
const loadBalancer = lb as Obj;
const configMap = (name: string, namespace: string, labels?: Record<string, string>): Obj => ({
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: { name, namespace, ...(labels ? { labels } : {}) },
});
const sheriff: Obj = {
  metadata: { name: "wyatt" },
  spec: {
    secretRefs: [
      { name: "badge", namespace: "tombstone" },
      { name: "gun", namespace: "dodge" },
    ],
  },
};

describe("gjsonGet", () => {
  it("follows keys", () => {
    expect(gjsonGet(loadBalancer, "spec.configMapRef")).toBe("my-lb-config");
    expect(gjsonGet(loadBalancer, "spec.targetPort")).toBe(30080);
    expect(gjsonGet(loadBalancer, "spec.missing")).toBeUndefined();
    expect(gjsonGet(loadBalancer, "")).toBeUndefined();
  });

  it("maps over arrays with # and counts them", () => {
    expect(gjsonGet(sheriff, "spec.secretRefs.#.name")).toEqual(["badge", "gun"]);
    expect(gjsonGet(sheriff, "spec.secretRefs.#")).toBe(2);
    expect(gjsonGet(sheriff, "spec.secretRefs.1.namespace")).toBe("dodge");
  });

  it("treats \\. as a literal dot", () => {
    const obj = { metadata: { labels: { "app.kubernetes.io/name": "lb" } } };
    expect(gjsonGet(obj, "metadata.labels.app\\.kubernetes\\.io/name")).toBe("lb");
  });

  it("turns results into trimmed strings", () => {
    expect(gjsonStrings([" a ", 1, null])).toEqual(["a", "1"]);
    expect(gjsonStrings(undefined)).toEqual([]);
  });
});

describe("referencedObjects", () => {
  it("keeps a namespaced referrer to its own namespace", () => {
    expect(referencedObjects(loadBalancer, claim.selector?.references?.[0] ?? { resource: "" })).toEqual([
      { name: "my-lb-config", namespaces: ["team-a"] },
    ]);
  });

  it("uses the namespace path when there is one", () => {
    const ref = {
      resource: "sheriffs",
      jsonPath: { name: "spec.secretRefs.#.name", namespace: "spec.secretRefs.#.namespace" },
    };
    expect(referencedObjects(sheriff, ref)).toEqual([
      { name: "badge", namespaces: ["tombstone", "dodge"] },
      { name: "gun", namespaces: ["tombstone", "dodge"] },
    ]);
  });
});

describe("isClaimed", () => {
  const referrers = () => [loadBalancer];

  it("claims the ConfigMap a LoadBalancer references, in its namespace only", () => {
    expect(isClaimed(configMap("my-lb-config", "team-a"), claim.selector, referrers)).toBe(true);
    expect(isClaimed(configMap("my-lb-config", "team-b"), claim.selector, referrers)).toBe(false);
    expect(isClaimed(configMap("other", "team-a"), claim.selector, referrers)).toBe(false);
    expect(isClaimed(configMap("my-lb-config", "team-a"), claim.selector, () => [])).toBe(false);
  });

  it("claims nothing with an empty selector", () => {
    expect(isClaimed(configMap("x", "a"), {}, referrers)).toBe(false);
    expect(isClaimed(configMap("x", "a"), undefined, referrers)).toBe(false);
  });

  it("ORs labelSelector, namedResources and references", () => {
    const selector = {
      labelSelector: { matchLabels: { app: "mangodb" } },
      namedResources: [{ name: "mangodb-credentials", namespace: "mangodb-namespace" }],
    };
    expect(isClaimed(configMap("any", "ns", { app: "mangodb" }), selector, referrers)).toBe(true);
    expect(isClaimed(configMap("mangodb-credentials", "mangodb-namespace"), selector, referrers)).toBe(true);
    expect(isClaimed(configMap("mangodb-credentials", "elsewhere"), selector, referrers)).toBe(false);
  });
});

describe("matchesLabelSelector", () => {
  it("evaluates matchExpressions", () => {
    const sel = {
      matchExpressions: [
        { key: "tier", operator: "In", values: ["web", "api"] },
        { key: "legacy", operator: "DoesNotExist" },
      ],
    };
    expect(matchesLabelSelector(sel, { tier: "api" })).toBe(true);
    expect(matchesLabelSelector(sel, { tier: "db" })).toBe(false);
    expect(matchesLabelSelector(sel, { tier: "web", legacy: "1" })).toBe(false);
    expect(matchesLabelSelector({ matchExpressions: [{ key: "a", operator: "Bogus" }] }, { a: "1" })).toBe(false);
    expect(matchesLabelSelector(undefined, {})).toBe(false);
  });
});
