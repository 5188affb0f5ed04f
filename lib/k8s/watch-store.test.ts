import { describe, expect, it } from "vitest";
import gateway from "./fixtures/gateway.recorded.json";
import loadBalancer from "./fixtures/loadbalancer.recorded.json";
import type { KubeObject } from "./types";
import { watchLines } from "./watch-lines";
import { LAST_APPLIED, ObjectStore, slim } from "./watch-store";

const obj = (name: string, rv: string, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: { name, namespace: "ns", resourceVersion: rv, uid: `uid-${name}` },
  ...extra,
});

describe("object store", () => {
  it("turns a relist into only the differences", () => {
    const store = new ObjectStore();
    store.replace([obj("keep", "1"), obj("change", "1"), obj("drop", "1")]);
    const deltas = store.replace([obj("keep", "1"), obj("change", "2"), obj("new", "3")]);
    expect(deltas.map((d) => `${d.type}:${d.object.metadata.name}`).sort()).toEqual([
      "added:new",
      "deleted:drop",
      "modified:change",
    ]);
    expect(store.list().map((o) => o.metadata.name)).toEqual(["keep", "change", "new"]);
  });

  it("ignores a replayed event at the same resourceVersion and unknown deletions", () => {
    const store = new ObjectStore();
    expect(store.apply("ADDED", obj("a", "5"))).toMatchObject({ type: "added" });
    expect(store.apply("MODIFIED", obj("a", "5"))).toBeNull();
    expect(store.apply("MODIFIED", obj("a", "6"))).toMatchObject({ type: "modified" });
    expect(store.apply("DELETED", obj("b", "7"))).toBeNull();
    expect(store.apply("DELETED", obj("a", "8"))).toMatchObject({ type: "deleted" });
    expect(store.size).toBe(0);
  });

  it("drops managedFields and nothing else", () => {
    const o = obj("a", "1", { data: { k: "v" } });
    Object.assign(o.metadata, { managedFields: [{ manager: "x" }] });
    expect(slim(o)).toEqual(obj("a", "1", { data: { k: "v" } }));
  });

  it("trims a recorded LoadBalancer (kubectl apply, then kro) to what the views read", () => {
    const recorded = loadBalancer as unknown as KubeObject;
    const before = JSON.stringify(recorded);
    const trimmed = slim(recorded);
    expect(JSON.stringify(recorded)).toBe(before); // the input is left alone
    expect(trimmed.metadata).not.toHaveProperty("managedFields");
    expect(trimmed.metadata.annotations).not.toHaveProperty(LAST_APPLIED);
    // Everything else is kept: kro's annotations, labels, finalizers, spec and status.
    const {
      managedFields: _m,
      annotations,
      ...metadata
    } = recorded.metadata as typeof recorded.metadata & {
      managedFields: unknown;
    };
    const { [LAST_APPLIED]: _a, ...kept } = annotations ?? {};
    expect(Object.keys(kept).length).toBeGreaterThan(0);
    expect(trimmed).toEqual({ ...recorded, metadata: { ...metadata, annotations: kept } });
    // The trimmed JSON is well under half of the recorded one.
    expect(JSON.stringify(trimmed).length).toBeLessThan(before.length / 2);
  });

  it("trims a recorded Gateway, which has no kubectl annotation, of its managedFields only", () => {
    const recorded = gateway as unknown as KubeObject;
    const { managedFields: _m, ...metadata } = recorded.metadata as typeof recorded.metadata & {
      managedFields: unknown;
    };
    expect(slim(recorded)).toEqual({ ...recorded, metadata });
  });

  it("drops an annotations map that held only the kubectl annotation", () => {
    const o = obj("a", "1");
    o.metadata.annotations = { [LAST_APPLIED]: "{}" };
    expect(slim(o)).toEqual(obj("a", "1"));
    const untouched = obj("b", "1");
    untouched.metadata.annotations = { keep: "me" };
    expect(slim(untouched)).toBe(untouched);
  });
});

describe("watch lines", () => {
  async function* chunks(...parts: (string | Uint8Array)[]) {
    for (const p of parts) yield p;
  }

  it("splits newline-delimited events across arbitrary chunks, keeping multi-byte characters", async () => {
    const text = `${JSON.stringify({ type: "ADDED", object: { m: "grüße" } })}\n${JSON.stringify({ type: "BOOKMARK", object: {} })}\n`;
    const bytes = new TextEncoder().encode(text);
    const cut = text.indexOf("ü") + 1; // inside the two bytes of ü
    const events = [];
    for await (const e of watchLines(chunks(bytes.slice(0, cut), bytes.slice(cut, cut + 7), bytes.slice(cut + 7))))
      events.push(e);
    expect(events).toEqual([
      { type: "ADDED", object: { m: "grüße" } },
      { type: "BOOKMARK", object: {} },
    ]);
  });

  it("drops a trailing fragment of an event cut off by a dying connection", async () => {
    const events = [];
    for await (const e of watchLines(chunks('{"type":"ADDED","object":{}}\n{"type":"MOD'))) events.push(e);
    expect(events).toHaveLength(1);
  });
});
