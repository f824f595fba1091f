// Live reactions in a plenary: phones tapping reactions at the per-participant limit (a storm of
// thousands a second), a few screens, and other phones voting before and during the storm.
// Tribune coalesces reactions (one `reactions` per room every 250 ms at most); the bare Socket.IO
// baseline relays each one to the screens at once, the naive way, in the same run.
//
// Figures: reactions acknowledged per second; `reactions` messages per screen per second (≤ 4);
// that every acknowledged reaction is counted once, in the stored totals (Tribune: its store's
// totals, read in-process over the child's IPC, since no HTTP route exposes them) and on every
// screen (the sum of the counts it received); and the vote ack p99 before and during the storm.
import { REACTIONS } from "../shared/model.js";
import { LeanSocket } from "./lean-client.js";
import { machineCpu, machineCpuPercent, ProcSampler, selfCpu, selfCpuPercent } from "./lib/proc.js";
import type { Figure, ScenarioOutcome } from "./lib/report.js";
import { type Distribution, distribution, now, sleep } from "./lib/stats.js";
import { POLL_OPTIONS, participantId } from "./lib/tribune-api.js";
import { ack, connectSio } from "./live/sockets.js";
import { type Target, tribuneThenBare } from "./live/targets.js";

export interface ReactionsBenchOptions {
  /** Phones tapping reactions. */
  reactors: number;
  /** Reactions per phone per second (the contract allows five). */
  rate: number;
  /** Seconds of the storm. */
  stormSeconds: number;
  /** Phones voting, before and during the storm. */
  voters: number;
  /** Votes per voting phone per second (the contract allows two, sustained). */
  voteRate: number;
  /** Seconds of votes alone before the storm. */
  quietSeconds: number;
  screens: number;
  app?: string | undefined;
  baseline: boolean;
  log: (line: string) => void;
}

type Counts = Record<string, number>;

export interface ReactionsMeasurement {
  target: string;
  reactionsSent: number;
  reactionsOk: number;
  reactionErrors: Record<string, number>;
  reactionsPerSec: number;
  reactionAck: Distribution;
  acked: Counts;
  stored: Counts;
  /** Σ |stored − acknowledged| over the emojis. */
  storedOff: number;
  /** The worst screen's Σ |received − acknowledged|. */
  screenOff: number;
  messagesPerScreenPerSec: number;
  peakMessagesInOneSecond: number;
  votesQuiet: Distribution;
  votesStorm: Distribution;
  votesFailed: number;
  voteErrors: Record<string, number>;
  serverCpu: number;
  serverLoopDelayP99: number;
  generatorCpu: number;
  /** The machine's busy CPU minus the server's and the generator's, during the storm. */
  otherCpu: number;
}

interface ScreenLog {
  at: number[];
  counts: Counts;
}

const add = (into: Counts, counts: Counts) => {
  for (const [emoji, n] of Object.entries(counts)) into[emoji] = (into[emoji] ?? 0) + n;
};
const off = (a: Counts, b: Counts) =>
  [...new Set([...Object.keys(a), ...Object.keys(b)])].reduce((sum, e) => sum + Math.abs((a[e] ?? 0) - (b[e] ?? 0)), 0);
const errorCode = (answer: unknown) => (answer as { error?: { code?: string } }).error?.code ?? "unknown";

/** Calls `fn` `times` times, every `everyMs` from `startAt` (never early, so the limits hold). */
function every(startAt: number, everyMs: number, times: number, fn: (k: number) => Promise<void>): Promise<void> {
  const pending: Promise<void>[] = [];
  return new Promise((done) => {
    let k = 0;
    const next = () => {
      if (k >= times) return void Promise.all(pending).then(() => done());
      const at = startAt + k * everyMs;
      setTimeout(
        () => {
          pending.push(fn(k++));
          next();
        },
        Math.max(0, at - performance.now()),
      );
    };
    next();
  });
}

export async function connectPhones(url: string, code: string, prefix: string, n: number): Promise<LeanSocket[]> {
  const phones: LeanSocket[] = [];
  // In batches: a whole plenary's handshakes at once would measure the join, not the storm.
  for (let i = 0; i < n; i += 50) {
    const batch = Array.from(
      { length: Math.min(50, n - i) },
      (_, j) => new LeanSocket(url, { code, participantId: participantId(prefix, i + j) }),
    );
    await Promise.all(batch.map((p) => p.ready));
    phones.push(...batch);
  }
  return phones;
}

async function measure(target: Target, options: ReactionsBenchOptions, tag: string): Promise<ReactionsMeasurement> {
  const { log } = options;
  const node = target.nodes[0]!;
  const { codes, moderatorKey } = await target.setup(["Plenary"]);
  const code = codes[0]!;
  const moderator = await connectSio(node.url, { code, moderatorKey });
  const poll = await ack<{ id: string }>(moderator, "poll:create", {
    title: "Should the bench pass?",
    kind: "single",
    options: POLL_OPTIONS,
  });
  await ack(moderator, "poll:open", { pollId: poll.id });
  const screens: ScreenLog[] = [];
  const screenSockets = await Promise.all(
    Array.from({ length: options.screens }, () => connectSio(node.url, { code, role: "screen" })),
  );
  for (const socket of screenSockets) {
    const screen: ScreenLog = { at: [], counts: {} };
    socket.on("reactions", (r: { counts: Counts }) => {
      screen.at.push(now());
      add(screen.counts, r.counts);
    });
    screens.push(screen);
  }
  const reactors = await connectPhones(node.url, code, `${tag}r`, options.reactors);
  const voters = await connectPhones(node.url, code, `${tag}v`, options.voters);
  log(`reactions (${target.label}): ${reactors.length} phones reacting, ${voters.length} voting, ${screens.length} screens`);

  const votes = { quiet: [] as number[], storm: [] as number[], failed: 0, errors: {} as Record<string, number> };
  const vote = (phase: "quiet" | "storm") => (seconds: number) => {
    const startAt = performance.now();
    const gap = 1000 / options.voteRate;
    return Promise.all(
      voters.map((phone, i) =>
        every(startAt + (i / voters.length) * gap, gap, Math.floor(seconds * options.voteRate), async (k) => {
          const sent = performance.now();
          const answer = (await phone.emitWithAck("vote", { pollId: poll.id, choice: [(i + k) % POLL_OPTIONS.length] })) as {
            ok: boolean;
          };
          if (answer.ok) votes[phase].push(performance.now() - sent);
          else {
            votes.failed++;
            const c = errorCode(answer);
            votes.errors[c] = (votes.errors[c] ?? 0) + 1;
          }
        }),
      ),
    );
  };

  await vote("quiet")(options.quietSeconds);

  const acked: Counts = {};
  const reactionErrors: Record<string, number> = {};
  const ackMs: number[] = [];
  let sent = 0;
  let lastAck = 0;
  const sampler = new ProcSampler(node.pid);
  await node.loopDelay();
  const cpuFrom = selfCpu();
  const machineFrom = machineCpu();
  const stormFrom = performance.now();
  const stormAt = now();
  const gap = 1000 / options.rate;
  const storm = Promise.all(
    reactors.map((phone, i) =>
      every(stormFrom + (i / reactors.length) * gap, gap, Math.floor(options.stormSeconds * options.rate), async (k) => {
        const emoji = REACTIONS[(i + k) % REACTIONS.length]!;
        const t = performance.now();
        sent++;
        const answer = (await phone.emitWithAck("react", { emoji })) as { ok: boolean };
        if (answer.ok) {
          lastAck = performance.now();
          ackMs.push(lastAck - t);
          acked[emoji] = (acked[emoji] ?? 0) + 1;
        } else {
          const c = errorCode(answer);
          reactionErrors[c] = (reactionErrors[c] ?? 0) + 1;
        }
      }),
    ),
  );
  await Promise.all([storm, vote("storm")(options.stormSeconds)]);
  const stormTo = performance.now();
  const serverCpu = sampler.between(stormFrom, stormTo).cpu;
  sampler.stop();
  const generatorCpu = selfCpuPercent(cpuFrom);
  const otherCpu = Math.max(0, machineCpuPercent(machineFrom) - serverCpu - generatorCpu);
  const loop = await node.loopDelay();
  // The last tick's message and write: a tick (250 ms) and the write, with room to spare.
  await sleep(1000);
  const stored = await target.reactionTotals(code);

  for (const p of [...reactors, ...voters]) p.close();
  for (const s of [moderator, ...screenSockets]) s.close();

  const stormMs = stormTo - stormFrom;
  const perSecond = screens.map((s) => {
    const buckets = new Map<number, number>();
    for (const t of s.at)
      if (t >= stormAt) buckets.set(Math.floor((t - stormAt) / 1000), (buckets.get(Math.floor((t - stormAt) / 1000)) ?? 0) + 1);
    return { inStorm: s.at.filter((t) => t >= stormAt && t <= stormAt + stormMs).length, peak: Math.max(0, ...buckets.values()) };
  });
  const okCount = ackMs.length;
  return {
    target: target.label,
    reactionsSent: sent,
    reactionsOk: okCount,
    reactionErrors,
    reactionsPerSec: okCount > 0 ? okCount / ((lastAck - stormFrom) / 1000) : 0,
    reactionAck: distribution(ackMs),
    acked,
    stored,
    storedOff: off(stored, acked),
    screenOff: Math.max(0, ...screens.map((s) => off(s.counts, acked))),
    messagesPerScreenPerSec: perSecond.reduce((sum, s) => sum + s.inStorm, 0) / perSecond.length / (stormMs / 1000),
    peakMessagesInOneSecond: Math.max(0, ...perSecond.map((s) => s.peak)),
    votesQuiet: distribution(votes.quiet),
    votesStorm: distribution(votes.storm),
    votesFailed: votes.failed,
    voteErrors: votes.errors,
    serverCpu,
    serverLoopDelayP99: loop.p99,
    generatorCpu,
    otherCpu,
  };
}

export async function runReactions(options: ReactionsBenchOptions): Promise<ScenarioOutcome> {
  const started = performance.now();
  const tag = Date.now().toString(36);
  const { tribune: t, bare: b } = await tribuneThenBare(
    options,
    "reactions: bare Socket.IO baseline (every reaction relayed at once)",
    (target) => measure(target, options, `t${tag}`),
    (target) => measure(target, options, `b${tag}`),
  );
  const figures: Figure[] = [];
  const fig = (name: string, unit: string, pick: (m: ReactionsMeasurement) => number, target?: Figure["target"], note?: string) =>
    figures.push({
      scenario: "reactions",
      name,
      unit,
      value: pick(t),
      ...(b ? { baseline: pick(b) } : {}),
      ...(target ? { target } : {}),
      ...(note ? { note } : {}),
    });
  const load = (m: ReactionsMeasurement) =>
    `${m.target}: server CPU ${Math.round(m.serverCpu)}%, loop p99 ${m.serverLoopDelayP99} ms, generator ${Math.round(m.generatorCpu)}%`;
  const notes = [t, b].flatMap((m) => (m ? [load(m)] : [])).join("; ");
  const offered = options.reactors * options.rate;
  fig(
    "reactions acknowledged",
    "/s",
    (m) => m.reactionsPerSec,
    undefined,
    `${offered}/s offered (${options.reactors} phones × ${options.rate}/s); ${notes}`,
  );
  // At the contract's limit (five a second), none should be refused; above it, refusals are the limit working.
  fig(
    "reactions refused",
    "",
    (m) => m.reactionsSent - m.reactionsOk,
    options.rate <= 5 ? { op: "<=", value: 0 } : undefined,
    Object.keys(t.reactionErrors).length > 0 ? JSON.stringify(t.reactionErrors) : undefined,
  );
  fig("reaction ack p99", "ms", (m) => m.reactionAck.p99);
  // Judged on the worst second, as messages per phone are: an average over a short storm also
  // counts the first, immediate flush (a perfect 250 ms tick gives 4.5/s over 2 s).
  fig("`reactions` messages per screen", "/s", (m) => m.messagesPerScreenPerSec);
  fig("most `reactions` to one screen in one second", "", (m) => m.peakMessagesInOneSecond, { op: "<=", value: 4 });
  fig(
    "acknowledged reactions miscounted in the stored totals",
    "",
    (m) => m.storedOff,
    { op: "<=", value: 0 },
    "Tribune: the store's totals, read in-process",
  );
  fig("acknowledged reactions miscounted on a screen", "", (m) => m.screenOff, { op: "<=", value: 0 });
  fig("vote ack p99 before the storm", "ms", (m) => m.votesQuiet.p99);
  fig(
    "vote ack p99 during the storm",
    "ms",
    (m) => m.votesStorm.p99,
    undefined,
    `${options.voters} phones × ${options.voteRate} votes/s`,
  );
  fig(
    "votes failed",
    "",
    (m) => m.votesFailed,
    { op: "<=", value: 0 },
    Object.keys(t.voteErrors).length > 0 ? JSON.stringify(t.voteErrors) : undefined,
  );
  return {
    name: "reactions",
    status: "ok",
    seconds: (performance.now() - started) / 1000,
    othersCpu: Math.max(0, ...[t, b].flatMap((m) => (m && Number.isFinite(m.otherCpu) ? [m.otherCpu] : []))),
    figures,
    details: { options: { ...options, log: undefined }, tribune: t, bare: b },
  };
}
