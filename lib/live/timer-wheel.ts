/**
 * Periodic work for many members from ONE interval: each member runs once per `periodMs`, and the
 * members are spread over `slots` ticks of that period, so 5,000 connections' heartbeats (or
 * viewers' rights re-checks) neither need 5,000 timers nor all fire in the same millisecond.
 * The interval runs only while the wheel has members, and never keeps the process alive.
 */
import { log } from "../log";

export class TimerWheel {
  private readonly buckets: Set<() => void>[];
  private readonly members = new Map<() => void, number>();
  private interval?: ReturnType<typeof setInterval>;
  private hand = 0;
  private next = 0;

  constructor(
    readonly periodMs: number,
    // About one tick per 100 ms: a minute's re-checks of 5,000 viewers go ~8 at a time.
    readonly slots = Math.min(600, Math.max(1, Math.round(periodMs / 100))),
  ) {
    this.buckets = Array.from({ length: slots }, () => new Set());
  }

  /** Runs `fn` once per period from now on; the returned function removes it. */
  add(fn: () => void): () => void {
    // Round robin: members added together are spread evenly, not bunched in the current slot.
    const slot = this.next;
    this.next = (this.next + 1) % this.slots;
    this.buckets[slot].add(fn);
    this.members.set(fn, slot);
    this.interval ??= this.start();
    return () => this.remove(fn);
  }

  get size(): number {
    return this.members.size;
  }

  /** For tests and diagnostics: whether the one interval is running. */
  get running(): boolean {
    return this.interval !== undefined;
  }

  private remove(fn: () => void): void {
    const slot = this.members.get(fn);
    if (slot === undefined) return;
    this.members.delete(fn);
    this.buckets[slot].delete(fn);
    if (this.members.size === 0) {
      clearInterval(this.interval);
      this.interval = undefined;
    }
  }

  private start(): ReturnType<typeof setInterval> {
    const interval = setInterval(() => this.tick(), Math.max(1, Math.round(this.periodMs / this.slots)));
    interval.unref?.();
    return interval;
  }

  private tick(): void {
    this.hand = (this.hand + 1) % this.slots;
    // A copy: a member may remove itself (or others) while running.
    for (const fn of [...this.buckets[this.hand]]) {
      try {
        fn();
      } catch (e) {
        // One member's bug must not starve the others.
        log.error({ err: (e as Error).message }, "a timer wheel member failed");
      }
    }
  }
}

const KEY = Symbol.for("kube-bind-portal.timer-wheels");
const holder = globalThis as typeof globalThis & { [KEY]?: Map<number, TimerWheel> };

/** The process's wheel for `periodMs` (on globalThis: Next.js may load this module per route bundle). */
export function timerWheel(periodMs: number): TimerWheel {
  holder[KEY] ??= new Map();
  let wheel = holder[KEY].get(periodMs);
  if (!wheel) {
    wheel = new TimerWheel(periodMs);
    holder[KEY].set(periodMs, wheel);
  }
  return wheel;
}
