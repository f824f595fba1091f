// Rough figures, not a test: vote rate and vote→results latency through one node and through
// three nodes on one Redis, on this machine, over loopback, for a few seconds each.
//   npx tsx test/cluster/measure.ts [seconds per run, default 5] [HTTP connections, default 48; 0: probes only]
// Nodes are child processes (one event loop each). The load: HTTP votes from another process,
// each with a fresh participant id (per-participant rate limits would refuse a replayed one),
// spread evenly over the nodes. Meanwhile 30 probe phones on sockets vote twice a second; each probe's ack seq is
// matched with the first `results` of at least that seq on a screen of every node.
import { execFile } from "node:child_process";
import { cpus } from "node:os";
import { io, type Socket } from "socket.io-client";
import { api, emitAck, newParticipantId } from "../helpers/clients.js";
import { createEvent, createOpenPoll, pollBody } from "../helpers/fixtures.js";
import { startRedis } from "../helpers/redis-server.js";
import { type ChildNode, ORIGIN, spawnNode } from "./cluster-helpers.js";

const SECONDS = Number(process.argv[2] ?? 5);
const CONNECTIONS = Number(process.argv[3] ?? 48);
const PROBES = 30;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : Number.NaN;
};

function connect(url: string, auth: Record<string, unknown>): Promise<Socket> {
  const socket = io(url, {
    auth,
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    extraHeaders: { origin: ORIGIN },
  });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

/**
 * One load generator, in its own process, so it does not slow the probes' clock: keep-alive
 * HTTP, `connections` requests in flight, each vote with a fresh participant id.
 */
const LOAD = `
const http = require("node:http");
const { randomBytes } = require("node:crypto");
const [urls, connections, seconds] = [process.argv[1].split(","), Number(process.argv[2]), Number(process.argv[3])];
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const end = Date.now() + seconds * 1000;
let ok = 0, errors = 0;
const times = [];
const one = (url) => new Promise((resolve) => {
  const body = JSON.stringify({ participantId: "load_" + randomBytes(12).toString("hex"), choice: [1] });
  const started = process.hrtime.bigint();
  const req = http.request(url, { method: "POST", agent, headers: { "content-type": "application/json", "content-length": body.length } }, (res) => {
    res.resume();
    res.on("end", () => {
      if (res.statusCode === 200) ok++; else errors++;
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
      resolve();
    });
  });
  req.on("error", () => { errors++; resolve(); });
  req.end(body);
});
// Connections spread evenly over the nodes, as a balancer would.
const worker = async (i) => { while (Date.now() < end) await one(urls[i % urls.length]); };
Promise.all(Array.from({ length: connections }, (_, i) => worker(i))).then(() => {
  times.sort((a, b) => a - b);
  console.log(JSON.stringify({ ok, errors, p99: times[Math.floor(times.length * 0.99)] ?? 0 }));
  agent.destroy();
});
`;

function load(urls: string[], pollId: string, connections: number): Promise<{ ok: number; errors: number; p99: number }> {
  const targets = urls.map((url) => `${url}/api/polls/${pollId}/votes`).join(",");
  const args = ["-e", LOAD, targets, String(connections), String(SECONDS)];
  return new Promise((resolve, reject) =>
    execFile(process.execPath, args, { maxBuffer: 1 << 24 }, (error, stdout) => {
      if (error) return reject(error);
      resolve(JSON.parse(stdout.trim()));
    }),
  );
}

async function run(count: number, redisUrl: string) {
  const nodes: ChildNode[] = await Promise.all(Array.from({ length: count }, () => spawnNode(redisUrl)));
  const urls = nodes.map((n) => n.url);
  const sockets: Socket[] = [];
  try {
    const ev = await createEvent(urls[0]!);
    const poll = await createOpenPoll(urls[0]!, ev.moderatorKey, ev.code, pollBody("single", { options: ["A", "B", "C", "D"] }));
    // Screens, one per node: the first time each seq (or a later one) is seen.
    const screens = await Promise.all(urls.map((u) => connect(u, { code: ev.code, role: "screen" })));
    sockets.push(...screens);
    const seen = screens.map((s) => {
      const arrivals: { seq: number; at: number }[] = [];
      s.on("results", (r: { seq: number }) => arrivals.push({ seq: r.seq, at: performance.now() }));
      return arrivals;
    });
    const probes = await Promise.all(
      Array.from({ length: PROBES }, (_, i) => connect(urls[i % count]!, { code: ev.code, participantId: newParticipantId() })),
    );
    sockets.push(...probes);
    const acks: { seq: number; at: number; rtt: number }[] = [];
    let probing = true;
    const probing$ = probes.map(async (p, i) => {
      await sleep((i * 500) / PROBES);
      while (probing) {
        const sent = performance.now();
        const ack = await emitAck(p, "vote", { pollId: poll.id, choice: [i % 4] });
        const at = performance.now();
        if (ack.ok) acks.push({ seq: ack.data.seq, at, rtt: at - sent });
        await sleep(500);
      }
    });

    const started = performance.now();
    const loads = CONNECTIONS > 0 ? [await load(urls, poll.id, CONNECTIONS)] : [];
    if (CONNECTIONS === 0) await sleep(SECONDS * 1000);
    const elapsed = (performance.now() - started) / 1000;
    probing = false;
    await Promise.all(probing$);
    await sleep(300);

    // Latency: a probe's ack → first results of at least its seq, on every node's screen.
    const latencies: number[] = [];
    for (const ack of acks) {
      for (const arrivals of seen) {
        const hit = arrivals.find((a) => a.seq >= ack.seq);
        if (hit) latencies.push(Math.max(0, hit.at - ack.at));
      }
    }
    const ok = loads.reduce((n, l) => n + l.ok, 0) + acks.length;
    const errors = loads.reduce((n, l) => n + l.errors, 0);
    const final = (await api(urls[0]!, "GET", `/api/polls/${poll.id}/results`)).body;
    const perScreen = seen.map((a) => a.length);
    return {
      nodes: count,
      votesPerSecond: Math.round(ok / elapsed),
      errors,
      httpP99: Math.round(Math.max(0, ...loads.map((l) => l.p99))),
      probeAckP50: Math.round(
        pct(
          acks.map((a) => a.rtt),
          50,
        ),
      ),
      probeAckP99: Math.round(
        pct(
          acks.map((a) => a.rtt),
          99,
        ),
      ),
      resultsP50: Math.round(pct(latencies, 50)),
      resultsP99: Math.round(pct(latencies, 99)),
      resultsMax: Math.round(Math.max(...latencies)),
      voters: final.voters,
      resultsPerScreen: `${Math.min(...perScreen)}–${Math.max(...perScreen)} in ${elapsed.toFixed(1)} s`,
    };
  } finally {
    for (const s of sockets) s.close();
    await Promise.all(nodes.map((n) => n.kill("SIGTERM")));
  }
}

const redis = await startRedis({ appendonly: false });
try {
  console.log(
    `${cpus().length} CPUs (${cpus()[0]?.model}), ${SECONDS} s per run, ${CONNECTIONS} HTTP connections, ${PROBES} probes`,
  );
  const rows = [];
  for (const count of [1, 3]) rows.push(await run(count, redis.url));
  console.table(rows);
} finally {
  await redis.destroy();
}
