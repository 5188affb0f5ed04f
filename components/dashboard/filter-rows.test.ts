import { describe, expect, it } from "vitest";
import type { DashboardRow } from "@/lib/status";
import { filterRows, parseBucketFilter } from "./filter-rows";

const row = (name: string, current: DashboardRow["current"], domain?: string): DashboardRow => ({
  namespace: "default",
  name,
  domain,
  state: "ACTIVE",
  ready: "Unknown",
  current,
  summary: "",
});
const rows = [
  row("ready-one", { id: "ready", label: "Ready", state: "done" }, "shop.example.com"),
  row("stuck-route", { id: "routing", label: "Gateway and route accepted", state: "blocked" }),
  row("refused", { id: "synced", label: "Synced to provider", state: "failed" }),
  row("on-its-way", { id: "routing", label: "Gateway and route accepted", state: "in-progress" }),
];

describe("list filter", () => {
  it("the Failed chip shows blocked and failed rows, a stage chip only the rows still working at it", () => {
    expect(filterRows(rows, "failed", "").map((r) => r.name)).toEqual(["stuck-route", "refused"]);
    expect(filterRows(rows, "routing", "").map((r) => r.name)).toEqual(["on-its-way"]);
    expect(filterRows(rows, "all", "").length).toBe(rows.length);
  });

  it("searches name, namespace and domain together with the chip", () => {
    expect(filterRows(rows, "all", " SHOP.example ").map((r) => r.name)).toEqual(["ready-one"]);
    expect(filterRows(rows, "failed", "refu").map((r) => r.name)).toEqual(["refused"]);
    expect(filterRows(rows, "ready", "refu")).toEqual([]);
  });

  it("reads ?stage= from a URL, anything unknown meaning all", () => {
    expect(parseBucketFilter("failed")).toBe("failed");
    expect(parseBucketFilter("ready")).toBe("ready");
    expect(parseBucketFilter("Failed")).toBe("all");
    expect(parseBucketFilter(["failed"])).toBe("all");
    expect(parseBucketFilter(undefined)).toBe("all");
  });
});
