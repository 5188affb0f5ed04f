// The portal's LoadBalancer rules and the provider's policies are one definition: the deploy YAML
// holds exactly the policies generated from lib/loadbalancer/policy.ts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import {
  domainProblem,
  HEADER_KEY,
  headerProblem,
  isSharedTarget,
  POLICY_CONFIGMAP,
  parseSharedTargets,
  providerPolicies,
  SHARED_TARGETS_KEY,
  targetProblem,
} from "./policy";

const deployed = parseAllDocuments(
  readFileSync(join(__dirname, "../../deploy/provider/loadbalancer-policy.yaml"), "utf8"),
).map((d) => d.toJSON());

describe("deploy/provider/loadbalancer-policy.yaml", () => {
  it("holds exactly the generated policies and bindings", () => {
    expect(deployed.filter((o) => o.kind !== "ConfigMap")).toEqual(providerPolicies());
  });

  it("lists the guide's backend as the one shared target, in the ConfigMap the target policy reads", () => {
    const cm = deployed.find((o) => o.kind === "ConfigMap");
    expect(cm.metadata).toMatchObject(POLICY_CONFIGMAP);
    expect(parseSharedTargets(cm.data[SHARED_TARGETS_KEY])).toEqual([{ namespace: "default", service: "backend" }]);
  });
});

describe("the LoadBalancer rules", () => {
  const shared = parseSharedTargets("default/backend\n  shared-apps/*  \n\nnot-an-entry\n");

  it("read one target a line, a namespace's every Service with *", () => {
    expect(shared).toEqual([
      { namespace: "default", service: "backend" },
      { namespace: "shared-apps", service: "*" },
    ]);
    expect(isSharedTarget(shared, "shared-apps", "anything")).toBe(true);
    expect(isSharedTarget(shared, "default", "kubernetes")).toBe(false);
  });

  it("allow the own namespace and shared targets, and name the field and the rule otherwise", () => {
    expect(targetProblem(shared, { namespace: "default", service: "backend" })).toBeNull();
    expect(targetProblem(shared, { namespace: "kube-bind-x-team", service: "web" }, "kube-bind-x-team")).toBeNull();
    expect(targetProblem(shared, { namespace: "default", service: "kubernetes" }, "kube-bind-x-team")).toBe(
      "spec.targetServiceNamespace: default/kubernetes is not a target this LoadBalancer may use; a LoadBalancer may route only to Services in its own namespace or to the platform's shared targets (default/backend, shared-apps/*).",
    );
    expect(targetProblem([], { namespace: "kube-system", service: "dns" })).toContain("shared targets (none)");
  });

  it.each([
    ["a newline", "a\nb"],
    ["an emoji", "hi 👋"],
    ["U+202E", "abc\u202edef"],
    ["a NUL", "a\u0000b"],
  ])("refuse a header value with %s", (_, value) => {
    expect(headerProblem(value)).toBe(
      `the header value (${HEADER_KEY}) may contain only printable ASCII characters, without line breaks.`,
    );
  });

  it("refuse a header value over 4096 characters, and allow printable ASCII and tabs up to it", () => {
    expect(headerProblem("a".repeat(4097))).toContain("at most 4096 characters (it has 4097)");
    expect(headerProblem("a".repeat(900_000))).toContain("(it has 900000)");
    expect(headerProblem(`${"~".repeat(4095)}\t`)).toBeNull();
    expect(headerProblem("")).toBeNull();
  });

  it.each([["www.example.com"], ["a-b.c"], [`${"a".repeat(63)}.example.com`]])("allow the domain %s", (d) => {
    expect(domainProblem(d)).toBeNull();
  });

  it.each([
    ["Bad_Host"],
    ["1.2.3.4"],
    ["www..example.com"],
    ["-a.example.com"],
    [`${"a".repeat(64)}.example.com`],
    [`${"a.".repeat(127)}ab`],
    [""],
  ])("refuse the domain %j", (d) => {
    expect(domainProblem(d)).toMatch(/^spec\.domain must be a DNS host name/);
  });
});
