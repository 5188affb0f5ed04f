import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { KonnectorHealth } from "@/lib/status";
import { KonnectorHealthLine } from "./konnector-health";

const rendered = (health: KonnectorHealth) => renderToStaticMarkup(<KonnectorHealthLine health={health} />);
const heartbeat = { at: "2026-12-03T10:21:12Z", intervalMs: 300_000, version: "v0.8.1" };

describe("KonnectorHealthLine", () => {
  it("running: the pill, the replicas and the last report, without an explanation", () => {
    const html = rendered({
      state: "healthy",
      replicas: { ready: 2, desired: 2 },
      heartbeat,
      message: "The konnector on your cluster runs and reports to the provider.",
    });
    expect(html).toContain('data-state="healthy"');
    expect(html).toContain("Running");
    expect(html).toContain('<span data-testid="konnector-replicas">2/2 ready</span>');
    expect(html).toContain('dateTime="2026-12-03T10:21:12Z"');
    expect(html).toContain("(every 5m) · v0.8.1");
    expect(html).not.toContain("runs and reports");
  });

  it("down: says so in words, with what to check", () => {
    const message = "The konnector on your cluster is scaled to 0 replicas, so nothing is copied …";
    const html = rendered({ state: "down", replicas: { ready: 0, desired: 0 }, heartbeat, message });
    expect(html).toContain("Down");
    expect(html).toContain("0/0 ready");
    expect(html).toContain(message);
  });

  it("not installed, and nothing known of the heartbeat", () => {
    const html = rendered({ state: "down", replicas: null, message: "The konnector is not installed …" });
    expect(html).toContain("not installed");
    expect(html).not.toContain("last report");
  });
});
