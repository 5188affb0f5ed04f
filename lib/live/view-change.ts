/**
 * One change of a shared view, as every connection showing it needs it: the view serialized once,
 * its hash, the patch from the view before it (diffed once, for every client that holds that
 * one), and the SSE frames built from them, encoded to bytes once per distinct frame. Thousands of
 * connections of the same view then write the same bytes instead of each diffing and encoding.
 */
import "server-only";
import { createHash } from "node:crypto";
import { diffView, type EncodedView } from "../live-wire/view-patch";

export const viewHash = (json: string) => createHash("sha256").update(json).digest("base64url").slice(0, 12);

/** Process-wide counts of the expensive steps, for tests and diagnostics. */
export const liveWork = { computations: 0, encodedViews: 0, patches: 0, frames: 0 };

const encoder = new TextEncoder();
/** distinct frames kept per change: connections differ only in the other subs in their event id */
const MAX_FRAMES = 16;

export class ViewChange {
  readonly hash: string;
  private readonly before?: { hash: string; view: EncodedView };
  /** the patch from `before` as JSON; null when a patch is not worth it */
  private patch?: string | null;
  private readonly frames = new Map<string, Uint8Array>();

  constructor(
    readonly encoded: EncodedView,
    previous?: ViewChange,
  ) {
    this.hash = viewHash(encoded.json);
    // Only the previous view, never its own predecessor: changes must not chain in memory.
    if (previous) this.before = { hash: previous.hash, view: previous.encoded };
  }

  /**
   * The patch to this view from the one with `hash`: undefined when that is not the view before
   * it (the caller diffs on its own), null when the view is better sent whole.
   */
  patchFrom(hash: string | undefined): string | null | undefined {
    if (!this.before || hash !== this.before.hash) return undefined;
    if (this.patch === undefined) {
      liveWork.patches++;
      this.patch = worthPatching(JSON.stringify(diffView(this.before.view, this.encoded)), this.encoded);
    }
    return this.patch;
  }

  /** The bytes of a frame, built by `make` the first time this `id` is asked for. */
  bytes(id: string, make: () => string): Uint8Array {
    let bytes = this.frames.get(id);
    if (!bytes) {
      liveWork.frames++;
      bytes = encoder.encode(make());
      if (this.frames.size >= MAX_FRAMES) this.frames.delete(this.frames.keys().next().value as string);
      this.frames.set(id, bytes);
    }
    return bytes;
  }
}

/** Small changes to big views go as a patch; a patch near the view's size is not worth it. */
export function worthPatching(patch: string, view: EncodedView): string | null {
  return patch.length < view.json.length / 2 ? patch : null;
}
