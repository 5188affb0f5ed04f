import { describe, expect, it } from "vitest";
import { KubeError } from "../k8s/errors";
import type { WriteContext } from "./explain-error";
import { commitAll, dryRunAll, type Write } from "./write-flow";

const ctx = (kind: string, name: string): WriteContext => ({
  verb: "create",
  kind,
  namespace: "default",
  name,
  nameField: "name",
  fields: [],
  outcome: "Nothing was created.",
});
const audit = { user: "alice@example.com", action: "create", resource: "things" };
const refused = () => new KubeError("consumer", 403, "Forbidden", 'things "b" is forbidden: cannot create');

/** A write that records what happened to it in `log`. */
function write(name: string, log: string[], opts: { fail?: () => Error; undo?: "ok" | "fails" } = {}): Write {
  return {
    ctx: ctx("Thing", name),
    dryRun: async () => name,
    commit: async () => {
      if (opts.fail) throw opts.fail();
      log.push(`commit ${name}`);
    },
    undo: opts.undo && {
      run: async () => {
        if (opts.undo === "fails") throw new Error("gone away");
        log.push(`undo ${name}`);
      },
      failed: (why) => `${name} stays (${why}).`,
    },
  };
}

describe("the write flow", () => {
  it("dry-runs every write and hands back their answers in order", async () => {
    expect(await dryRunAll([write("a", []), write("b", [])])).toEqual({ ok: true, results: ["a", "b"] });
  });

  it("commits in order and answers null when every write is done", async () => {
    const log: string[] = [];
    expect(await commitAll([write("a", log, { undo: "ok" }), write("b", log)], audit, "done")).toBeNull();
    expect(log).toEqual(["commit a", "commit b"]);
  });

  it("undoes what was committed, newest first, when a later write is refused", async () => {
    const log: string[] = [];
    const writes = [
      write("a", log, { undo: "ok" }),
      write("b", log, { undo: "ok" }),
      write("c", log, { fail: refused }),
    ];
    const r = await commitAll(writes, audit, "done");
    expect(log).toEqual(["commit a", "commit b", "undo b", "undo a"]);
    expect(r).toMatchObject({
      ok: false,
      formError: { message: expect.stringMatching(/^You may not create Things .*Nothing was created\.$/) },
    });
  });

  it("says what could not be undone", async () => {
    const r = await commitAll([write("a", [], { undo: "fails" }), write("b", [], { fail: refused })], audit, "done");
    expect(r?.formError?.message).toMatch(/a stays \(gone away\)\.$/);
  });

  it("still undoes before a bug surfaces", async () => {
    const log: string[] = [];
    const bug = () => new TypeError("a bug");
    await expect(
      commitAll([write("a", log, { undo: "ok" }), write("b", log, { fail: bug })], audit, "done"),
    ).rejects.toThrow("a bug");
    expect(log).toEqual(["commit a", "undo a"]);
  });
});
