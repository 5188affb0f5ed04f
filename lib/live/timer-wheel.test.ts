import { afterEach, describe, expect, it, vi } from "vitest";
import { TimerWheel, timerWheel } from "./timer-wheel";

afterEach(() => {
  vi.useRealTimers();
});

describe("timer wheel", () => {
  it("runs every member exactly once per period from one interval, spread over the period", () => {
    vi.useFakeTimers();
    const wheel = new TimerWheel(1_000, 10);
    const runs = Array.from({ length: 50 }, () => [] as number[]);
    const start = Date.now();
    const removers = runs.map((r) => wheel.add(() => r.push(Date.now() - start)));
    expect(vi.getTimerCount()).toBe(1);

    vi.advanceTimersByTime(3_000);
    for (const r of runs) expect(r).toHaveLength(3);
    // Each member keeps its slot: exactly one period between its runs.
    for (const r of runs) expect([r[1] - r[0], r[2] - r[1]]).toEqual([1_000, 1_000]);
    // 50 members over 10 slots: 5 per tick, never all at once.
    const firsts = new Map<number, number>();
    for (const r of runs) firsts.set(r[0], (firsts.get(r[0]) ?? 0) + 1);
    expect([...firsts.values()]).toEqual(Array(10).fill(5));

    for (const remove of removers.slice(1)) remove();
    expect(wheel.size).toBe(1);
    vi.advanceTimersByTime(1_000);
    expect(runs[0]).toHaveLength(4);
    expect(runs[1]).toHaveLength(3);
    removers[0]();
    expect(wheel.running).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("keeps running the others when one member throws or removes itself", () => {
    vi.useFakeTimers();
    const wheel = new TimerWheel(100, 1);
    let others = 0;
    wheel.add(() => {
      throw new Error("a bug in one member");
    });
    const remove = wheel.add(() => remove());
    wheel.add(() => others++);
    vi.advanceTimersByTime(300);
    expect(others).toBe(3);
    expect(wheel.size).toBe(2);
  });

  it("is one wheel per period for the whole process", () => {
    expect(timerWheel(15_000)).toBe(timerWheel(15_000));
    expect(timerWheel(15_000)).not.toBe(timerWheel(60_000));
    // A minute's re-checks tick every 100 ms, a few viewers at a time.
    expect(timerWheel(60_000).slots).toBe(600);
  });
});
