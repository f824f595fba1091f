// The cost of GET /metrics: GET /api/rooms/:code under autocannon, without and with a
// Prometheus-like scrape of /metrics every second, on one Tribune node in a child process,
// alternated (without, with, without, with) so a drift of the machine's speed falls on both.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cannon, line, type Measured, seedReadRoom } from "./http.js";
import { startChild } from "./lib/children.js";
import { type Figure, figureAdder, type ScenarioOutcome } from "./lib/report.js";
import { distribution, round } from "./lib/stats.js";
import { ADMIN_TOKEN, createEvent } from "./lib/tribune-api.js";

export interface MetricsBenchOptions {
  /** Seconds per measured run (four runs). */
  duration: number;
  connections: number;
  warmup: number;
  app?: string | undefined;
  /** Milliseconds between scrapes (Prometheus' default is 15 s; 1 s is a harsh setting). */
  scrapeEveryMs?: number;
  log: (line: string) => void;
}

interface Scrapes {
  ms: number[];
  bytes: number;
  failed: number;
}

/** Scrapes like Prometheus: one GET at a time, every `everyMs`, timing each. */
function scraper(url: string, everyMs: number): { stop(): Promise<Scrapes> } {
  const result: Scrapes = { ms: [], bytes: 0, failed: 0 };
  let running: Promise<void> = Promise.resolve();
  const scrape = async () => {
    const from = performance.now();
    try {
      const res = await fetch(`${url}/metrics`);
      const text = await res.text();
      if (res.status !== 200) throw new Error(String(res.status));
      result.ms.push(performance.now() - from);
      result.bytes = text.length;
    } catch {
      result.failed++;
    }
  };
  const timer = setInterval(() => {
    running = running.then(scrape);
  }, everyMs);
  return {
    async stop() {
      clearInterval(timer);
      await running;
      return result;
    },
  };
}

const mean = (runs: Measured[], pick: (m: Measured) => number) => runs.reduce((sum, m) => sum + pick(m), 0) / runs.length;

export async function runMetrics(options: MetricsBenchOptions): Promise<ScenarioOutcome> {
  const started = performance.now();
  const { log } = options;
  const every = options.scrapeEveryMs ?? 1000;
  const run = { duration: options.duration, connections: options.connections };
  const dataDir = mkdtempSync(join(tmpdir(), "tribune-bench-metrics-"));
  log("metrics: Tribune node");
  const node = await startChild("tribune", "tribune.ts", {
    env: { DATA_DIR: dataDir, ADMIN_TOKEN, LOG_LEVEL: "warn", BENCH_APP: options.app ?? "" },
  });
  const without: Measured[] = [];
  const withScrape: Measured[] = [];
  const scrapes: Scrapes = { ms: [], bytes: 0, failed: 0 };
  try {
    const base = node.url;
    const event = await createEvent(base, ["Read"]);
    const code = event.rooms[0]!.code;
    await seedReadRoom(base, code);
    const path = `/api/rooms/${code}`;
    if (options.warmup > 0) await cannon(node, "warm-up", path, { duration: options.warmup, connections: options.connections });
    for (let pass = 0; pass < 2; pass++) {
      const a = await cannon(node, "GET /api/rooms/:code", path, run);
      log(line(a));
      without.push(a);
      const scraping = scraper(base, every);
      const b = await cannon(node, `GET /api/rooms/:code, /metrics scraped every ${every / 1000} s`, path, run);
      const s = await scraping.stop();
      log(`${line(b)}\n    ${s.ms.length} scrapes of ${s.bytes} B, ${s.failed} failed`);
      withScrape.push(b);
      scrapes.ms.push(...s.ms);
      scrapes.bytes = s.bytes;
      scrapes.failed += s.failed;
    }
  } finally {
    await node.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  const plain = mean(without, (m) => m.reqPerSec);
  const scraped = mean(withScrape, (m) => m.reqPerSec);
  const times = distribution(scrapes.ms);
  const figures: Figure[] = [];
  const add = figureAdder(figures, "metrics");
  const cpu = (runs: Measured[]) => `server CPU ${round(mean(runs, (m) => m.serverCpu))}%`;
  // The baseline column is the same endpoint without scrapes: the ratio is what scraping leaves.
  add(
    `GET /api/rooms/:code with /metrics every ${every / 1000} s`,
    "req/s",
    scraped,
    plain,
    undefined,
    `without: ${cpu(without)}; with: ${cpu(withScrape)}`,
  );
  // Server CPU per answered request: unlike req/s, it does not drop when other processes take the cores.
  const cpuPerRequest = (runs: Measured[]) => (mean(runs, (m) => m.serverCpu) / 100 / mean(runs, (m) => m.reqPerSec)) * 1e6;
  add("server CPU per GET, with scrapes", "µs", cpuPerRequest(withScrape), cpuPerRequest(without));
  add(
    "GET /api/rooms/:code p99, with scrapes",
    "ms",
    mean(withScrape, (m) => m.p99),
    mean(without, (m) => m.p99),
  );
  add("/metrics scrape time p50 (under load)", "ms", times.p50);
  add("/metrics scrape time max (under load)", "ms", times.max);
  add("/metrics size", "B", scrapes.bytes);
  add("/metrics scrapes failed", "", scrapes.failed, undefined, { op: "<=", value: 0 });
  add(
    "GET /api/rooms/:code errors + non-2xx",
    "",
    [...without, ...withScrape].reduce((n, m) => n + m.errors + m.timeouts + m.non2xx, 0),
    undefined,
    { op: "<=", value: 0 },
  );
  const strip = ({ profile: _p, ...f }: Measured) => f;
  return {
    name: "metrics",
    status: "ok",
    seconds: (performance.now() - started) / 1000,
    othersCpu: Math.max(0, ...[...without, ...withScrape].map((f) => f.otherCpu).filter(Number.isFinite)),
    figures,
    details: {
      without: without.map(strip),
      withScrape: withScrape.map(strip),
      scrapeEveryMs: every,
      scrapes: times,
      connections: options.connections,
      duration: options.duration,
    },
  };
}
