/**
 * One Server-Sent Events stream carrying several live subscriptions (wire contract:
 * lib/live-wire/live-protocol.ts). The route hands it the subs, Last-Event-ID and a `subscribe`
 * function (lib/live's subscribeDashboard / subscribeLoadBalancer for the signed-in user), and the
 * Node response it writes to (openLiveResponse; tests read a web stream, openLiveStream);
 * everything else happens here.
 *
 * Bounded per connection, whatever the client's speed: nothing is written while the sink is full
 * (the response's high-water mark, or the web stream's small byte high-water mark). Meanwhile
 * each sub keeps at most ONE pending message, the latest, so a slow client skips intermediate
 * views instead of growing memory or slowing other clients: a view is diffed against the last one
 * this connection sent only when it goes out, so a skipped view is never needed.
 *
 * Lean per connection, for thousands of them: heartbeats come from one timer wheel for the whole
 * process, and a view shared by many viewers (shared-views.ts) arrives with its change already
 * hashed, diffed from the view before it and framed (view-change.ts): a connection whose client
 * holds that previous view writes the very same bytes as every other one.
 */
import "server-only";
import type { ServerResponse } from "node:http";
import {
  formatEventId,
  type LiveError,
  type LiveEventName,
  type LiveSub,
  parseEventId,
} from "../live-wire/live-protocol";
import { diffView, type EncodedView, encodeView } from "../live-wire/view-patch";
import type { PortalError, Result } from "../result";
import type { SentViews } from "./sent-views";
import { timerWheel } from "./timer-wheel";
import type { LiveSubscription, LiveUpdate } from "./types";
import { type ViewChange, viewHash, worthPatching } from "./view-change";

export { viewHash };

export type Subscribe = (
  sub: LiveSub,
  onUpdate: (update: LiveUpdate<unknown>) => void,
) => Promise<Result<LiveSubscription>>;

export interface LiveStreamOptions {
  subs: readonly LiveSub[];
  /** the Last-Event-ID header of a reconnecting EventSource */
  lastEventId?: string | null;
  /** the request's signal: aborting it closes every subscription */
  signal?: AbortSignal;
  subscribe: Subscribe;
  heartbeatMs?: number;
  /** the client's reconnection delay (the `retry:` field) */
  retryMs?: number;
  /** bytes the stream may queue for the client before messages wait (and coalesce) here */
  highWaterMark?: number;
  /** a subscription that failed because a cluster did not answer is retried with this backoff */
  resubscribe?: { initialMs: number; maxMs: number };
  /**
   * Whose stream this is, and the views sent to them lately: a resumed sub is patched from the
   * view its Last-Event-ID names, when that is still known.
   */
  sentViews?: { owner: string; store: SentViews };
}

type Pending =
  | { event: "view"; view: EncodedView; hash: string; change?: ViewChange }
  | { event: "problem" | "revoked"; error: PortalError };

const encoder = new TextEncoder();
const HEARTBEAT = encoder.encode(": hb\n\n");

/** Cluster unreachable or failing: worth another try. Forbidden/NotBound are answers. */
const retryable = (e: PortalError) => e.status === 0 || e.status === 429 || e.status >= 500;

const wireError = (e: PortalError): LiveError => ({ status: e.status, reason: e.reason, message: e.message });

/**
 * Where a connection's bytes go: a web stream (openLiveStream) or a Node response (the live
 * route), and how many more bytes it takes before messages must wait for the client.
 */
export interface LiveSink {
  write(bytes: Uint8Array): void;
  /** whether it takes more now */
  ready(): boolean;
  /** bytes written that the client has not taken yet */
  queued(): number;
  end(): void;
}

export class LiveConnection {
  private readonly subs: readonly LiveSub[];
  /** hash of the last view the client holds, per sub (seeded from Last-Event-ID) */
  private readonly sent: Map<LiveSub, string>;
  /** the last view sent per sub on this connection: the base of the next patch */
  private readonly base = new Map<LiveSub, EncodedView>();
  /** subs whose last message was a problem (its JSON): their next view goes out even if unchanged */
  private readonly troubled = new Map<LiveSub, string>();
  private readonly pending = new Map<LiveSub, Pending>();
  private readonly active = new Map<LiveSub, LiveSubscription>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private stopHeartbeat?: () => void;
  private closed = false;

  /** Starts at once; the owner of `sink` calls flush() when it has room again and close() when the client left. */
  constructor(
    private readonly opts: LiveStreamOptions,
    private readonly sink: LiveSink,
  ) {
    this.subs = opts.subs;
    const known = parseEventId(opts.lastEventId);
    this.sent = new Map([...known].filter(([sub]) => this.subs.includes(sub)));
    const memory = opts.sentViews;
    for (const [sub, hash] of memory ? this.sent : []) {
      const held = memory?.store.recall(memory.owner, sub, hash);
      if (held) this.base.set(sub, held);
    }
    sink.write(encoder.encode(`retry: ${opts.retryMs ?? 2_000}\n\n`));
    if (opts.signal?.aborted) {
      this.close();
      return;
    }
    opts.signal?.addEventListener("abort", () => this.close(), { once: true });
    this.stopHeartbeat = timerWheel(opts.heartbeatMs ?? 15_000).add(() => this.writeBytes(HEARTBEAT));
    for (const sub of this.subs) void this.start(sub, opts.resubscribe?.initialMs ?? 2_000);
  }

  /** For tests and diagnostics: what this connection holds right now. */
  inspect(): { pending: number; queuedBytes: number; subscriptions: number; closed: boolean } {
    return {
      pending: this.pending.size,
      queuedBytes: this.closed ? 0 : this.sink.queued(),
      subscriptions: this.active.size,
      closed: this.closed,
    };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.stopHeartbeat?.();
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const sub of this.active.values()) sub.close();
    this.active.clear();
    this.pending.clear();
    try {
      this.sink.end();
    } catch {
      // already closed or errored by the consumer
    }
  }

  private async start(sub: LiveSub, backoffMs: number): Promise<void> {
    const result = await this.opts.subscribe(sub, (update) => this.onUpdate(sub, update));
    if (this.closed) {
      if (result.ok) result.data.close();
      return;
    }
    if (result.ok) {
      this.active.set(sub, result.data);
      return;
    }
    this.offer(sub, { event: "problem", error: result.error });
    if (!retryable(result.error)) return;
    const max = this.opts.resubscribe?.maxMs ?? 30_000;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.closed) void this.start(sub, Math.min(backoffMs * 2, max));
    }, backoffMs);
    this.timers.add(timer);
  }

  private onUpdate(sub: LiveSub, update: LiveUpdate<unknown>): void {
    if (this.closed) return;
    if (update.type === "revoked") {
      this.active.delete(sub);
      this.offer(sub, { event: "revoked", error: update.error });
      return;
    }
    const { change } = update;
    if (change) {
      this.offer(sub, { event: "view", view: change.encoded, hash: change.hash, change });
      return;
    }
    const view = update.encoded ?? encodeView(update.view as Record<string, unknown>);
    this.offer(sub, { event: "view", view, hash: viewHash(view.json) });
  }

  /** Replaces whatever was pending for `sub`: only its latest state matters. */
  private offer(sub: LiveSub, message: Pending): void {
    // The client already holds exactly this (a resumed connection, a change undone, a retry that
    // failed the same way again): nothing to send, and an older pending message is moot.
    const held =
      message.event === "view"
        ? this.sent.get(sub) === message.hash && !this.troubled.has(sub)
        : message.event === "problem" && this.troubled.get(sub) === JSON.stringify(wireError(message.error));
    if (held) this.pending.delete(sub);
    else this.pending.set(sub, message);
    this.flush();
  }

  /** Sends what waits, while the sink has room. */
  flush(): void {
    while (!this.closed && this.pending.size > 0 && this.sink.ready()) {
      const [sub, message] = this.pending.entries().next().value as [LiveSub, Pending];
      this.pending.delete(sub);
      this.writeBytes(this.encode(sub, message));
    }
  }

  private encode(sub: LiveSub, m: Pending): Uint8Array {
    if (m.event === "view") {
      const base = this.base.get(sub);
      const baseHash = base && this.sent.get(sub);
      this.sent.set(sub, m.hash);
      this.base.set(sub, m.view);
      this.opts.sentViews?.store.remember(this.opts.sentViews.owner, sub, m.hash, m.view);
      this.troubled.delete(sub);
      const id = formatEventId(this.subs, this.sent);
      const whole = () => frame("view", `{"sub":${JSON.stringify(sub)},"view":${m.view.json}}`, id);
      const patchFrame = (patch: string) => frame("patch", `{"sub":${JSON.stringify(sub)},"patch":${patch}}`, id);
      const { change } = m;
      // The client holds the shared view's previous one: the patch (or view) every such client gets.
      const shared = base ? change?.patchFrom(baseHash) : null;
      if (change && shared !== undefined) {
        return shared === null
          ? change.bytes(`view ${id}`, whole)
          : change.bytes(`patch ${id}`, () => patchFrame(shared));
      }
      if (!base) return encoder.encode(whole());
      // Any other base (a resumed or moved viewer): this connection's own diff.
      const patch = worthPatching(JSON.stringify(diffView(base, m.view)), m.view);
      return encoder.encode(patch === null ? whole() : patchFrame(patch));
    }
    const error = JSON.stringify(wireError(m.error));
    const data = `{"sub":${JSON.stringify(sub)},"error":${error}}`;
    if (m.event === "problem") {
      this.troubled.set(sub, error);
      return encoder.encode(frame("problem", data));
    }
    // A revoked sub leaves the id too, so a reconnect never suppresses a view the client dropped.
    this.sent.delete(sub);
    this.base.delete(sub);
    this.troubled.delete(sub);
    return encoder.encode(frame("revoked", data, formatEventId(this.subs, this.sent)));
  }

  /** Enqueues only while the client keeps up; heartbeats are simply skipped otherwise. */
  private writeBytes(bytes: Uint8Array): void {
    if (this.closed || !this.sink.ready()) return;
    this.sink.write(bytes);
  }
}

function frame(event: LiveEventName, data: string, id?: string): string {
  return `event: ${event}\n${id === undefined ? "" : `id: ${id}\n`}data: ${data}\n\n`;
}

const highWaterMark = (opts: LiveStreamOptions) => opts.highWaterMark ?? 64 * 1024;

/** A connection whose bytes are a web stream (a Response body), pulled by its reader. */
export function openLiveStream(opts: LiveStreamOptions): LiveConnection & { stream: ReadableStream<Uint8Array> } {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let connection: LiveConnection | undefined;
  const stream = new ReadableStream<Uint8Array>(
    {
      start: (c) => {
        controller = c;
      },
      pull: () => connection?.flush(),
      cancel: () => connection?.close(),
    },
    { highWaterMark: highWaterMark(opts), size: (chunk) => chunk.byteLength },
  );
  const hwm = highWaterMark(opts);
  connection = new LiveConnection(opts, {
    write: (bytes) => controller.enqueue(bytes),
    ready: () => (controller.desiredSize ?? 0) > 0,
    queued: () => hwm - (controller.desiredSize ?? hwm),
    end: () => controller.close(),
  });
  return Object.assign(connection, { stream });
}

/**
 * A connection written straight to a Node response (the live route): no web stream between the
 * two, so thousands of open connections hold only the response and this. The response's own
 * high-water mark bounds what waits for the client (Node's, not `highWaterMark`): once a write
 * fills it, messages wait here until it drains. Headers go first.
 */
export function openLiveResponse(opts: LiveStreamOptions, res: ServerResponse): LiveConnection {
  const connection = new LiveConnection(opts, {
    write: (bytes) => void res.write(bytes),
    ready: () => !res.writableNeedDrain,
    queued: () => res.writableLength,
    end: () => res.end(),
  });
  res.on("drain", () => connection.flush());
  res.once("close", () => connection.close());
  return connection;
}
