// HTTP figures: autocannon (in this process) against a Tribune node and a bare Fastify
// hello-world, each in its own child process, one after the other, so each has the machine's
// second core and its CPU is read apart from the generator's.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon, { type AutocannonRequest, type Result } from "autocannon";
import { type Child, startChild } from "./lib/children.js";
import { machineCpu, machineCpuPercent, ProcSampler, selfCpu, selfCpuPercent } from "./lib/proc.js";
import { formatProfile, type ProfileSummary, summarizeProfile } from "./lib/profile.js";
import { type Figure, figureAdder, type ScenarioOutcome } from "./lib/report.js";
import { round } from "./lib/stats.js";
import { ADMIN_TOKEN, call, createEvent, openPoll, participantId, questionCount, results } from "./lib/tribune-api.js";
import type { MemInfo } from "./servers/ipc.js";

export interface HttpOptions {
  /** Seconds per measured endpoint. */
  duration: number;
  connections: number;
  /** Seconds of unmeasured warm-up per endpoint. */
  warmup: number;
  /** File URL of the built server/app.js, or undefined for the TypeScript source. */
  app?: string | undefined;
  /** Directory for a CPU profile of the server per endpoint, or undefined. */
  profileDir?: string | undefined;
  log: (line: string) => void;
}

export type Measured = CannonFigures & { profile?: ProfileSummary };

export interface CannonFigures {
  title: string;
  reqPerSec: number;
  p50: number;
  p99: number;
  total2xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  serverCpu: number;
  generatorCpu: number;
  /** Other processes, % of a core. */
  otherCpu: number;
  statusCodes: Record<string, number>;
}

export type CannonRun = { duration: number; connections: number; request?: AutocannonRequest; profile?: string | undefined };

export async function cannon(
  child: Child,
  title: string,
  path: string,
  extra: CannonRun,
): Promise<CannonFigures & { profile?: ProfileSummary }> {
  if (extra.profile) await child.request({ type: "profile-start" });
  const sampler = new ProcSampler(child.pid, 200);
  const gen = selfCpu();
  const mach = machineCpu();
  const from = performance.now();
  const result: Result = await autocannon({
    url: child.url + path,
    connections: extra.connections,
    duration: extra.duration,
    timeout: 10,
    requests: extra.request ? [extra.request] : undefined,
    title,
  });
  const to = performance.now();
  const generatorCpu = selfCpuPercent(gen);
  const machineBusy = machineCpuPercent(mach);
  sampler.take();
  const server = sampler.between(from, to);
  sampler.stop();
  const statusCodes: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = count;
  let profile: ProfileSummary | undefined;
  if (extra.profile) {
    await child.request({ type: "profile-stop", file: extra.profile });
    profile = summarizeProfile(extra.profile);
  }
  return {
    ...(profile ? { profile } : {}),
    title,
    reqPerSec: result.requests.mean,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total2xx: result["2xx"],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    serverCpu: server.cpu,
    generatorCpu,
    otherCpu: machineBusy - server.cpu - generatorCpu,
    statusCodes,
  };
}

export const line = (f: CannonFigures & { profile?: ProfileSummary }) =>
  `  ${f.title}: ${round(f.reqPerSec)} req/s, p50 ${f.p50} ms, p99 ${f.p99} ms, non-2xx ${f.non2xx}, errors ${f.errors}, server CPU ${round(f.serverCpu)}%, generator CPU ${round(f.generatorCpu)}%, others ${round(f.otherCpu)}%${
    f.profile ? `\n${formatProfile(f.profile, 12).replace(/^/gm, "    ")}` : ""
  }`;

/** A realistic room to read: an open poll with ballots, a past poll, twenty questions with upvotes. */
export async function seedReadRoom(base: string, code: string): Promise<void> {
  const past = await openPoll(base, code, "Where did you travel from?");
  const readPoll = await openPoll(base, code); // closes the first
  for (let i = 0; i < 60; i++) {
    await call(base, "POST", `/api/polls/${i < 30 ? readPoll : past}/votes`, {
      participantId: participantId("seed", i),
      choice: [i % 4],
    }).catch(() => {});
  }
  for (let i = 0; i < 20; i++) {
    const q = await call<{ id: string }>(base, "POST", `/api/rooms/${code}/questions`, {
      participantId: participantId("seedq", i),
      text: `Seed question number ${i}: how does the speaker see this topic evolving in the next five years?`,
    });
    for (let k = 0; k < i % 5; k++) {
      await call(base, "POST", `/api/questions/${q.id}/upvote`, { participantId: participantId("seedu", k) });
    }
  }
}

/** Pairs of interleaved slices, and the longest slice (seconds; shorter when the runs are, as with --quick). */
const PAIRS = 5;
const PAIR_SECONDS = 3;

interface Pair {
  tribune: CannonFigures;
  bare: CannonFigures;
}

/**
 * The room's state and the same bytes from bare Fastify, in alternating slices of a few seconds:
 * each pair runs within seconds, so a shared machine's drift (the hello-world baseline has moved
 * by 20 % within one run) falls on both halves alike. The median pair is the figure.
 */
async function interleaved(
  tribune: Child,
  tribunePath: string,
  bare: Child,
  barePath: string,
  run: { duration: number; connections: number },
  log: (line: string) => void,
): Promise<Pair[]> {
  const slice = { duration: Math.min(PAIR_SECONDS, Math.max(1, Math.round(run.duration / 2))), connections: run.connections };
  const pairs: Pair[] = [];
  for (let i = 0; i < PAIRS; i++) {
    const pair = {
      tribune: await cannon(tribune, "GET /api/rooms/:code, slice", tribunePath, slice),
      bare: await cannon(bare, "bare GET /payload, slice", barePath, slice),
    };
    pairs.push(pair);
    log(
      `  pair ${i + 1}: ${round(pair.tribune.reqPerSec)} vs ${round(pair.bare.reqPerSec)} req/s (${round(pair.tribune.reqPerSec / pair.bare.reqPerSec)}×), p99 ${pair.tribune.p99} vs ${pair.bare.p99} ms`,
    );
  }
  return pairs;
}

/** The pair of median ratio, and the median p99 of each side. */
function pairedFigures(pairs: Pair[]): { tribune: number; bare: number; tribuneP99: number; bareP99: number } {
  const byRatio = [...pairs].sort((a, b) => a.tribune.reqPerSec / a.bare.reqPerSec - b.tribune.reqPerSec / b.bare.reqPerSec);
  const middle = byRatio[Math.floor(byRatio.length / 2)]!;
  const medianOf = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return {
    tribune: middle.tribune.reqPerSec,
    bare: middle.bare.reqPerSec,
    tribuneP99: medianOf(pairs.map((p) => p.tribune.p99)),
    bareP99: medianOf(pairs.map((p) => p.bare.p99)),
  };
}

export async function runHttp(options: HttpOptions): Promise<ScenarioOutcome> {
  const started = performance.now();
  const { log } = options;
  const run = { duration: options.duration, connections: options.connections };
  const prof = (name: string) => (options.profileDir ? join(options.profileDir, `http-${name}.cpuprofile`) : undefined);
  if (options.profileDir) mkdirSync(options.profileDir, { recursive: true });
  const warm = { duration: options.warmup, connections: options.connections };

  // The bare server is measured before and after Tribune: the baseline is the mean of both, and
  // a drift between them says the machine's speed changed meanwhile (a shared VM does that).
  log("http: bare Fastify hello-world");
  const bare = await startChild("bare-fastify", "bare-fastify.ts");
  let helloBefore: Measured;
  try {
    if (options.warmup > 0) await cannon(bare, "warm-up", "/", warm);
    helloBefore = await cannon(bare, "bare GET / (hello-world), before", "/", run);
    log(line(helloBefore));
  } catch (error) {
    await bare.stop();
    throw error;
  }

  const dataDir = mkdtempSync(join(tmpdir(), "tribune-bench-http-"));
  log("http: Tribune node");
  const node = await startChild("tribune", "tribune.ts", {
    env: { DATA_DIR: dataDir, ADMIN_TOKEN, LOG_LEVEL: "warn", BENCH_APP: options.app ?? "" },
  });
  let get: Measured;
  let votes: Measured;
  let asks: Measured;
  let counted: number;
  let asked: number;
  let stateBody: string;
  let mem: MemInfo;
  let pairs: Pair[];
  try {
    const base = node.url;
    const event = await createEvent(base, ["Read", "Votes", "Questions"]);
    const [readRoom, voteRoom, askRoom] = event.rooms.map((r) => r.code) as [string, string, string];
    await seedReadRoom(base, readRoom);
    stateBody = await (await fetch(`${base}/api/rooms/${readRoom}`)).text();
    const pollId = await openPoll(base, voteRoom);

    let n = 0;
    const runId = Date.now().toString(36);
    const vote: AutocannonRequest = {
      method: "POST",
      headers: { "content-type": "application/json" },
      setupRequest: (req) => ({
        ...req,
        body: JSON.stringify({ participantId: participantId(`v${runId}`, ++n), choice: [n % 4] }),
      }),
    };
    const ask: AutocannonRequest = {
      method: "POST",
      headers: { "content-type": "application/json" },
      setupRequest: (req) => ({
        ...req,
        body: JSON.stringify({
          participantId: participantId(`q${runId}`, ++n),
          text: `Question ${n} from the bench: what about scale?`,
        }),
      }),
    };

    if (options.warmup > 0) await cannon(node, "warm-up", `/api/rooms/${readRoom}`, warm);
    get = await cannon(node, "GET /api/rooms/:code", `/api/rooms/${readRoom}`, { ...run, profile: prof("tribune-get-room") });
    log(line(get));
    await bare.request({ type: "payload", body: stateBody });
    pairs = await interleaved(node, `/api/rooms/${readRoom}`, bare, "/payload", run, log);

    // Votes go to a warm-up poll first, so the measured poll counts exactly the measured run.
    if (options.warmup > 0) {
      const warmPoll = await openPoll(base, askRoom, "warm-up");
      await cannon(node, "warm-up", `/api/polls/${warmPoll}/votes`, { ...warm, request: vote });
    }
    votes = await cannon(node, "POST /api/polls/:id/votes", `/api/polls/${pollId}/votes`, {
      ...run,
      request: vote,
      profile: prof("tribune-post-votes"),
    });
    counted = (await results(base, pollId)).voters;
    log(`${line(votes)}\n    ${votes.total2xx} acknowledged, ${counted} counted`);

    const asksBefore = await questionCount(base, askRoom);
    asks = await cannon(node, "POST /api/rooms/:code/questions", `/api/rooms/${askRoom}/questions`, {
      ...run,
      request: ask,
      profile: prof("tribune-post-questions"),
    });
    asked = (await questionCount(base, askRoom)) - asksBefore;
    log(`${line(asks)}\n    ${asks.total2xx} acknowledged, ${asked} stored`);
    mem = await node.mem();
  } catch (error) {
    await bare.stop();
    throw error;
  } finally {
    await node.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  log("http: bare Fastify again (hello-world, and the same room JSON from memory)");
  let helloAfter: Measured;
  let payload: Measured;
  try {
    helloAfter = await cannon(bare, "bare GET / (hello-world), after", "/", { ...run, profile: prof("bare-get") });
    log(line(helloAfter));
    payload = await cannon(bare, "bare GET /payload (the room's JSON, from memory)", "/payload", {
      ...run,
      profile: prof("bare-payload"),
    });
    log(line(payload));
  } finally {
    await bare.stop();
  }

  const figures: Figure[] = [];
  const add = figureAdder(figures, "http");
  const mean = (a: number, b: number) => (a + b) / 2;
  const hello = {
    ...helloAfter,
    reqPerSec: mean(helloBefore.reqPerSec, helloAfter.reqPerSec),
    p50: mean(helloBefore.p50, helloAfter.p50),
    p99: mean(helloBefore.p99, helloAfter.p99),
    errors: helloBefore.errors + helloAfter.errors,
    non2xx: helloBefore.non2xx + helloAfter.non2xx,
  };
  const drift = helloAfter.reqPerSec / helloBefore.reqPerSec;
  const driftNote =
    Math.abs(drift - 1) > 0.2
      ? ` baseline drifted ${round(helloBefore.reqPerSec)} → ${round(helloAfter.reqPerSec)} req/s during the run: the machine's speed changed`
      : "";
  if (driftNote) log(`warning:${driftNote}`);
  const limit = (f: CannonFigures) =>
    `(server CPU ${round(f.serverCpu)}%, generator ${round(f.generatorCpu)}%, others ${round(f.otherCpu)}%)`;

  add(
    "GET /api/rooms/:code",
    "req/s",
    get.reqPerSec,
    hello.reqPerSec,
    { op: ">=", value: 0.6, onRatio: true },
    `${limit(get)}${driftNote}`,
  );
  add("GET /api/rooms/:code p50", "ms", get.p50, hello.p50);
  add("GET /api/rooms/:code p99", "ms", get.p99, hello.p99, { op: "<=", value: 25 });
  add("GET /api/rooms/:code errors + non-2xx", "", get.errors + get.timeouts + get.non2xx, hello.errors + hello.non2xx, {
    op: "<=",
    value: 0,
  });
  add(
    `GET /api/rooms/:code vs bare Fastify sending the same ${stateBody.length} B`,
    "req/s",
    get.reqPerSec,
    payload.reqPerSec,
    undefined,
    limit(payload),
  );
  const paired = pairedFigures(pairs);
  add(
    `GET /api/rooms/:code vs bare Fastify sending the same JSON, interleaved (median of ${pairs.length} pairs)`,
    "req/s",
    paired.tribune,
    paired.bare,
    { op: ">=", value: 0.6, onRatio: true },
    `ratios ${pairs.map((p) => round(p.tribune.reqPerSec / p.bare.reqPerSec)).join(", ")}`,
  );
  add("GET /api/rooms/:code p99, interleaved (median of the pairs)", "ms", paired.tribuneP99, paired.bareP99, {
    op: "<=",
    value: 10,
  });
  add("POST votes", "req/s", votes.reqPerSec, hello.reqPerSec, undefined, limit(votes));
  add("POST votes p50", "ms", votes.p50, hello.p50);
  add("POST votes p99", "ms", votes.p99, hello.p99);
  add("POST votes errors + non-2xx", "", votes.errors + votes.timeouts + votes.non2xx, undefined, { op: "<=", value: 0 });
  add("POST votes acknowledged but not counted", "", Math.max(0, votes.total2xx - counted), undefined, { op: "<=", value: 0 });
  add("POST questions", "req/s", asks.reqPerSec, hello.reqPerSec, undefined, limit(asks));
  add("POST questions p50", "ms", asks.p50, hello.p50);
  add("POST questions p99", "ms", asks.p99, hello.p99);
  add("POST questions errors + non-2xx", "", asks.errors + asks.timeouts + asks.non2xx, undefined, { op: "<=", value: 0 });
  add("POST questions acknowledged but not stored", "", Math.max(0, asks.total2xx - asked), undefined, { op: "<=", value: 0 });

  const strip = ({ profile: _p, ...f }: Measured) => f;
  return {
    name: "http",
    status: "ok",
    seconds: (performance.now() - started) / 1000,
    othersCpu: Math.max(
      0,
      ...[helloBefore, helloAfter, payload, get, votes, asks].map((f) => f.otherCpu).filter(Number.isFinite),
    ),
    figures,
    details: {
      bareHelloBefore: strip(helloBefore),
      bareHelloAfter: strip(helloAfter),
      barePayload: strip(payload),
      get: strip(get),
      votes: { ...strip(votes), counted },
      asks: { ...strip(asks), stored: asked },
      profiles: [helloAfter, payload, get, votes, asks].map((f) => f.profile).filter(Boolean),
      stateBytes: stateBody.length,
      connections: options.connections,
      duration: options.duration,
      serverMemoryAfter: mem,
    },
  };
}
