import { describe, expect, it } from "vitest";
import type { KubeObject } from "../k8s/types";
import { frame, inputFrom } from "../status/fixtures/load";
import { dashboardRow } from "../status/model";
import { memoRow, ROW_TTL_MS } from "./row-memo";

const input = inputFrom(frame("healthy"), { withStatus: true });
const lb = input.consumer.loadBalancer as KubeObject;

describe("row memo", () => {
  it("reuses a row while its objects are the same and it is younger than a tick", () => {
    let computed = 0;
    const compute = () => {
      computed++;
      return dashboardRow(input);
    };
    const cm = { metadata: { name: "settings" } };
    const first = memoRow(lb, [cm, undefined], 1_000, compute);
    expect(memoRow(lb, [cm, undefined], 1_000 + ROW_TTL_MS - 1, compute)).toBe(first);
    expect(computed).toBe(1);
    // Another object (a new version of the ConfigMap), then time alone: computed again.
    const changed = { ...cm };
    memoRow(lb, [changed, undefined], 1_000 + ROW_TTL_MS - 1, compute);
    expect(computed).toBe(2);
    memoRow(lb, [changed, undefined], 1_000 + ROW_TTL_MS, compute);
    expect(computed).toBe(2);
    memoRow(lb, [changed, undefined], 1_000 + 3 * ROW_TTL_MS, compute);
    expect(computed).toBe(3);
  });
});
