// npm run bench [-- --quick] [--scenario congress,10k,…] [size overrides]: runs the scenarios,
// prints progress on stderr and a Markdown table on stdout, writes JSON and Markdown under
// bench/results/. See bench/README.md.
import os from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { runCluster } from "./cluster.js";
import { runHttp } from "./http.js";
import { BENCH_DIR, buildServer } from "./lib/children.js";
import { hasProc, machine, machineCpu, machineCpuPercent } from "./lib/proc.js";
import { buildReport, markdown, type ScenarioOutcome, writeReport } from "./lib/report.js";
import { sleep } from "./lib/stats.js";
import { type LiveOptions, runLive } from "./live.js";
import { runMetrics } from "./metrics.js";
import { runPage } from "./page.js";
import { runQuiz } from "./quiz.js";
import { runReactions } from "./reactions.js";

export const SCENARIOS = ["http", "congress", "10k", "joinstorm", "cluster", "page", "metrics", "reactions", "quiz"] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

const HELP = `Usage: npm run bench -- [options]
  --quick                 every scenario at a reduced size (under 2 minutes)
  --scenario <list>       http,congress,10k,joinstorm,cluster,page,metrics,reactions,quiz or all (default: all)
  --out <dir>             where to write the JSON and Markdown (default: bench/results)
  --profile               CPU profile of every server, per phase (bench/results/profiles/)
  --heap                  heap snapshots of the live servers before and after the join, and
                          the growth per phone by class (bench/results/profiles/)
  --no-baseline           skip the bare Fastify / bare Socket.IO runs of the live scenarios
  --server built|source   run the server compiled by tsc into bench/dist (default) or its .ts via tsx
  --client lean|sio       bulk phones on the lean protocol client (default) or all on socket.io-client
  --workers <n>           load-generator threads (default: number of cores)
  --size <n>              phones of the 10k scenario (default 10000; --quick 1000)
  --plenary <n>           plenary size of the congress (default 200)
  --table <n>             size of each of the three round tables (default 70)
  --cluster-size <n>      phones of the cluster scenario (default 3000; --quick 300)
  --reactors <n>          phones tapping reactions in the reactions scenario (default 400; --quick 100)
  --quiz-phones <n>       phones answering a quiz in the same second (default 1000; --quick 200)
  --reaction-rate <n>     reactions per phone per second (default 5, the contract's limit)
  --storm <s>             seconds of the reaction storm (default 5; --quick 2)
  --voters <n>            phones voting (2 votes/s each) before and during the storm (default 20)
  --join-rate <n>         phones joining per second (default: 10k 500, joinstorm 1000, congress 200, cluster 300)
  --window <s>            seconds within which every phone votes (default 10; --quick 3)
  --burst <s>             seconds within which every phone changes its vote (default 1; 0: none)
  --duration <s>          seconds per HTTP endpoint, and per run of metrics (default 10; --quick 2)
  --connections <n>       autocannon connections (default 50)
  --warmup <s>            unmeasured seconds per HTTP endpoint first (default 2; --quick 1)
  --sample <n>            phones on socket.io-client stamping every results (default 50)
  --kind single|wordcloud the poll of the live scenarios: four options (default), or a word cloud
  --words <n>             distinct answers of a word cloud (default 0: every phone its own word)
  --sources <n>           spread phones over 127.0.0.2… (n addresses; default 8, 0: off)
  --quiet-wait <s>        before each scenario, wait up to s seconds for other processes to leave
                          the CPU (under 25% of one core busy), so they do not skew the figures
  --retry-busy <n>        run a scenario again (up to n times) when other processes took more than
                          half a core during one of its phases; the calmest attempt is kept`;

export interface RunOptions {
  quick: boolean;
  scenarios: ScenarioName[];
  out: string;
  profile: boolean;
  heap: boolean;
  baseline: boolean;
  server: "built" | "source";
  client: "lean" | "sio";
  workers: number;
  size: number;
  plenary: number;
  table: number;
  clusterSize: number;
  reactors: number;
  quizPhones: number;
  reactionRate: number;
  storm: number;
  voters: number;
  joinRate: number | null;
  window: number;
  burst: number;
  duration: number;
  connections: number;
  warmup: number;
  sample: number;
  kind: "single" | "wordcloud";
  words: number;
  sources: number;
  quietWait: number;
  retryBusy: number;
}

export function parseOptions(argv: string[]): RunOptions | "help" {
  const { values } = parseArgs({
    args: argv,
    allowNegative: true,
    options: {
      quick: { type: "boolean", default: false },
      scenario: { type: "string", default: "all" },
      out: { type: "string", default: join(BENCH_DIR, "results") },
      profile: { type: "boolean", default: false },
      heap: { type: "boolean", default: false },
      baseline: { type: "boolean", default: true },
      server: { type: "string", default: "built" },
      client: { type: "string", default: "lean" },
      workers: { type: "string" },
      size: { type: "string" },
      plenary: { type: "string" },
      table: { type: "string" },
      "cluster-size": { type: "string" },
      reactors: { type: "string" },
      "quiz-phones": { type: "string" },
      "reaction-rate": { type: "string" },
      storm: { type: "string" },
      voters: { type: "string" },
      "join-rate": { type: "string" },
      window: { type: "string" },
      burst: { type: "string" },
      duration: { type: "string" },
      connections: { type: "string" },
      warmup: { type: "string" },
      sample: { type: "string" },
      kind: { type: "string", default: "single" },
      words: { type: "string" },
      sources: { type: "string" },
      "quiet-wait": { type: "string" },
      "retry-busy": { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) return "help";
  const quick = values.quick;
  const num = (v: string | undefined, fallback: number) => {
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`not a number: ${v}`);
    return n;
  };
  const list = values.scenario === "all" ? [...SCENARIOS] : values.scenario.split(",").map((s) => s.trim());
  for (const s of list)
    if (!SCENARIOS.includes(s as ScenarioName)) throw new Error(`unknown scenario '${s}' (${SCENARIOS.join(", ")}, all)`);
  if (!["built", "source"].includes(values.server)) throw new Error("--server is built or source");
  if (!["lean", "sio"].includes(values.client)) throw new Error("--client is lean or sio");
  if (!["single", "wordcloud"].includes(values.kind)) throw new Error("--kind is single or wordcloud");
  return {
    quick,
    scenarios: list as ScenarioName[],
    out: values.out,
    profile: values.profile,
    heap: values.heap,
    baseline: values.baseline,
    server: values.server as "built" | "source",
    client: values.client as "lean" | "sio",
    workers: num(values.workers, os.availableParallelism?.() ?? os.cpus().length),
    size: num(values.size, quick ? 1000 : 10_000),
    plenary: num(values.plenary, 200),
    table: num(values.table, 70),
    clusterSize: num(values["cluster-size"], quick ? 300 : 3000),
    reactors: num(values.reactors, quick ? 100 : 400),
    quizPhones: num(values["quiz-phones"], quick ? 200 : 1000),
    reactionRate: num(values["reaction-rate"], 5),
    storm: num(values.storm, quick ? 2 : 5),
    voters: num(values.voters, 20),
    joinRate: values["join-rate"] === undefined ? null : num(values["join-rate"], 0),
    window: num(values.window, quick ? 3 : 10),
    burst: num(values.burst, 1),
    duration: num(values.duration, quick ? 2 : 10),
    connections: num(values.connections, 50),
    warmup: num(values.warmup, quick ? 1 : 2),
    sample: num(values.sample, 50),
    kind: values.kind as "single" | "wordcloud",
    words: num(values.words, 0),
    sources: num(values.sources, 8),
    quietWait: num(values["quiet-wait"], 0),
    retryBusy: num(values["retry-busy"], 0),
  };
}

const log = (line: string) => process.stderr.write(`${line}\n`);

/** Waits until the machine's busy CPU, over 2 s, is under 25% of one core (or `seconds` pass). */
async function waitQuiet(seconds: number, say: (line: string) => void): Promise<void> {
  const until = performance.now() + seconds * 1000;
  for (;;) {
    const since = machineCpu();
    await sleep(2000);
    const busy = machineCpuPercent(since);
    if (busy < 25) return;
    if (performance.now() > until) {
      say(`warning: other processes still use ${Math.round(busy)}% of a core; measuring anyway`);
      return;
    }
    say(`waiting for a quiet machine: other processes use ${Math.round(busy)}% of a core …`);
  }
}

/** Runs the chosen scenarios; a scenario that throws is reported as failed, the others still run. */
export async function runBench(
  options: RunOptions,
  say: (line: string) => void = log,
): Promise<{ outcomes: ScenarioOutcome[]; table: string; file: string }> {
  const startedAt = new Date();
  const m = machine();
  say(
    `machine: ${m.cpuModel} × ${m.cpus}, ${m.memoryGb} GB, Node ${m.node}, ulimit -n ${m.openFilesLimit}, commit ${m.commit?.slice(0, 10) ?? "?"}${m.dirty ? " (uncommitted changes)" : ""}`,
  );
  const load = os.loadavg()[0]!;
  if (load > 0.5)
    say(`warning: load average ${load.toFixed(2)} before the bench: other processes share the CPU, figures will be lower`);
  if (!hasProc()) say("warning: no /proc: server CPU and RSS cannot be read");
  const app = options.server === "built" && options.scenarios.some((s) => s !== "page") ? buildServer(say) : undefined;
  const dumps = join(options.out, "profiles", startedAt.toISOString().replace(/[:.]/g, "-").slice(0, 19));
  const profileDir = options.profile ? dumps : undefined;
  const live = (
    scenario: string,
    rooms: LiveOptions["rooms"],
    joinRate: number,
    extra: Partial<LiveOptions> = {},
  ): LiveOptions => ({
    scenario,
    rooms,
    joinRate: options.joinRate ?? joinRate,
    windowMs: options.window * 1000,
    burstWindowMs: options.burst * 1000,
    ask: 0,
    upvote: 0,
    samplePhones: options.sample,
    kind: options.kind,
    words: options.words,
    workers: options.workers,
    client: options.client,
    nodes: 1,
    app,
    baseline: options.baseline,
    profileDir,
    heapDir: options.heap ? dumps : undefined,
    sourceAddresses: options.sources,
    log: say,
    ...extra,
  });

  const runOne = async (name: ScenarioName): Promise<ScenarioOutcome> => {
    const started = performance.now();
    say(`— ${name} —`);
    try {
      if (name === "http") {
        return await runHttp({
          duration: options.duration,
          connections: options.connections,
          warmup: options.warmup,
          app,
          profileDir,
          log: say,
        });
      }
      if (name === "metrics") {
        return await runMetrics({
          duration: options.duration,
          connections: options.connections,
          warmup: options.warmup,
          app,
          log: say,
        });
      }
      if (name === "congress") {
        const rooms = [
          { name: "Round table A", size: options.table },
          { name: "Round table B", size: options.table },
          { name: "Round table C", size: options.table },
          { name: "Plenary", size: options.plenary },
        ];
        // Polls and Q&A together: a fifth of the phones ask, half upvote; no burst.
        return await runLive(live("congress", rooms, options.quick ? 400 : 200, { ask: 0.2, upvote: 0.5, burstWindowMs: 0 }));
      }
      if (name === "10k")
        return await runLive(live("10k", [{ name: "Plenary", size: options.size }], options.quick ? 1000 : 500));
      if (name === "joinstorm") {
        // 10,000 phones scanning the QR code within 10 s: the join alone, at 1,000/s.
        return await runLive(
          live("joinstorm", [{ name: "Plenary", size: options.size }], 1000, { joinOnly: true, burstWindowMs: 0 }),
        );
      }
      if (name === "cluster") {
        return await runCluster(
          live("cluster", [{ name: "Plenary", size: options.clusterSize }], options.quick ? 600 : 300, { nodes: 3 }),
        );
      }
      if (name === "reactions") {
        return await runReactions({
          reactors: options.reactors,
          rate: options.reactionRate,
          stormSeconds: options.storm,
          voters: options.voters,
          voteRate: 2,
          quietSeconds: options.quick ? 1 : 2,
          screens: 3,
          app,
          baseline: options.baseline,
          log: say,
        });
      }
      if (name === "quiz") {
        return await runQuiz({
          phones: options.quizPhones,
          timeLimit: 5,
          quizzes: 20,
          app,
          baseline: options.baseline,
          log: say,
        });
      }
      return await runPage(say);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      say(`${name}: failed: ${reason}`);
      return { name, status: "failed", reason, seconds: (performance.now() - started) / 1000, figures: [] };
    }
  };

  const outcomes: ScenarioOutcome[] = [];
  for (const name of options.scenarios) {
    let best: ScenarioOutcome | null = null;
    const attempts: number[] = [];
    for (let attempt = 0; attempt <= options.retryBusy; attempt++) {
      if (options.quietWait > 0 && name !== "page") await waitQuiet(options.quietWait, say);
      const outcome = await runOne(name);
      attempts.push(Math.round(outcome.othersCpu ?? 0));
      if (!best || (outcome.status === "ok" && (best.status !== "ok" || (outcome.othersCpu ?? 0) < (best.othersCpu ?? 0))))
        best = outcome;
      if (outcome.status !== "ok" || (outcome.othersCpu ?? 0) <= 50) break;
      if (attempt < options.retryBusy)
        say(`${name}: other processes took ${Math.round(outcome.othersCpu ?? 0)}% of a core meanwhile; running it again`);
    }
    if (attempts.length > 1)
      say(`${name}: kept the attempt with the least interference (others per attempt: ${attempts.join(", ")}%)`);
    outcomes.push(best!);
  }

  const table = markdown(outcomes);
  const report = buildReport(options.quick ? "quick" : "full", startedAt, m, options, outcomes);
  const file = writeReport(options.out, report, table);
  return { outcomes, table, file };
}

async function main(): Promise<void> {
  let options: RunOptions | "help";
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}\n\n${HELP}`);
    process.exit(2);
  }
  if (options === "help") {
    console.log(HELP);
    return;
  }
  // Ctrl-C: exit through process.exit so the child servers are killed.
  process.on("SIGINT", () => process.exit(130));
  process.on("SIGTERM", () => process.exit(143));
  const began = performance.now();
  const { outcomes, table, file } = await runBench(options);
  console.log(`\n${table}\n`);
  const figures = outcomes.flatMap((o) => o.figures).length;
  log(
    `bench: ${outcomes.length} scenario(s), ${figures} figures in ${Math.round((performance.now() - began) / 1000)} s; written to ${file}`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
