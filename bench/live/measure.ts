// One full run against one target, phase by phase: set the rooms up, join, idle memory,
// open the polls, the storm, the burst, then check that nothing acknowledged was lost.
import { ProcSampler } from "../lib/proc.js";
import { sleep } from "../lib/stats.js";
import { AckedVotes } from "./acked-votes.js";
import { phaseProfiler } from "./cpu-profile.js";
import { idleMemory, memoryBeforeJoin } from "./idle-memory.js";
import { joinFigures, joinPhones } from "./join-phase.js";
import { connectScreens, moderatorsWithPolls, phoneSpecs } from "./room-setup.js";
import { ack } from "./sockets.js";
import type { Target } from "./targets.js";
import type { LiveMeasurement, LiveOptions, PhaseFigures } from "./types.js";
import { type Stage, votePhase } from "./vote-phase.js";
import { WorkerPool } from "./worker-pool.js";

/** Opens every room's poll; returns each poll's seq before the first vote. */
async function openPolls(stage: Stage): Promise<Record<string, number>> {
  const { codes, moderators, polls, target } = stage;
  for (const [k, code] of codes.entries()) await ack(moderators[k]!, "poll:open", { pollId: polls[code] });
  await sleep(300);
  const seqBefore: Record<string, number> = {};
  for (const code of codes) seqBefore[code] = (await target.results(polls[code]!)).seq;
  return seqBefore;
}

export async function measure(target: Target, options: LiveOptions, tag: string): Promise<LiveMeasurement> {
  const names = options.rooms.map((r) => r.name);
  const { codes, moderatorKey } = await target.setup(names);
  const urls = target.nodes.map((n) => n.url);
  const samplers = target.nodes.map((n) => new ProcSampler(n.pid, 250));
  const profile = phaseProfiler(target, options);
  const { moderators, polls } = await moderatorsWithPolls(urls, codes, moderatorKey, options.kind);
  const screens = await connectScreens(urls, codes);
  const specs = phoneSpecs(options, codes, urls, tag);
  const total = specs.length;
  const workerCount = Math.max(1, Math.min(options.workers, specs.length));
  const pool = new WorkerPool(
    Array.from({ length: workerCount }, (_, w) => ({
      worker: w,
      urls,
      phones: specs.filter((_, i) => i % workerCount === w),
      client: options.client,
      ackTimeoutMs: 10_000,
      connectTimeoutMs: 30_000,
    })),
  );
  const stage: Stage = { target, options, pool, samplers, profile, codes, names, polls, moderators, screens };

  try {
    const memBefore = await memoryBeforeJoin(target, options);
    const join = await joinPhones(target, options, pool, samplers, profile, total);
    const memIdle = await idleMemory(target, options, memBefore, join.joins);
    const joinPart = joinFigures(target, total, join);
    if (options.heapDir || options.joinOnly) {
      // A heap snapshot blocks the server for seconds, after which its heartbeat timers fire
      // before the pongs are read and drop connections: with --heap, memory is all this run
      // measures. The join storm measures the join alone.
      return { ...joinPart, memIdle, phases: [], lost: [], votesLost: 0, questionsAsked: 0, questionsStored: 0 };
    }

    const seqBefore = await openPolls(stage);
    const acked = new AckedVotes();
    const phases: PhaseFigures[] = [];
    const phaseAsks = [{ phase: "storm", windowMs: options.windowMs, ask: options.ask, upvote: options.upvote }];
    if (options.burstWindowMs > 0) phaseAsks.push({ phase: "burst", windowMs: options.burstWindowMs, ask: 0, upvote: 0 });
    for (const ask of phaseAsks) {
      const { figures, votes } = await votePhase(stage, ask);
      acked.add(votes);
      phases.push(figures);
    }

    const lost = await acked.compare(target, codes, polls, seqBefore);
    let stored = 0;
    for (const code of codes) stored += await target.questions(code);
    return {
      ...joinPart,
      memIdle,
      phases,
      lost,
      votesLost: lost.reduce((s, l) => s + Math.max(0, l.ackedVoters - l.counted), 0),
      questionsAsked: phases.reduce((s, p) => s + p.asks.ok, 0),
      questionsStored: stored,
    };
  } finally {
    for (const s of samplers) s.stop();
    await pool.close();
    for (const s of screens) s.socket.close();
    for (const m of moderators) m.close();
  }
}
