import { describe, expect, it } from "vitest";
import { kroMessage } from "./messages";
import { formatAge, formatAgo, latest, ms, parseGoDuration } from "./time";

describe("time helpers", () => {
  it("formats every duration in one unit, so no two times on a page read differently", () => {
    expect(formatAge(0)).toBe("0s");
    expect(formatAge(59_999)).toBe("59s");
    expect(formatAge(119_000)).toBe("1m");
    expect(formatAge(150_000)).toBe("2m");
    expect(formatAge(3 * 3_600_000 + 5 * 60_000)).toBe("3h");
    expect(formatAge(30 * 3_600_000)).toBe("30h");
    expect(formatAge(5 * 86_400_000)).toBe("5d");
  });

  it("says how long ago in one format", () => {
    expect(formatAgo(1_000)).toBe("just now");
    expect(formatAgo(119_000)).toBe("1m ago");
    expect(formatAgo(120_000)).toBe("2m ago");
    expect(formatAgo(-3_000)).toBe("just now");
  });

  it("reads Go durations as kube-bind writes them", () => {
    expect(parseGoDuration("10s")).toBe(10_000);
    expect(parseGoDuration("1m30s")).toBe(90_000);
    expect(parseGoDuration("1h0m0s")).toBe(3_600_000);
    expect(parseGoDuration("500ms")).toBe(500);
    expect(parseGoDuration("soon")).toBeUndefined();
  });

  it("treats the CRD-default 1970 timestamp as unknown", () => {
    expect(ms("1970-01-01T00:00:00Z")).toBeUndefined();
    expect(latest("1970-01-01T00:00:00Z", "2026-01-01T00:00:01Z", "2026-01-01T00:00:00Z")).toBe("2026-01-01T00:00:01Z");
  });

  it("shortens kro's apply errors to one readable line", () => {
    expect(
      kroMessage(
        'resource reconciliation failed: apply results contain errors: Gateway.gateway.networking.k8s.io "x-gw" is invalid: spec.listeners[0].hostname: Invalid value: "A_B": spec.listeners[0].hostname in body should match \'^a$\'\nsecond line',
      ),
    ).toBe('Gateway "x-gw" is invalid: spec.listeners[0].hostname: Invalid value: "A_B": spec.listeners[0].hostname.');
  });
});
