import { describe, expect, it } from "vitest";
import { GUIDE_VALUES, guideSpec } from "../../test-support/guide";
import { recordedLoadBalancerCrd } from "../../test-support/schema";
import { loadBalancerModel } from "../loadbalancer/form";
import { formModel } from "./form-model";
import { kindSchemaFromCrd } from "./json-schema";
import { fieldErrorsOf, formValidator, nest } from "./validator";

const kind = kindSchemaFromCrd(recordedLoadBalancerCrd);

const guide = GUIDE_VALUES;

function errors(values: Record<string, string | boolean | undefined>) {
  const r = formValidator(loadBalancerModel(kind)).safeParse(values);
  return r.success ? {} : fieldErrorsOf(r.error);
}

describe("validator for the recorded LoadBalancer CRD", () => {
  it("turns the guide's values into the guide's spec", () => {
    expect(formValidator(loadBalancerModel(kind)).parse(guide)).toEqual({ spec: guideSpec() });
  });

  it("follows the CRD alone: nothing required, integer typed", () => {
    const plain = formValidator(formModel(kind));
    expect(plain.parse({})).toEqual({});
    expect(plain.parse({ "spec.targetPort": " 8080 " })).toEqual({ spec: { targetPort: 8080 } });
    const r = plain.safeParse({ "spec.targetPort": "80.5" });
    expect(r.success ? {} : fieldErrorsOf(r.error)).toEqual({
      "spec.targetPort": 'Target port must be a whole number (got "80.5").',
    });
  });

  it.each([
    ["spec.domain", "", "Domain is required."],
    ["spec.domain", "WWW.example.com", "Use lowercase letters only."],
    ["spec.domain", "-bad-.example.com", "must be a hostname such as www.example.com"],
    ["spec.domain", "bad_host.example.com", "must be a hostname"],
    ["spec.domain", "10.0.0.1", "not an IP address"],
    ["spec.domain", `${"a".repeat(64)}.example.com`, "longer than 63"],
    ["spec.targetPort", "0", "Target port must be a whole number from 1 to 65535 (got 0)."],
    ["spec.targetPort", "70000", "Target port must be a whole number from 1 to 65535 (got 70000)."],
    ["spec.targetPort", "http", 'Target port must be a whole number (got "http").'],
    ["spec.targetService", "Backend", "Target Service may contain only lowercase letters"],
    ["spec.targetService", "1backend", "must start with a letter"],
    ["spec.targetServiceNamespace", "a".repeat(64), "at most 63 characters (it has 64)"],
    ["spec.configMapRef", "My Config", "ConfigMap with settings may contain only lowercase letters"],
  ])("%s = %j → %s", (field, value, message) => {
    expect(errors({ ...guide, [field]: value })[field]).toContain(message);
  });

  it("reports every bad field at once", () => {
    expect(Object.keys(errors({ "spec.targetPort": "0" })).sort()).toEqual([
      "spec.configMapRef",
      "spec.domain",
      "spec.targetPort",
      "spec.targetService",
      "spec.targetServiceNamespace",
    ]);
  });
});

describe("validator: schema keywords of any CRD", () => {
  const model = formModel({
    group: "example.dev",
    version: "v1",
    kind: "Widget",
    plural: "widgets",
    namespaced: true,
    schema: {
      type: "object",
      properties: {
        spec: {
          type: "object",
          required: ["size"],
          properties: {
            size: { type: "integer", minimum: 1, maximum: 10 },
            mode: { type: "string", enum: ["fast", "safe"] },
            owner: { type: "string", pattern: "^[a-z]+$", maxLength: 5 },
            enabled: { type: "boolean", default: true },
            tags: { type: "array", items: { type: "string" } },
            labels: { type: "object", additionalProperties: { type: "string" } },
            tls: {
              type: "object",
              required: ["secretName"],
              properties: { secretName: { type: "string" }, sni: { type: "string" } },
            },
          },
        },
      },
    },
  });
  const v = formValidator(model);
  const errs = (values: Record<string, string | boolean>) => {
    const r = v.safeParse(values);
    return r.success ? {} : fieldErrorsOf(r.error);
  };

  it("builds the object", () => {
    expect(
      v.parse({
        "spec.size": "3",
        "spec.mode": "fast",
        "spec.enabled": false,
        "spec.tags": "a\n\n b ",
        "spec.labels": "x=1\ny = 2",
      }),
    ).toEqual({ spec: { size: 3, mode: "fast", enabled: false, tags: ["a", "b"], labels: { x: "1", y: "2" } } });
  });

  it("checks minimum, maximum, enum, pattern and length", () => {
    expect(errs({ "spec.size": "11", "spec.mode": "slow", "spec.owner": "Bob" })).toEqual({
      "spec.size": "Size must be at most 10.",
      "spec.mode": "Mode must be one of: fast, safe.",
      "spec.owner": "Owner must match the pattern ^[a-z]+$.",
    });
    expect(errs({ "spec.size": "0", "spec.owner": "abcdef" })).toEqual({
      "spec.size": "Size must be at least 1.",
      "spec.owner": "Owner must be at most 5 characters (it has 6).",
    });
    expect(errs({ "spec.size": "1", "spec.labels": "novalue" })).toEqual({
      "spec.labels": "Labels: line 1 must look like key=value.",
    });
  });

  it("requires a nested object's required fields once it is used", () => {
    expect(errs({ "spec.size": "1" })).toEqual({});
    expect(errs({ "spec.size": "1", "spec.tls.sni": "x" })).toEqual({
      "spec.tls.secretName": "Secret name is required when spec.tls is set.",
    });
  });
});

describe("nest", () => {
  it("drops unset values", () => {
    expect(nest({ "a.b": 1, "a.c": undefined, d: "x" })).toEqual({ a: { b: 1 }, d: "x" });
  });
});
