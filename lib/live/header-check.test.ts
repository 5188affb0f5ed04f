import { describe, expect, it } from "vitest";
import { checkCustomHeader } from "./header-check";

// As the sandbox's echo backend reports a request through the gateway.
const echoed = (message?: string): [string, string][] => [
  ["Host", "my-lb.example.com"],
  ["User-Agent", "kube-bind-portal test traffic"],
  ...(message === undefined ? [] : ([["X-Custom-Message", message]] as [string, string][])),
];

describe("Test traffic's header check", () => {
  it("matches the ConfigMap's custom-header, whatever the header name's case", () => {
    expect(checkCustomHeader({ "custom-header": "hello" }, echoed("hello"))).toEqual({
      state: "match",
      expected: "hello",
      received: "hello",
    });
    expect(checkCustomHeader({ "custom-header": "hi" }, [["x-custom-message", "hi"]]).state).toBe("match");
  });

  it("reports another value, as when the route still carries an older setting", () => {
    expect(checkCustomHeader({ "custom-header": "new" }, echoed("old"))).toEqual({
      state: "mismatch",
      expected: "new",
      received: "old",
    });
  });

  it("expects the RGD's fallback 'none' when the ConfigMap has no custom-header", () => {
    expect(checkCustomHeader({}, echoed("none")).state).toBe("match");
    expect(checkCustomHeader(undefined, echoed("none")).state).toBe("match");
  });

  it("tells a header that never arrived from an answer that lists no headers", () => {
    expect(checkCustomHeader({ "custom-header": "x" }, echoed())).toEqual({ state: "missing", expected: "x" });
    expect(checkCustomHeader({ "custom-header": "x" }, undefined)).toEqual({ state: "unknown", expected: "x" });
  });
});
