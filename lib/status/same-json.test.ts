import { describe, expect, it } from "vitest";
import { sameJson } from "./same-json";

describe("sameJson", () => {
  it("ignores key order at every depth, and only that", () => {
    const consumer = { domain: "my-lb.example.com", targetPort: 8080, extra: { b: [1, { y: 1, x: 2 }], a: null } };
    const copy = { extra: { a: null, b: [1, { x: 2, y: 1 }] }, targetPort: 8080, domain: "my-lb.example.com" };
    expect(sameJson(consumer, copy)).toBe(true);
    expect(sameJson(consumer, { ...copy, targetPort: 8081 })).toBe(false);
    expect(sameJson({ list: [1, 2] }, { list: [2, 1] })).toBe(false);
    expect(sameJson(undefined, undefined)).toBe(true);
    expect(sameJson(undefined, {})).toBe(false);
  });

  it("compares each object as it is when first compared (objects are replaced, not changed)", () => {
    const a = { k: "v" };
    expect(sameJson(a, { k: "v" })).toBe(true);
    expect(sameJson(a, { k: "w" })).toBe(false);
  });
});
