import { describe, expect, it } from "vitest";
import { fieldChanges } from "./field-diff";

const lb = {
  apiVersion: "networking.kro.run/v1alpha1",
  kind: "LoadBalancer",
  metadata: { name: "my-lb", namespace: "default", resourceVersion: "1" },
  spec: { domain: "www.example.com", targetPort: 30080, configMapRef: "my-lb-config" },
};

describe("fieldChanges", () => {
  it("lists only the changed fields, before → after, numbers as the YAML shows them", () => {
    const after = {
      ...lb,
      metadata: { ...lb.metadata, resourceVersion: "2" },
      spec: { ...lb.spec, domain: "shop.example.com", targetPort: 8080 },
    };
    expect(fieldChanges("LoadBalancer my-lb", lb, after, ["metadata"])).toEqual([
      { object: "LoadBalancer my-lb", path: "spec.domain", before: "www.example.com", after: "shop.example.com" },
      { object: "LoadBalancer my-lb", path: "spec.targetPort", before: "30080", after: "8080" },
    ]);
  });

  it("shows a key that is added or removed as not set on one side", () => {
    const cm = { data: { "custom-header": "hello", other: "x" } };
    expect(fieldChanges("ConfigMap c", cm, { data: { other: "x" } })).toEqual([
      { object: "ConfigMap c", path: "data.custom-header", before: "hello", after: undefined },
    ]);
    expect(fieldChanges("ConfigMap c", { data: { other: "x" } }, cm)).toEqual([
      { object: "ConfigMap c", path: "data.custom-header", before: undefined, after: "hello" },
    ]);
    // A key whose only value goes leaves no data at all.
    expect(fieldChanges("ConfigMap c", { data: { k: "v" } }, {})).toEqual([
      { object: "ConfigMap c", path: "data.k", before: "v", after: undefined },
    ]);
  });

  it("compares lists as a whole and ignores unchanged objects", () => {
    expect(fieldChanges("X x", { spec: { ports: [80, 443] } }, { spec: { ports: [80] } })).toEqual([
      { object: "X x", path: "spec.ports", before: "[80,443]", after: "[80]" },
    ]);
    expect(fieldChanges("X x", lb, structuredClone(lb))).toEqual([]);
  });

  it("tells an empty string from a field that is not set", () => {
    expect(fieldChanges("X x", { data: { k: "" } }, { data: {} })).toEqual([
      { object: "X x", path: "data.k", before: "", after: undefined },
    ]);
  });
});
