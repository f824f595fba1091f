// The reaction coalescer on a fake clock: vitest's timers, `now` reading the same clock.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ReactionCoalescer, type ReactionFlush } from "../../server/service/reaction-coalescer.js";

const TICK = 250;

function coalescer() {
  const flushes: [number, string, ReactionFlush][] = [];
  const c = new ReactionCoalescer(
    (code, what) => flushes.push([Date.now(), code, what]),
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

describe("ReactionCoalescer", () => {
  it("sends an idle room's first reaction at once, to screens, to other nodes and to the store", async () => {
    const { c, flushes } = coalescer();
    c.add("ROOM01", "👏");
    await vi.advanceTimersByTimeAsync(0);
    expect(flushes).toEqual([[1_000_000, "ROOM01", { send: { "👏": 1 }, share: { "👏": 1 }, save: { "👏": 1 } }]]);
    c.close();
  });

  it("adds up a storm into one message per tick per room, each reaction once", async () => {
    const { c, flushes } = coalescer();
    for (let ms = 0; ms < 1000; ms += 1) {
      c.add("ROOM01", ms % 2 ? "👏" : "🎉");
      c.add("ROOM01", "❤️");
      await vi.advanceTimersByTimeAsync(1);
    }
    await vi.advanceTimersByTimeAsync(TICK);
    const times = flushes.map(([at]) => at);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(TICK);
    expect(flushes.length).toBeLessThanOrEqual(5);
    const total: Record<string, number> = {};
    for (const [, , what] of flushes) for (const [e, n] of Object.entries(what.send ?? {})) total[e] = (total[e] ?? 0) + n;
    expect(total).toEqual({ "👏": 500, "🎉": 500, "❤️": 1000 });
    c.close();
  });

  it("keeps rooms apart", async () => {
    const { c, flushes } = coalescer();
    c.add("ROOM01", "👍");
    c.add("ROOM02", "😮");
    await vi.advanceTimersByTimeAsync(0);
    expect(flushes.map(([, code, what]) => [code, what.send])).toEqual([
      ["ROOM01", { "👍": 1 }],
      ["ROOM02", { "😮": 1 }],
    ]);
    c.close();
  });

  it("shows what other nodes shared without sharing or saving it again", async () => {
    const { c, flushes } = coalescer();
    c.merge("ROOM01", { "😂": 7 });
    await vi.advanceTimersByTimeAsync(0);
    expect(flushes).toEqual([[1_000_000, "ROOM01", { send: { "😂": 7 } }]]);
    c.close();
  });

  it("saves again at the next tick what a failed write gave back, without sending it twice", async () => {
    const { c, flushes } = coalescer();
    c.add("ROOM01", "👏");
    await vi.advanceTimersByTimeAsync(0);
    c.retrySave("ROOM01", { "👏": 1 });
    await vi.advanceTimersByTimeAsync(TICK);
    expect(flushes[1]).toEqual([1_000_000 + TICK, "ROOM01", { save: { "👏": 1 } }]);
    c.close();
  });
});
