// Helpers for tests of the SSE stream: a controllable stand-in for lib/live's subscriptions and a
// reader of the frames (sse-frames.ts) that applies patches the way the browser does.

import type { Subscribe } from "../lib/live/sse";
import type { LiveUpdate } from "../lib/live/types";
import type { LiveSub } from "../lib/live-wire/live-protocol";
import { applyPatch, type ViewPatch } from "../lib/live-wire/view-patch";
import type { PortalError } from "../lib/result";
import { type SseFrame, sseSplitter } from "./sse-frames";

export interface Frame extends SseFrame {
  /** for `view` and `patch`: the sub, and its whole view after this frame (patches applied) */
  sub?: string;
  view?: unknown;
}

/** Subscriptions that the test drives: emit() reaches every open subscriber of a sub. */
export function fakeSource(failures: Map<LiveSub, PortalError[]> = new Map()) {
  const listeners = new Map<LiveSub, Set<(u: LiveUpdate<unknown>) => void>>();
  const calls: LiveSub[] = [];
  let open = 0;
  const subscribe: Subscribe = async (sub, onUpdate) => {
    calls.push(sub);
    const fail = failures.get(sub)?.shift();
    if (fail) return { ok: false, error: fail };
    const set = listeners.get(sub) ?? new Set();
    listeners.set(sub, set);
    set.add(onUpdate);
    open++;
    let closed = false;
    return {
      ok: true,
      data: {
        close() {
          if (closed) return;
          closed = true;
          open--;
          set.delete(onUpdate);
        },
      },
    };
  };
  return {
    subscribe,
    calls,
    open: () => open,
    subscribers: (sub: LiveSub) => listeners.get(sub)?.size ?? 0,
    emit(sub: LiveSub, view: unknown) {
      for (const l of listeners.get(sub) ?? []) l({ type: "view", view });
    },
    revoke(sub: LiveSub, error: PortalError) {
      for (const l of listeners.get(sub) ?? []) l({ type: "revoked", error });
      listeners.get(sub)?.clear();
    },
  };
}

/**
 * Parses SSE frames off a byte stream; next() waits (with a timeout) for the next frame.
 * `holding`: views the client already holds per sub (a resumed stream may patch them).
 */
export function frameReader(stream: ReadableStream<Uint8Array>, holding: Iterable<[string, unknown]> = []) {
  const reader = stream.getReader();
  const split = sseSplitter();
  const frames: Frame[] = [];
  // The view of each sub as a browser would hold it, so patches resolve like in live-channel.ts.
  const held = new Map<string, unknown>(holding);
  let done = false;
  // One read in flight at a time: a timed-out wait must not drop the chunk it was waiting for.
  let inFlight: Promise<ReadableStreamReadResult<Uint8Array>> | undefined;

  async function fill(timeoutMs: number): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), timeoutMs);
    });
    inFlight ??= reader.read();
    const r = await Promise.race([inFlight, timeout]);
    clearTimeout(timer);
    if (r === "timeout") throw new Error(`no frame within ${timeoutMs} ms`);
    inFlight = undefined;
    if (r.done) {
      done = true;
      return;
    }
    for (const f of split(r.value)) frames.push(resolve(f, held));
  }

  return {
    /** the next frame, or undefined once the stream ended */
    async next(timeoutMs = 2_000): Promise<Frame | undefined> {
      const deadline = Date.now() + timeoutMs;
      while (frames.length === 0 && !done) await fill(Math.max(1, deadline - Date.now()));
      return frames.shift();
    },
    /** frames until one matches (which is returned last) */
    async until(match: (f: Frame) => boolean, timeoutMs = 2_000): Promise<Frame[]> {
      const seen: Frame[] = [];
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const f = await this.next(Math.max(1, deadline - Date.now()));
        if (!f) throw new Error(`stream ended before a matching frame; saw ${JSON.stringify(seen)}`);
        seen.push(f);
        if (match(f)) return seen;
      }
    },
    /** resolves true if the stream ends within the time */
    async ended(timeoutMs = 2_000): Promise<boolean> {
      const deadline = Date.now() + timeoutMs;
      while (!done) await fill(Math.max(1, deadline - Date.now()));
      return true;
    },
    cancel: () => reader.cancel(),
  };
}

function resolve(f: Frame, held: Map<string, unknown>): Frame {
  if (f.event !== "view" && f.event !== "patch") return f;
  const m = JSON.parse(f.data ?? "{}") as { sub: string; view?: unknown; patch?: ViewPatch };
  const view = m.patch ? applyPatch(held.get(m.sub), m.patch) : m.view;
  held.set(m.sub, view);
  return { ...f, sub: m.sub, view };
}

/** The whole views the frames carried (patches applied), in order. */
export const views = (frames: Frame[]) =>
  frames.flatMap((f) => (f.sub === undefined ? [] : [{ sub: f.sub, view: f.view }]));
