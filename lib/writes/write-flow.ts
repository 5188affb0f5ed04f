// The one write flow of every form: the objects are planned by the caller, then every write is
// dry-run as the user (admission and RBAC included), then committed in order; a failed write undoes
// the ones before it (newest first), and a finished flow writes one audit line. Server-only.
import "server-only";
import type { FormFailure } from "../forms/action-result";
import { log } from "../log";
import { explainedFailure, type WriteContext } from "./explain-error";

export interface Write<T = unknown> {
  /** explains a failure of this write next to the field it is about */
  ctx: WriteContext;
  dryRun(): Promise<T>;
  commit(): Promise<unknown>;
  /** undoes a committed write when a later one fails; the note says what is left to clean up */
  undo?: { run(): Promise<unknown>; failed(why: string): string };
}

/** Dry-runs every write; their answers (the objects as they would be), or the first failure. */
export async function dryRunAll<T>(writes: Write<T>[]): Promise<{ ok: true; results: T[] } | FormFailure> {
  const results: T[] = [];
  for (const w of writes) {
    try {
      results.push(await w.dryRun());
    } catch (e) {
      return explainedFailure(e, w.ctx);
    }
  }
  return { ok: true, results };
}

/**
 * Commits the writes in order. On a failure the committed ones are undone and the failure says
 * what could not be undone; on success one audit line is logged. null means done.
 */
export async function commitAll(
  writes: Write[],
  audit: { user: string; action: string; resource: string } & Record<string, unknown>,
  done: string,
): Promise<FormFailure | null> {
  const committed: Write[] = [];
  for (const w of writes) {
    try {
      await w.commit();
      committed.push(w);
    } catch (e) {
      // Undone first, so that a bug or an outage mid-way (rethrown below) leaves nothing behind.
      const notes = await undoAll(committed, audit.user);
      const failure = explainedFailure(e, w.ctx);
      const message = [failure.formError?.message, ...notes].filter(Boolean).join(" ");
      if (notes.length) failure.formError = { ...failure.formError, message };
      return failure;
    }
  }
  log.info({ audit }, done);
  return null;
}

async function undoAll(committed: Write[], user: string): Promise<string[]> {
  const notes: string[] = [];
  for (const w of [...committed].reverse()) {
    if (!w.undo) continue;
    try {
      await w.undo.run();
      log.info(
        { audit: { user, action: "rollback", kind: w.ctx.kind, namespace: w.ctx.namespace, name: w.ctx.name } },
        "undone",
      );
    } catch (e) {
      notes.push(w.undo.failed(e instanceof Error ? e.message : String(e)));
    }
  }
  return notes;
}
