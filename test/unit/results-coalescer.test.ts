// The results coalescer on a fake clock: the timers are vitest's, `now` is injected and reads
// the same fake clock, so every case is exact and instant.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ResultsCoalescer } from "../../server/service/results-coalescer.js";

const TICK = 100;

/** A coalescer whose flushes are recorded as [fake time, code, pollId]. */
function coalescer(fail: (pollId: string) => boolean = () => false) {
  const flushes: [number, string, string][] = [];
  const c = new ResultsCoalescer(
    async (code, pollId) => {
      flushes.push([Date.now(), code, pollId]);
      if (fail(pollId)) throw new Error("the store is unreachable");
    },
    TICK,
    () => Date.now(),
  );
  return { c, flushes };
}

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("ResultsCoalescer", () => {
  it("flushes an idle poll at once (a timer of 0)", async () => {
    const { c, flushes } = coalescer();
    c.mark("ROOM01", "p1");
    expect(flushes).toEqual([]);
    await vi.advanceTimersByTimeAsync(0);
    expect(flushes).toEqual([[1_000_000, "ROOM01", "p1"]]);
    c.close();
  });

  it("holds a second mark within the tick until the last flush plus one tick", async () => {
    const { c, flushes } = coalescer();
    c.mark("ROOM01", "p1");
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(30);
    c.mark("ROOM01", "p1");
    await vi.advanceTimersByTimeAsync(69);
    expect(flushes).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(flushes).toEqual([
      [1_000_000, "ROOM01", "p1"],
      [1_000_000 + TICK, "ROOM01", "p1"],
    ]);
    c.close();
  });

  it("makes one flush of many marks within one tick", async () => {
    const { c, flushes } = coalescer();
    c.mark("ROOM01", "p1");
    await vi.advanceTimersByTimeAsync(0);
    for (let i = 0; i < 50; i++) {
      c.mark("ROOM01", "p1");
      await vi.advanceTimersByTimeAsync(1);
    }
    await vi.advanceTimersByTimeAsync(TICK);
    expect(flushes.map(([at]) => at)).toEqual([1_000_000, 1_000_000 + TICK]);
    c.close();
  });

  it("flushes different polls independently", async () => {
    const { c, flushes } = coalescer();
    c.mark("ROOM01", "p1");
    await vi.advanceTimersByTimeAsync(0);
    c.mark("ROOM01", "p1");
    c.mark("ROOM02", "p2");
    await vi.advanceTimersByTimeAsync(0);
    expect(flushes).toEqual([
      [1_000_000, "ROOM01", "p1"],
      [1_000_000, "ROOM02", "p2"],
    ]);
    await vi.advanceTimersByTimeAsync(TICK);
    expect(flushes.at(-1)).toEqual([1_000_000 + TICK, "ROOM01", "p1"]);
    expect(flushes).toHaveLength(3);
    c.close();
  });

  it("retries a failing flush on the next tick", async () => {
    let failing = true;
    const { c, flushes } = coalescer(() => failing);
    c.mark("ROOM01", "p1");
    await vi.advanceTimersByTimeAsync(0);
    expect(flushes).toHaveLength(1);
    failing = false;
    await vi.advanceTimersByTimeAsync(TICK - 1);
    expect(flushes).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(flushes.map(([at]) => at)).toEqual([1_000_000, 1_000_000 + TICK]);
    // Once it went through, nothing more is sent.
    await vi.advanceTimersByTimeAsync(10 * TICK);
    expect(flushes).toHaveLength(2);
    c.close();
  });

  it("cancels what is scheduled on close", async () => {
    const { c, flushes } = coalescer();
    c.mark("ROOM01", "p1");
    await vi.advanceTimersByTimeAsync(0);
    c.mark("ROOM01", "p1");
    c.close();
    await vi.advanceTimersByTimeAsync(10 * TICK);
    expect(flushes).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});
