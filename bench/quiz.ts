// A quiz in a plenary: every phone answers within the same second of the opening, then the server
// closes the quiz by itself when its time is up. Beside the bare Socket.IO baseline (which takes
// the same ballots with no validation, no store and no clock) for the ack figures.
//
// Figures: ballots acknowledged, the ballot ack p99 (the same second for every phone), the
// auto-close delay (closesAt → the screen sees the `poll` closing it) and the leaderboard's
// (closesAt → `leaderboard` on the screen); then the auto-close delay over `quizzes` quizzes
// (one per room, opened a fifth of a second apart), min, median and max.
import type { Socket } from "socket.io-client";
import { type Figure, figureAdder, type ScenarioOutcome } from "./lib/report.js";
import { type Distribution, distribution, now, percentile, sleep } from "./lib/stats.js";
import { POLL_OPTIONS } from "./lib/tribune-api.js";
import { ack, connectSio } from "./live/sockets.js";
import { type Target, tribuneThenBare } from "./live/targets.js";
import { connectPhones } from "./reactions.js";

export interface QuizBenchOptions {
  /** Phones answering the quiz within one second. */
  phones: number;
  /** The quiz's time limit, in seconds (5, the contract's least, keeps the run short). */
  timeLimit: number;
  /** Quizzes whose auto-close delay is measured one by one. */
  quizzes: number;
  app?: string | undefined;
  baseline: boolean;
  log: (line: string) => void;
}

interface QuizMeasurement {
  target: string;
  ballotsOk: number;
  ballotErrors: Record<string, number>;
  ballotAck: Distribution;
  /** closesAt → the screen's `poll` closed, and → its `leaderboard` (ms; null on the baseline). */
  closeDelay: number | null;
  leaderboardDelay: number | null;
  /** The ballots the closed quiz counts (must equal those acknowledged). */
  voters: number;
}

const QUIZ = (timeLimit: number) => ({ title: "Bench quiz", kind: "quiz", options: POLL_OPTIONS, correct: [0], timeLimit });

/** Resolves with the wall-clock time (ms) at which `socket` gets the first `event` that matches. */
function seen<T>(socket: Socket, event: string, match: (payload: T) => boolean, ms: number): Promise<number | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      socket.off(event, handler);
      resolve(null);
    }, ms);
    const handler = (payload: T) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(event, handler);
      resolve(now());
    };
    socket.on(event, handler);
  });
}

async function measure(target: Target, options: QuizBenchOptions, tag: string): Promise<QuizMeasurement> {
  const node = target.nodes[0]!;
  const { codes, moderatorKey } = await target.setup(["Plenary"]);
  const code = codes[0]!;
  const moderator = await connectSio(node.url, { code, moderatorKey });
  const screen = await connectSio(node.url, { code, role: "screen" });
  const phones = await connectPhones(node.url, code, `${tag}q`, options.phones);
  options.log(`quiz (${target.label}): ${phones.length} phones answer within one second`);
  const poll = await ack<{ id: string; closesAt?: string }>(moderator, "poll:create", QUIZ(options.timeLimit));
  const wait = (options.timeLimit + 10) * 1000;
  const closed = seen<{ id: string; status: string }>(screen, "poll", (p) => p.id === poll.id && p.status === "closed", wait);
  const board = seen(screen, "leaderboard", () => true, wait);
  const opened = await ack<{ closesAt?: string }>(moderator, "poll:open", { pollId: poll.id });
  const start = performance.now();
  const ackMs: number[] = [];
  const errors: Record<string, number> = {};
  await Promise.all(
    phones.map(async (phone, i) => {
      await sleep((i / phones.length) * 1000 - (performance.now() - start));
      const sent = performance.now();
      const answer = (await phone.emitWithAck("vote", { pollId: poll.id, choice: [i % POLL_OPTIONS.length] })) as {
        ok: boolean;
        error?: { code?: string };
      };
      if (answer.ok) ackMs.push(performance.now() - sent);
      else errors[answer.error?.code ?? "unknown"] = (errors[answer.error?.code ?? "unknown"] ?? 0) + 1;
    }),
  );
  const closesAt = opened.closesAt ? Date.parse(opened.closesAt) : null;
  const [closedAt, boardAt] = closesAt === null ? [null, null] : await Promise.all([closed, board]);
  const { voters } = await target.results(poll.id);
  for (const p of phones) p.close();
  for (const s of [moderator, screen]) s.close();
  return {
    target: target.label,
    ballotsOk: ackMs.length,
    ballotErrors: errors,
    ballotAck: distribution(ackMs),
    closeDelay: closesAt !== null && closedAt !== null ? closedAt - closesAt : null,
    leaderboardDelay: closesAt !== null && boardAt !== null ? boardAt - closesAt : null,
    voters,
  };
}

/** The auto-close delay of `n` quizzes, one per room, each seen by its room's screen (Tribune only). */
async function closeDelays(target: Target, options: QuizBenchOptions): Promise<number[]> {
  const node = target.nodes[0]!;
  const names = Array.from({ length: options.quizzes }, (_, i) => `Room ${i + 1}`);
  const { codes, moderatorKey } = await target.setup(names);
  options.log(`quiz: auto-close of ${codes.length} quizzes, one per room`);
  const rooms = await Promise.all(
    codes.map(async (code) => ({
      moderator: await connectSio(node.url, { code, moderatorKey }),
      screen: await connectSio(node.url, { code, role: "screen" }),
    })),
  );
  const delays = await Promise.all(
    rooms.map(async ({ moderator, screen }, i) => {
      await sleep(i * 200);
      const poll = await ack<{ id: string }>(moderator, "poll:create", QUIZ(options.timeLimit));
      const closed = seen<{ id: string; status: string }>(
        screen,
        "poll",
        (p) => p.id === poll.id && p.status === "closed",
        (options.timeLimit + 10) * 1000,
      );
      const opened = await ack<{ closesAt: string }>(moderator, "poll:open", { pollId: poll.id });
      const at = await closed;
      return at === null ? Number.NaN : at - Date.parse(opened.closesAt);
    }),
  );
  for (const r of rooms) for (const s of [r.moderator, r.screen]) s.close();
  return delays;
}

export async function runQuiz(options: QuizBenchOptions): Promise<ScenarioOutcome> {
  const started = performance.now();
  const tag = Date.now().toString(36);
  const { tribune, bare: b } = await tribuneThenBare(
    options,
    "quiz: bare Socket.IO baseline (ballots taken, nothing closes)",
    async (target) => ({ m: await measure(target, options, `t${tag}`), delays: await closeDelays(target, options) }),
    (target) => measure(target, options, `b${tag}`),
  );
  const { m: t, delays } = tribune;
  const figures: Figure[] = [];
  const add = figureAdder(figures, "quiz");
  // Tribune's value, and the baseline's where it has one (the bare server has no clock: no delay).
  const fig = (
    name: string,
    unit: string,
    pick: (m: QuizMeasurement) => number | null,
    target?: Figure["target"],
    note?: string,
  ) => add(name, unit, pick(t) ?? Number.NaN, b ? (pick(b) ?? undefined) : undefined, target, note);
  fig("ballots acknowledged", `of ${options.phones}`, (m) => m.ballotsOk, { op: ">=", value: options.phones }, errorNote(t));
  fig("ballot ack p99, every phone in the same second", "ms", (m) => m.ballotAck.p99);
  fig("ballot ack p50", "ms", (m) => m.ballotAck.p50);
  fig("acknowledged ballots the closed quiz does not count", "", (m) => Math.abs(m.voters - m.ballotsOk), { op: "<=", value: 0 });
  fig("auto-close delay (closesAt → `poll` closed on the screen)", "ms", (m) => m.closeDelay, { op: "<=", value: 2000 });
  fig("closesAt → `leaderboard` on the screen", "ms", (m) => m.leaderboardDelay, { op: "<=", value: 2000 });
  const sorted = delays.filter(Number.isFinite).sort((x, y) => x - y);
  const over = `auto-close delay over ${options.quizzes} quizzes`;
  add(`${over}: min`, "ms", sorted[0] ?? Number.NaN);
  add(`${over}: median`, "ms", sorted.length ? percentile(sorted, 50) : Number.NaN);
  add(`${over}: max`, "ms", sorted.at(-1) ?? Number.NaN, undefined, { op: "<=", value: 2000 });
  add("quizzes not seen closing", `of ${options.quizzes}`, delays.length - sorted.length, undefined, { op: "<=", value: 0 });
  return {
    name: "quiz",
    status: "ok",
    seconds: (performance.now() - started) / 1000,
    figures,
    details: { options: { ...options, log: undefined }, tribune: t, bare: b, delays },
  };
}

const errorNote = (m: QuizMeasurement): string | undefined =>
  Object.keys(m.ballotErrors).length > 0 ? JSON.stringify(m.ballotErrors) : undefined;
