import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeHeapSnapshot } from "node:v8";
import { afterAll, describe, expect, it } from "vitest";
import { aggregate, perViewer } from "./heap";

class HeapProbeViewer {
  readonly buffer = Array.from({ length: 8 }, (_, i) => i);
  readonly onEvent = () => this.buffer.length;
}

const dir = mkdtempSync(join(tmpdir(), "heap-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("heap snapshot summary", () => {
  it("attributes what 1,000 viewers add to their constructor and closures, per viewer", () => {
    const idle = writeHeapSnapshot(join(dir, "idle.heapsnapshot"));
    const viewers = Array.from({ length: 1000 }, () => new HeapProbeViewer());
    const loaded = writeHeapSnapshot(join(dir, "loaded.heapsnapshot"));
    const r = perViewer(aggregate(idle), aggregate(loaded), viewers.length, [idle, loaded]);
    const share = (name: string) => r.top.find((t) => t.name === name);
    expect(share("HeapProbeViewer")?.count).toBe(1);
    expect(share("HeapProbeViewer")?.bytes).toBeGreaterThan(0);
    expect(share("closure onEvent")?.count).toBe(1);
    expect(r.perViewer).toBeGreaterThan(share("HeapProbeViewer")?.bytes ?? 0);
    expect(r.top.map((t) => t.bytes)).toEqual([...r.top.map((t) => t.bytes)].sort((a, b) => b - a));
  });
});
