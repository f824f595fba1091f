// The join: every worker connects its phones at its share of the join rate; the time each
// took, the failures and the CPU it cost.
import { machineCpu, machineCpuPercent, type ProcSampler, selfCpu, selfCpuPercent } from "../lib/proc.js";
import { distribution, round } from "../lib/stats.js";
import type { JoinReport } from "../live-protocol.js";
import type { PhaseProfiler } from "./cpu-profile.js";
import { merge } from "./merge-reports.js";
import type { Target } from "./targets.js";
import type { LiveMeasurement, LiveOptions } from "./types.js";
import type { WorkerPool } from "./worker-pool.js";

export interface JoinOutcome {
  joins: JoinReport[];
  joined: number;
  joinFailed: number;
  /** Seconds from the first connect to the last state. */
  joinSpan: number;
  /** Each join's time on the server, from the TCP accept to its `state`. */
  serverJoinMs: number[];
  serverCpu: number;
  generatorCpu: number;
  machineCpu: number;
  profiles: LiveMeasurement["join"]["profiles"];
}

export async function joinPhones(
  target: Target,
  options: LiveOptions,
  pool: WorkerPool,
  samplers: ProcSampler[],
  profile: PhaseProfiler,
  total: number,
): Promise<JoinOutcome> {
  const { log } = options;
  const progress = new Map<number, number>();
  let lastLog = 0;
  pool.onProgress = (w, joined) => {
    progress.set(w, joined);
    if (performance.now() - lastLog > 2000) {
      lastLog = performance.now();
      log(`  ${target.label}: ${[...progress.values()].reduce((a, b) => a + b, 0)}/${total} phones joined`);
    }
  };
  const joinFrom = performance.now();
  const genJoin = selfCpu();
  const machJoin = machineCpu();
  let joins: JoinReport[] = [];
  const profiles = await profile("join", async () => {
    joins = await pool.all<JoinReport>(
      { type: "join", rate: options.joinRate / pool.workers.length },
      "joined",
      (total / options.joinRate) * 1000 + 90_000,
    );
  });
  const joinTo = performance.now();
  const serverJoinMs = await target.serverJoinTimes();
  const generatorCpu = selfCpuPercent(genJoin);
  const machineBusy = machineCpuPercent(machJoin);
  const joined = joins.reduce((s, r) => s + r.joined, 0);
  const joinFailed = joins.reduce((s, r) => s + r.failed, 0);
  const joinSpan = (Math.max(...joins.map((r) => r.lastDone)) - Math.min(...joins.map((r) => r.firstStart))) / 1000;
  const serverCpu = samplers.reduce((s, p) => s + p.between(joinFrom, joinTo).cpu, 0);
  log(
    `  ${target.label}: ${joined}/${total} joined in ${round(joinSpan)} s (${joinFailed} failed), server CPU ${round(serverCpu)}%, generator CPU ${round(generatorCpu)}%`,
  );
  return { joins, joined, joinFailed, joinSpan, serverJoinMs, serverCpu, generatorCpu, machineCpu: machineBusy, profiles };
}

/** The join's part of a measurement. */
export function joinFigures(target: Target, total: number, j: JoinOutcome) {
  return {
    target: target.label,
    phones: total,
    joined: j.joined,
    joinFailed: j.joinFailed,
    refusedThenJoined: j.joins.reduce((s, r) => s + r.refusedThenJoined, 0),
    joinErrors: merge(j.joins.map((r) => r.errors)),
    joinRate: j.joined / Math.max(0.001, j.joinSpan),
    joinMs: distribution(j.joins.flatMap((r) => r.joinMs)),
    serverJoinMs: distribution(j.serverJoinMs),
    join: {
      serverCpu: j.serverCpu,
      generatorCpu: j.generatorCpu,
      otherCpu: j.machineCpu - j.generatorCpu - j.serverCpu,
      profiles: j.profiles,
    },
  };
}
