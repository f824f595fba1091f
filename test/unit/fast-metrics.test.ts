// The hot-path histogram must read exactly as prom-client's would: dashboards and alerts
// written against one keep working with the other.
import { Counter, Histogram, Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { FastCounter, FastHistogram } from "../../server/metrics/fast-metrics.js";

const BUCKETS = [0.001, 0.01, 0.1, 1];
const OBSERVED: [string, number][] = [
  ["vote", 0.0004],
  ["vote", 0.001], // on a bound: counted in that bucket, as prom-client does
  ["vote", 0.05],
  ["ask", 2.5], // above every bound: only in +Inf
  ["vote", 0.0101],
  ["ask", 0],
];

describe("FastHistogram", () => {
  it("writes the same exposition text as prom-client's Histogram for the same observations", async () => {
    const reference = new Registry();
    const slow = new Histogram({
      name: "t_seconds",
      help: "Time.",
      labelNames: ["event"],
      buckets: BUCKETS,
      registers: [reference],
    });
    const registry = new Registry();
    const fast = new FastHistogram("t_seconds", "Time.", "event", BUCKETS, registry);
    for (const [event, seconds] of OBSERVED) {
      slow.labels({ event }).observe(seconds);
      fast.observer(event)(seconds);
    }
    const text = await registry.metrics();
    expect(text).toBe(await reference.metrics());
    expect(text).toContain('t_seconds_bucket{le="0.001",event="vote"} 2');
    expect(text).toContain('t_seconds_bucket{le="+Inf",event="ask"} 2');
  });

  it("keeps one series without labels, and one series per label value however often it is asked for", async () => {
    const registry = new Registry();
    const fast = new FastHistogram("u_seconds", "Time.", null, BUCKETS, registry);
    fast.observer()(0.5);
    fast.observer()(0.02);
    const text = await registry.metrics();
    expect(text).toContain('u_seconds_bucket{le="0.1"} 1');
    expect(text).toContain('u_seconds_bucket{le="1"} 2');
    expect(text).toContain("u_seconds_count 2");
    expect(text).toMatch(/u_seconds_sum 0\.52\b/);
  });
});

describe("FastCounter", () => {
  it("writes the same exposition text as prom-client's Counter for the same increments", async () => {
    const reference = new Registry();
    const slow = new Counter({ name: "t_total", help: "Answers.", labelNames: ["event", "outcome"], registers: [reference] });
    const registry = new Registry();
    const fast = new FastCounter<"event" | "outcome">("t_total", "Answers.", registry);
    const ok = fast.incrementer({ event: "vote", outcome: "ok" });
    const late = fast.incrementer({ event: "vote", outcome: "quiz_time_up" });
    for (const [inc, outcome] of [
      [ok, "ok"],
      [ok, "ok"],
      [late, "quiz_time_up"],
      [ok, "ok"],
    ] as const) {
      inc();
      slow.labels({ event: "vote", outcome }).inc();
    }
    const text = await registry.metrics();
    expect(text).toBe(await reference.metrics());
    expect(text).toContain('t_total{event="vote",outcome="ok"} 3');
    // Asked again for the same labels: the same series, not a second line.
    fast.incrementer({ event: "vote", outcome: "ok" })();
    expect((await registry.metrics()).match(/t_total\{event="vote",outcome="ok"\} \d+/g)).toEqual([
      't_total{event="vote",outcome="ok"} 4',
    ]);
  });
});
