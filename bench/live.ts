// Real-time figures: phones (worker threads, loopback) join rooms at a given pace, a moderator
// opens a poll, every phone votes within a window, and screens (and a sample of phones) stamp
// every `results` they get. The same run against a bare Socket.IO server is the baseline.
//
// vote→screen latency: each acknowledged vote carries the poll's `seq` after it was committed;
// the first `results` a screen gets with a seq at least as high is the first that includes it.
//
// Each phase is in bench/live/: room set-up, join, idle memory, vote phases, latencies, the
// check that nothing acknowledged was lost, and the figures.
import { mkdirSync } from "node:fs";
import { openFilesLimit } from "./lib/proc.js";
import type { ScenarioOutcome } from "./lib/report.js";
import { figuresOf } from "./live/figures.js";
import { measure } from "./live/measure.js";
import { bareTarget, tribuneTarget } from "./live/targets.js";
import type { LiveMeasurement, LiveOptions } from "./live/types.js";

export type { LiveMeasurement, LiveOptions, PhaseFigures } from "./live/types.js";

export async function runLive(options: LiveOptions): Promise<ScenarioOutcome> {
  const started = performance.now();
  const total = options.rooms.reduce((s, r) => s + r.size, 0);
  const limit = openFilesLimit();
  if (total + 500 > limit) {
    return {
      name: options.scenario,
      status: "failed",
      reason: `${total} phones need more than ${limit} open files (ulimit -n): raise it, e.g. 'ulimit -n 65536', or lower the size`,
      seconds: 0,
      figures: [],
    };
  }
  if (options.profileDir) mkdirSync(options.profileDir, { recursive: true });
  if (options.heapDir) mkdirSync(options.heapDir, { recursive: true });
  const tag = Date.now().toString(36);
  options.log(
    `${options.scenario}: ${total} phones in ${options.rooms.length} room(s) on ${options.nodes} node(s), ${options.workers} generator worker(s), ${options.client} client`,
  );

  const tribune = await tribuneTarget(options);
  let t: LiveMeasurement;
  try {
    t = await measure(tribune, options, `t${tag}`);
  } finally {
    await tribune.stop();
  }
  let b: LiveMeasurement | null = null;
  if (options.baseline) {
    options.log(`${options.scenario}: bare Socket.IO baseline`);
    const bare = await bareTarget();
    try {
      b = await measure(bare, options, `b${tag}`);
    } finally {
      await bare.stop();
    }
  }
  const others = [t, b].flatMap((m) => (m ? [m.join.otherCpu, ...m.phases.map((p) => p.otherCpu)] : []));
  return {
    name: options.scenario,
    status: "ok",
    seconds: (performance.now() - started) / 1000,
    othersCpu: Math.max(0, ...others.filter(Number.isFinite)),
    figures: figuresOf(options, t, b),
    details: { options: { ...options, log: undefined }, tribune: t, bare: b },
  };
}
