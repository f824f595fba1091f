// Three Tribune nodes on one Redis (started on a free port, as test/cluster does). First a
// probe: a vote on one node must reach a screen on another; if it does not, the Redis wiring
// is not there yet and the scenario says "not available" instead of measuring nonsense.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { io, type Socket } from "socket.io-client";
import { type RedisServer, redisBinary, startRedis } from "../test/helpers/redis-server.js";
import { type Child, startChild } from "./lib/children.js";
import type { ScenarioOutcome } from "./lib/report.js";
import { ADMIN_TOKEN, call, createEvent, openPoll, participantId } from "./lib/tribune-api.js";
import { type LiveOptions, runLive } from "./live.js";

function screenOn(url: string, code: string): Promise<Socket> {
  const socket = io(url, { auth: { code, role: "screen" }, transports: ["websocket"], reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once("state", () => resolve(socket));
    socket.once("connect_error", (err) => reject(err));
  });
}

/** Null when three nodes share results through Redis, else the reason they do not. */
async function probe(redisUrl: string, options: LiveOptions): Promise<string | null> {
  const dirs: string[] = [];
  const nodes: Child[] = [];
  const sockets: Socket[] = [];
  try {
    for (let k = 0; k < 3; k++) {
      const dataDir = mkdtempSync(join(tmpdir(), "tribune-bench-probe-"));
      dirs.push(dataDir);
      nodes.push(
        await startChild(`probe-${k}`, "tribune.ts", {
          env: { DATA_DIR: dataDir, ADMIN_TOKEN, LOG_LEVEL: "warn", REDIS_URL: redisUrl, BENCH_APP: options.app ?? "" },
          timeoutMs: 30_000,
        }),
      );
    }
    for (const node of nodes) {
      const ready = await fetch(`${node.url}/readyz`).then((r) => r.json() as Promise<{ store?: string }>);
      if (ready.store !== "redis") return `the node reports store '${ready.store}', not redis`;
    }
    const event = await createEvent(nodes[0]!.url, ["Probe"]);
    const code = event.rooms[0]!.code;
    const pollId = await openPoll(nodes[0]!.url, code);
    const screen = await screenOn(nodes[2]!.url, code);
    sockets.push(screen);
    const seen = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 3000);
      screen.on("results", (r: { voters: number }) => {
        if (r.voters >= 1) {
          clearTimeout(timer);
          resolve(true);
        }
      });
    });
    await call(nodes[1]!.url, "POST", `/api/polls/${pollId}/votes`, { participantId: participantId("probe", 1), choice: [0] });
    if (!(await seen)) return "a vote on node 2 did not reach a screen on node 3 within 3 s (results do not cross nodes)";
    return null;
  } catch (error) {
    return `the nodes did not run on Redis: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`;
  } finally {
    for (const s of sockets) s.close();
    await Promise.all(nodes.map((n) => n.stop()));
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

export async function runCluster(options: LiveOptions): Promise<ScenarioOutcome> {
  const started = performance.now();
  const unavailable = (reason: string): ScenarioOutcome => {
    options.log(`cluster: not available: ${reason}`);
    return {
      name: options.scenario,
      status: "not available",
      reason,
      seconds: (performance.now() - started) / 1000,
      figures: [],
    };
  };
  if (!redisBinary()) return unavailable("redis-server is not installed");
  let redis: RedisServer | null = null;
  try {
    redis = await startRedis();
    options.log(`cluster: redis-server on port ${redis.port}; probing three nodes …`);
    const reason = await probe(redis.url, options);
    if (reason) return unavailable(reason);
    const outcome = await runLive({ ...options, redisUrl: redis.url, baseline: false });
    return { ...outcome, seconds: (performance.now() - started) / 1000 };
  } finally {
    await redis?.destroy();
  }
}
