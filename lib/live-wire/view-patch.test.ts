import { describe, expect, it } from "vitest";
import { applyPatch, diffView as diffEncoded, encodeView } from "./view-patch";

const diffView = (prev: Record<string, unknown>, next: Record<string, unknown>) =>
  diffEncoded(encodeView(prev), encodeView(next));

const row = (namespace: string, name: string, state = "ACTIVE") => ({ namespace, name, state, summary: `${name} ok` });
const view = (rows: ReturnType<typeof row>[], extra: Record<string, unknown> = {}) => ({
  namespaces: ["default", "team-a"],
  rows,
  health: { consumer: { state: "connected", since: "t0" } },
  ...extra,
});

/** A deterministic pseudo-random sequence, so a failure reproduces. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

const sorted = (rows: ReturnType<typeof row>[]) =>
  rows.sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));

describe("diffView / applyPatch", () => {
  it("sends one changed row of many as that row only", () => {
    const rows = Array.from({ length: 2000 }, (_, i) => row("default", `lb-${String(i).padStart(4, "0")}`));
    const prev = view(rows);
    const next = view(rows.map((r) => (r.name === "lb-1234" ? { ...r, state: "IN_PROGRESS" } : r)));
    const patch = diffView(prev, next);
    expect(patch).toEqual({
      set: {},
      unset: [],
      lists: { rows: { remove: [], update: [{ ...row("default", "lb-1234"), state: "IN_PROGRESS" }], insert: [] } },
    });
    expect(JSON.stringify(patch).length).toBeLessThan(JSON.stringify(next).length / 100);
    expect(applyPatch(prev, patch)).toEqual(next);
  });

  it("keeps unchanged rows as the same objects, so the browser re-renders only what changed", () => {
    const prev = view([row("a", "x"), row("a", "y")]);
    const next = view([row("a", "x"), row("a", "y", "FAILED")]);
    const applied = applyPatch(prev, diffView(prev, next));
    expect(applied.rows[0]).toBe(prev.rows[0]);
    expect(applied.rows[1]).toEqual(row("a", "y", "FAILED"));
  });

  it("replaces changed fields whole and drops fields that are gone", () => {
    const prev = view([], { providerRows: [row("p", "x")] });
    const next = { ...view([]), health: { consumer: { state: "reconnecting", since: "t1" } } } as Record<
      string,
      unknown
    >;
    const patch = diffView(prev, next);
    expect(patch.set).toEqual({ health: next.health });
    expect(patch.unset).toEqual(["providerRows"]);
    expect(applyPatch(prev, patch)).toEqual(next);
  });

  it("treats a field set to undefined as absent, as JSON does", () => {
    const prev = view([], { providerRows: [row("p", "x")], note: undefined });
    const next = view([], { providerRows: undefined, note: "hello" });
    const patch = JSON.parse(JSON.stringify(diffView(prev, next)));
    expect(patch).toEqual({ set: { note: "hello" }, unset: ["providerRows"], lists: {} });
    expect(applyPatch(JSON.parse(JSON.stringify(prev)), patch)).toEqual(JSON.parse(JSON.stringify(next)));
  });

  it("sends a list whole when its surviving rows changed order or its keys repeat", () => {
    const a = row("ns", "a");
    const b = row("ns", "b");
    expect(diffView(view([a, b]), view([b, a])).set).toEqual({ rows: [b, a] });
    expect(diffView(view([a]), view([a, a])).set).toEqual({ rows: [a, a] });
  });

  it("rebuilds the next view exactly from random inserts, removals and changes", () => {
    const rand = random(7);
    const names = Array.from({ length: 60 }, (_, i) => `lb-${i}`);
    const pick = () =>
      sorted(
        names
          .filter(() => rand() < 0.5)
          .map((n) => row(rand() < 0.5 ? "default" : "team-a", n, rand() < 0.2 ? "FAILED" : "ACTIVE")),
      ).filter((r, i, all) => all.findIndex((o) => o.namespace === r.namespace && o.name === r.name) === i);
    let prev = view(pick());
    for (let round = 0; round < 200; round++) {
      const next = view(pick(), rand() < 0.3 ? { namespaces: ["default"] } : {});
      expect(applyPatch(prev, diffView(prev, next))).toEqual(next);
      prev = next;
    }
  });

  it("serializes a view exactly as JSON.stringify does", () => {
    const views = [
      view([row("default", "a"), row("team-a", "b")]),
      view([], { providerRows: undefined, note: 'ünïcødé \u2028 "quoted"', nested: { a: [1, null, { b: true }] } }),
      {
        rows: [
          { namespace: "x", name: "y" },
          { namespace: "x", name: "y" },
        ],
        events: [{ object: { name: "n" } }],
      },
      {},
    ];
    for (const v of views) expect(encodeView(v).json).toBe(JSON.stringify(v));
  });

  it("refuses to patch a list the view does not have", () => {
    const patch = diffView(view([row("a", "x")]), view([row("a", "y")]));
    expect(() => applyPatch({ namespaces: [] }, patch)).toThrow(/no list rows/);
  });
});
