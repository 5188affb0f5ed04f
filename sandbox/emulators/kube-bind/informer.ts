// List+watch cache of one collection, like client-go's informer: lists, then watches from the
// list's resourceVersion, re-lists on 410 Gone, and retries failures (403 before RBAC exists,
// 404 before a CRD is established, a dropped connection) with backoff until stop().
import { ApiError, type KubeClient, type Obj, type WatchEvent } from "./client";

export type Log = (line: string) => void;
export type EventType = "ADDED" | "MODIFIED" | "DELETED";
export type Handler<T extends Obj> = (type: EventType, obj: T, old?: T) => void;

export const keyOf = (o: { metadata: { namespace?: string; name: string } }) =>
  o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : o.metadata.name;

const MIN_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 15_000;

export class Informer<T extends Obj = Obj> {
  private readonly cache = new Map<string, T>();
  private readonly handlers: Handler<T>[] = [];
  private readonly syncWaiters: (() => void)[] = [];
  private abortWatch: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private backoff = MIN_BACKOFF_MS;
  /** the last list/watch failure, for error messages */
  lastError = "";
  synced = false;

  constructor(
    private readonly client: KubeClient,
    readonly path: string,
    private readonly log: Log,
    private readonly query = "",
  ) {}

  on(handler: Handler<T>): this {
    this.handlers.push(handler);
    return this;
  }

  /** Starts listing and watching in the background. */
  start(): this {
    void this.relist();
    return this;
  }

  /** Resolves once the first list has filled the cache (or immediately when it has). */
  waitForSync(): Promise<void> {
    if (this.synced || this.stopped) return Promise.resolve();
    return new Promise((resolve) => this.syncWaiters.push(resolve));
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.abortWatch?.();
    for (const w of this.syncWaiters.splice(0)) w();
  }

  list(): T[] {
    return [...this.cache.values()];
  }

  get(name: string, namespace?: string): T | undefined {
    return this.cache.get(namespace ? `${namespace}/${name}` : name);
  }

  private emit(type: EventType, obj: T, old?: T) {
    for (const h of this.handlers) {
      try {
        h(type, obj, old);
      } catch (e) {
        this.log(`handler for ${this.path} failed: ${(e as Error).message}`);
      }
    }
  }

  private async relist(): Promise<void> {
    if (this.stopped) return;
    let rv: string;
    try {
      const list = await this.client.list<T>(this.path, this.query);
      if (this.stopped) return;
      rv = list.metadata.resourceVersion;
      const seen = new Set<string>();
      for (const item of list.items) {
        const key = keyOf(item);
        seen.add(key);
        const old = this.cache.get(key);
        this.cache.set(key, item);
        if (!old) this.emit("ADDED", item);
        else if (old.metadata.resourceVersion !== item.metadata.resourceVersion) this.emit("MODIFIED", item, old);
      }
      for (const [key, old] of this.cache) {
        if (seen.has(key)) continue;
        this.cache.delete(key);
        this.emit("DELETED", old);
      }
      this.synced = true;
      for (const w of this.syncWaiters.splice(0)) w();
      this.backoff = MIN_BACKOFF_MS;
      this.lastError = "";
    } catch (e) {
      return this.retry(e, () => this.relist());
    }
    this.watchFrom(rv);
  }

  private watchFrom(resourceVersion: string): void {
    if (this.stopped) return;
    let rv = resourceVersion;
    const onEvent = (e: WatchEvent) => {
      if (e.type === "ERROR") throw new ApiError(e.object.code ?? 500, "", e.object.message ?? "watch error");
      rv = e.object.metadata?.resourceVersion ?? rv;
      if (e.type === "BOOKMARK") return;
      const obj = e.object as T;
      const key = keyOf(obj);
      const old = this.cache.get(key);
      if (e.type === "DELETED") {
        this.cache.delete(key);
        this.emit("DELETED", obj);
      } else {
        this.cache.set(key, obj);
        this.emit(old ? "MODIFIED" : "ADDED", obj, old);
      }
    };
    this.abortWatch = this.client.watch(this.path, `resourceVersion=${rv}&${this.query}`, onEvent, (err) => {
      this.abortWatch = undefined;
      if (this.stopped) return;
      if (err === undefined) return this.watchFrom(rv); // server timeout: resume where we were
      if (err instanceof ApiError && err.status === 410) return void this.relist(); // too old: list again
      this.retry(err, () => this.relist());
    });
  }

  private retry(err: unknown, again: () => Promise<void>): void {
    if (this.stopped) return;
    const message = (err as Error).message ?? String(err);
    // One line per distinct failure, not one per retry.
    if (message !== this.lastError) this.log(`list/watch ${this.path} failed (${message}); retrying`);
    this.lastError = message;
    this.timer = setTimeout(() => void again(), this.backoff);
    this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF_MS);
  }
}

/** Waits until all informers synced; on timeout throws with the failures they saw. */
export async function waitForSync(
  informers: Pick<Informer, "synced" | "path" | "lastError" | "waitForSync">[],
  timeoutMs: number,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const pending = informers.filter((i) => !i.synced).map((i) => `${i.path}: ${i.lastError || "no answer"}`);
      reject(new Error(`caches not synced after ${timeoutMs / 1000}s (${pending.join("; ")})`));
    }, timeoutMs);
  });
  try {
    await Promise.race([Promise.all(informers.map((i) => i.waitForSync())), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
