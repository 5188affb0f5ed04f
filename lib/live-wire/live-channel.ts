// One EventSource per page (per react-query client) for every live sub the page's components
// use. Components register their subs; the channel (re)opens one stream for the union and writes
// each message into the cache. No React here, so it works with any number of components.
import type { QueryClient } from "@tanstack/react-query";
import { type LiveEntry, queryKeys } from "./keys";
import {
  formatEventId,
  type LiveError,
  type LiveSub,
  type PatchMessage,
  parseEventId,
  type ViewMessage,
} from "./live-protocol";
import { applyPatch } from "./view-patch";

/** connecting: first attempt; open: receiving; reconnecting: the browser retries; closed: we retry later */
export type ConnectionState = "idle" | "connecting" | "open" | "reconnecting" | "closed";

type Source = Pick<EventSource, "addEventListener" | "close" | "readyState"> & {
  onopen: ((this: EventSource, ev: Event) => unknown) | null;
  onerror: ((this: EventSource, ev: Event) => unknown) | null;
};

export class LiveChannel {
  private readonly counts = new Map<LiveSub, number>();
  private source?: Source;
  private openedFor = "";
  private lastEventId = "";
  private state: ConnectionState = "connecting";
  private readonly listeners = new Set<() => void>();
  private reopenTimer?: ReturnType<typeof setTimeout>;
  private failures = 0;

  constructor(
    private readonly client: QueryClient,
    private readonly create: (url: string) => Source = (url) => new EventSource(url),
  ) {}

  /** Registers subs for as long as the returned function is not called. */
  add(subs: readonly LiveSub[]): () => void {
    for (const s of subs) this.counts.set(s, (this.counts.get(s) ?? 0) + 1);
    this.schedule(0);
    return () => {
      for (const s of subs) {
        const n = (this.counts.get(s) ?? 1) - 1;
        if (n > 0) this.counts.set(s, n);
        else this.counts.delete(s);
      }
      this.schedule(0);
    };
  }

  /**
   * The cache holds a view the server rendered and remembered under `hash`: unless the channel
   * already knows a newer one for `sub`, its next stream resumes from it (nothing is sent twice).
   */
  resumeFrom(sub: LiveSub, hash: string): void {
    const known = parseEventId(this.lastEventId);
    if (known.has(sub)) return;
    known.set(sub, hash);
    this.lastEventId = formatEventId([...known.keys()], known);
  }

  getState = (): ConnectionState => this.state;

  subscribeState = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private setState(state: ConnectionState) {
    if (state === this.state) return;
    this.state = state;
    for (const l of this.listeners) l();
  }

  /** Batches mounts and unmounts of one render (and navigations) into one reopen. */
  private schedule(delayMs: number) {
    clearTimeout(this.reopenTimer);
    this.reopenTimer = setTimeout(() => this.reopen(), delayMs);
  }

  private reopen(force = false) {
    const subs = [...this.counts.keys()].sort();
    const wanted = subs.join("&");
    if (!force && wanted === this.openedFor && this.source) return;
    this.source?.close();
    this.source = undefined;
    this.openedFor = wanted;
    if (subs.length === 0) return this.setState("idle");
    const query = new URLSearchParams(subs.map((s) => ["sub", s]));
    const resume = this.resumeId(subs);
    if (resume) query.set("lastEventId", resume);
    const source = this.create(`/api/live?${query}`);
    this.source = source;
    this.setState("connecting");
    source.onopen = () => {
      this.failures = 0;
      this.setState("open");
    };
    source.onerror = () => {
      if (this.source !== source) return;
      // CONNECTING: the browser retries by itself (with Last-Event-ID). CLOSED: it gave up (the
      // server answered an error, e.g. 401 after the session expired); try again later ourselves.
      if (source.readyState !== 2) return this.setState("reconnecting");
      this.setState("closed");
      this.failures++;
      clearTimeout(this.reopenTimer);
      this.reopenTimer = setTimeout(() => this.reopen(true), Math.min(2_000 * 2 ** this.failures, 30_000));
    };
    source.addEventListener("view", (e) => {
      const m = JSON.parse((e as MessageEvent<string>).data) as ViewMessage;
      this.lastEventId = (e as MessageEvent).lastEventId;
      this.write(m.sub, () => ({ view: m.view }));
    });
    source.addEventListener("patch", (e) => {
      const m = JSON.parse((e as MessageEvent<string>).data) as PatchMessage;
      const prev = this.client.getQueryData<LiveEntry<unknown>>(queryKeys.live.sub(m.sub));
      // A patch needs the view this connection sent last. Without it (the component left and
      // came back), start over: a reopen without the sub's hash makes the server send it whole.
      if (!prev?.view) return this.reopen(true);
      this.lastEventId = (e as MessageEvent).lastEventId;
      this.write(m.sub, () => ({ view: applyPatch(prev.view, m.patch) }));
    });
    source.addEventListener("problem", (e) => {
      const m = JSON.parse((e as MessageEvent<string>).data) as { sub: LiveSub; error: LiveError };
      this.write(m.sub, (prev) => ({ ...prev, problem: m.error }));
    });
    source.addEventListener("revoked", (e) => {
      const m = JSON.parse((e as MessageEvent<string>).data) as { sub: LiveSub; error: LiveError };
      this.lastEventId = (e as MessageEvent).lastEventId;
      this.write(m.sub, () => ({ problem: m.error, revoked: true }));
    });
  }

  private write(sub: LiveSub, next: (prev: LiveEntry<unknown> | undefined) => LiveEntry<unknown>) {
    if (!this.counts.has(sub)) return;
    this.client.setQueryData<LiveEntry<unknown>>(queryKeys.live.sub(sub), next);
  }

  /** Only hashes of views the cache still holds: anything else must be sent again. */
  private resumeId(subs: LiveSub[]): string {
    const known = parseEventId(this.lastEventId);
    for (const s of [...known.keys()]) {
      const entry = this.client.getQueryData<LiveEntry<unknown>>(queryKeys.live.sub(s));
      if (!subs.includes(s) || !entry?.view) known.delete(s);
    }
    return formatEventId(subs, known);
  }
}

const channels = new WeakMap<QueryClient, LiveChannel>();

export function liveChannel(client: QueryClient): LiveChannel {
  let channel = channels.get(client);
  if (!channel) {
    channel = new LiveChannel(client);
    channels.set(client, channel);
  }
  return channel;
}
