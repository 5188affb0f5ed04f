// A keyed work queue like client-go's: a key is processed by one worker at a time, adds while it
// runs coalesce into one re-run, failures are retried with per-key exponential backoff and logged
// (one bad object never stops the others), and stop() waits for the running reconciles.
import type { Log } from "./informer";

const MIN_RETRY_MS = 250;
const MAX_RETRY_MS = 30_000;

export class WorkQueue {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly dirty = new Set<string>();
  private readonly failures = new Map<string, number>();
  private stopped = false;

  constructor(
    private readonly name: string,
    private readonly reconcile: (key: string) => Promise<void>,
    private readonly log: Log,
  ) {}

  /** Schedules the key now, or after `delayMs` (an earlier schedule wins). */
  add(key: string, delayMs = 0): void {
    if (this.stopped) return;
    if (delayMs > 0) {
      if (this.timers.has(key)) return;
      const t = setTimeout(() => {
        this.timers.delete(key);
        this.add(key);
      }, delayMs);
      this.timers.set(key, t);
      return;
    }
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    if (this.running.has(key)) {
      this.dirty.add(key);
      return;
    }
    const run = this.run(key).finally(() => {
      this.running.delete(key);
      if (this.dirty.delete(key)) this.add(key);
    });
    this.running.set(key, run);
  }

  private async run(key: string): Promise<void> {
    // Yield first so that a burst of events for the same key coalesces into one reconcile.
    await new Promise((resolve) => setImmediate(resolve));
    if (this.stopped) return;
    try {
      await this.reconcile(key);
      this.failures.delete(key);
    } catch (e) {
      if (this.stopped) return;
      const n = (this.failures.get(key) ?? 0) + 1;
      this.failures.set(key, n);
      const delay = Math.min(MIN_RETRY_MS * 2 ** (n - 1), MAX_RETRY_MS);
      // First failure and then every 5th, so a persistent problem stays visible without flooding.
      if (n === 1 || n % 5 === 0) this.log(`${this.name} ${key}: ${(e as Error).message} (attempt ${n}, retrying)`);
      // A change that arrived meanwhile (dirty) re-runs at once; otherwise back off.
      this.add(key, delay);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    await Promise.allSettled([...this.running.values()]);
  }
}

/** Calls `fn` every `ms` until the returned function is called. */
export function every(ms: number, fn: () => void): () => void {
  const t = setInterval(fn, ms);
  return () => clearInterval(t);
}
