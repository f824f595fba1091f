// One voting phase (the storm, then the burst where everyone changes its vote): the workers
// vote within the window, the screens drain, then latencies, traffic per phone and CPU.
import type { Socket } from "socket.io-client";
import { machineCpu, machineCpuPercent, type ProcSampler, selfCpu, selfCpuPercent } from "../lib/proc.js";
import { distribution, now, round, sleep } from "../lib/stats.js";
import { POLL_OPTIONS } from "../lib/tribune-api.js";
import type { CollectReport, PhoneTraffic, StormReport, VoteColumns } from "../live-protocol.js";
import type { PhaseProfiler } from "./cpu-profile.js";
import { flatten, merge } from "./merge-reports.js";
import type { Screen } from "./sockets.js";
import type { Target } from "./targets.js";
import type { LiveOptions, PhaseFigures } from "./types.js";
import { voteLatencies } from "./vote-latency.js";
import type { WorkerPool } from "./worker-pool.js";

export interface Stage {
  target: Target;
  options: LiveOptions;
  pool: WorkerPool;
  samplers: ProcSampler[];
  profile: PhaseProfiler;
  codes: string[];
  names: string[];
  polls: Record<string, string>;
  moderators: Socket[];
  screens: Screen[];
}

export interface Ask {
  phase: string;
  windowMs: number;
  /** Share of phones asking, and upvoting, during the window. */
  ask: number;
  upvote: number;
}

/** Runs the workers' storm and waits until each room's screens show its last acknowledged vote (at most 5 s). */
async function vote(stage: Stage, ask: Ask, startAt: number): Promise<StormReport[]> {
  const { pool, options, screens, polls } = stage;
  const reports = await pool.all<StormReport>(
    {
      type: "storm",
      phase: ask.phase,
      startAt,
      windowMs: ask.windowMs,
      polls,
      options: POLL_OPTIONS.length,
      kind: options.kind,
      words: options.words,
      ask: ask.ask,
      upvote: ask.upvote,
    },
    "acked",
    ask.windowMs + 60_000,
  );
  const votes = flatten(reports);
  const lastSeq = new Map<string, number>();
  for (let k = 0; k < votes.ok.length; k++) {
    if (votes.ok[k]) lastSeq.set(votes.code[k]!, Math.max(lastSeq.get(votes.code[k]!) ?? 0, votes.seq[k]!));
  }
  const drainUntil = now() + 5000;
  while (now() < drainUntil && !screens.every((s) => (s.seq.at(-1) ?? 0) >= (lastSeq.get(s.code) ?? 0))) await sleep(20);
  return reports;
}

export async function votePhase(stage: Stage, ask: Ask): Promise<{ figures: PhaseFigures; votes: VoteColumns }> {
  const { target, options, pool, samplers, screens, codes, names } = stage;
  const { phase, windowMs } = ask;
  const startAt = now() + 500;
  for (const s of screens) {
    s.epoch = startAt;
    s.at = [];
    s.seq = [];
  }
  await Promise.all(target.nodes.map((n) => n.loopDelay()));
  const phaseFrom = performance.now();
  const gen = selfCpu();
  const mach = machineCpu();
  const elu0 = pool.elu();
  let reports: StormReport[] = [];
  const profiles = await stage.profile(phase, async () => {
    reports = await vote(stage, ask, startAt);
  });
  const genCpu = selfCpuPercent(gen);
  const otherBusy = machineCpuPercent(mach);
  const phaseTo = performance.now();
  const elu = pool.elu().map((e, k) => pool.workers[k]!.performance.eventLoopUtilization(e, elu0[k]).utilization);
  const loop = await Promise.all(target.nodes.map((n) => n.loopDelay()));
  const votes = flatten(reports);
  // The window ends when the last vote is acknowledged and the screens have shown it,
  // and never before the voting window itself.
  const endAt = Math.max(startAt + windowMs, ...votes.ackAt, ...screens.map((s) => s.at.at(-1) ?? 0));
  const collected = await pool.all<CollectReport>({ type: "collect", from: startAt, to: endAt }, "collected", 30_000);
  const traffic: PhoneTraffic[] = collected.flatMap((c) => c.phones);

  const latency = voteLatencies(votes, screens, traffic);
  const okCount = votes.ok.filter(Boolean).length;
  const firstSent = Math.min(...votes.sentAt);
  const lastAck = Math.max(...votes.ackAt);
  const seconds = Math.max(0.001, (endAt - startAt) / 1000);
  const rates = traffic.map((t) => t.messages / seconds);
  const perfFrom = startAt - performance.timeOrigin;
  const perfTo = endAt - performance.timeOrigin;
  const cpu = samplers.map((s) => s.between(perfFrom, perfTo));
  const serverCpu = cpu.reduce((s, c) => s + c.cpu, 0);
  const asks = { ok: 0, failed: 0, errors: merge(reports.map((r) => r.asks.errors)) };
  const upvotes = { ok: 0, failed: 0, errors: merge(reports.map((r) => r.upvotes.errors)) };
  for (const r of reports) {
    asks.ok += r.asks.ok;
    asks.failed += r.asks.failed;
    upvotes.ok += r.upvotes.ok;
    upvotes.failed += r.upvotes.failed;
  }
  const figures: PhaseFigures = {
    phase,
    windowMs,
    votesSent: votes.ok.length,
    votesOk: okCount,
    votesFailed: votes.ok.length - okCount,
    voteErrors: merge(reports.map((r) => r.voteErrors)),
    votesPerSec: okCount / Math.max(0.001, (lastAck - firstSent) / 1000),
    neverShown: latency.neverShown,
    screen: distribution(latency.screen),
    screenByRoom: Object.fromEntries(codes.map((c, k) => [`${names[k]} (${c})`, distribution(latency.byRoom[c] ?? [])])),
    phones: distribution(latency.phones),
    perPhone: {
      messagesPerSec: rates.reduce((a, b) => a + b, 0) / Math.max(1, rates.length),
      messagesPerSecP99: distribution(rates).p99,
      peakMessagesInOneSecond: Math.max(0, ...traffic.map((t) => t.peakMessages)),
      peakResultsInOneSecond: Math.max(0, ...traffic.map((t) => t.peakResults)),
      resultsPerSec: traffic.reduce((a, t) => a + t.results, 0) / Math.max(1, traffic.length) / seconds,
      bytesPerSec: traffic.reduce((a, t) => a + t.bytes, 0) / Math.max(1, traffic.length) / seconds,
      phones: traffic.length,
    },
    asks,
    upvotes,
    seconds,
    serverCpu,
    serverPeakCpu: Math.max(...cpu.map((c) => c.peakCpu)),
    serverLoopDelayP99: Math.max(...loop.map((l) => l.p99)),
    generatorCpu: genCpu,
    generatorMaxWorkerElu: Math.max(...elu),
    otherCpu: otherBusy - genCpu - samplers.reduce((s, p) => s + p.between(phaseFrom, phaseTo).cpu, 0),
    profiles,
  };
  options.log(
    `  ${target.label} ${phase}: ${okCount}/${votes.ok.length} votes acknowledged, ${round(figures.votesPerSec)}/s; vote→screen p50 ${round(figures.screen.p50)} p99 ${round(figures.screen.p99)} ms; ${round(figures.perPhone.messagesPerSec)} msg/phone/s; server CPU ${round(serverCpu)}% (event loop p99 ${figures.serverLoopDelayP99} ms), generator ${round(genCpu)}% (worker ELU max ${round(figures.generatorMaxWorkerElu)})`,
  );
  return { figures, votes };
}
