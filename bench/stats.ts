// Small numeric and timing helpers shared by the bench phases.

/** Nearest-rank percentile (p in 0..100) of a sample; NaN for an empty one. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export interface Summary {
  n: number;
  min: number;
  p50: number;
  p99: number;
  max: number;
}

export function summarize(values: number[]): Summary {
  const at = (p: number) => percentile(values, p);
  return { n: values.length, min: at(0), p50: at(50), p99: at(99), max: at(100) };
}

export const round = (v: number, digits = 1) => (Number.isFinite(v) ? Number(v.toFixed(digits)) : null);
export const ms = (v: number) =>
  !Number.isFinite(v) ? "n/a" : Math.abs(v) >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${v.toFixed(1)} ms`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Runs `task` over `items` with at most `limit` in flight; fails on the first error. */
export async function pool<T>(items: T[], limit: number, task: (item: T, index: number) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await task(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Waits for a marker string to appear in a stream of text (SSE data or watch lines). Arrival
 * times are taken when the chunk arrives, before any parsing, so the bench's own JSON work does
 * not count against the portal. Register the marker BEFORE the write that produces it.
 */
export class MarkerWatch {
  private pending = new Map<string, (at: number) => void>();

  /** feed every received text with the time its last chunk arrived */
  feed(text: string, at: number): void {
    for (const [marker, resolve] of this.pending) {
      if (text.includes(marker)) {
        this.pending.delete(marker);
        resolve(at);
      }
    }
  }

  /** resolves with the arrival time, or undefined after `timeoutMs` */
  expect(marker: string, timeoutMs: number): Promise<number | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(marker);
        resolve(undefined);
      }, timeoutMs);
      this.pending.set(marker, (at) => {
        clearTimeout(timer);
        resolve(at);
      });
    });
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` returns a truthy value or the time is up (then returns undefined). */
export async function until<T>(check: () => Promise<T | undefined | false>, timeoutMs: number, everyMs = 250) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) return undefined;
    await sleep(everyMs);
  }
}
