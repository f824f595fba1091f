// The Redis ports on a real redis-server, several "nodes" in one process: presence counts
// distinct participants across nodes and a silent node's entries expire; rate limits hold
// across nodes with the same rule as the one-node limiter; dirty polls reach every node.
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RedisCluster } from "../../server/cluster/redis-cluster.js";
import { RedisPresence, RedisRateLimiter } from "../../server/cluster/redis-ports.js";
import { RATE_RULES } from "../../server/core/rate-limits.js";
import { LocalRateLimiter } from "../../server/service/local-ports.js";
import { type RedisServer, redisBinary, startRedis } from "../helpers/redis-server.js";
import { waitUntil } from "./cluster-helpers.js";

const available = redisBinary() !== null;
const code = () => randomBytes(3).toString("hex").toUpperCase();
const FAST = { heartbeatMs: 100, ttlMs: 500 };

describe.skipIf(!available)("Redis ports", () => {
  let redis: RedisServer;
  const clients: Redis[] = [];
  const client = () => {
    const c = new Redis(redis.url, { lazyConnect: false });
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    for (const c of clients) c.disconnect();
    await redis?.destroy();
  });

  it("counts distinct participants across nodes, batched per room", async () => {
    const [a, b] = [new RedisPresence(client(), "t:", "node-a", FAST), new RedisPresence(client(), "t:", "node-b", FAST)];
    const [r1, r2] = [code(), code()];
    expect(await a.join(r1, "alice", "s1")).toBe(1);
    await a.join(r1, "alice", "s2"); // a second tab
    await b.join(r1, "alice", "s3"); // and a phone on another node
    expect(await b.join(r1, "bob", "s4")).toBe(2);
    await a.join(r2, "carol", "s5");
    expect(await a.counts([r1, r2, code()])).toEqual([2, 1, 0]);
    expect(await a.leave(r1, "alice", "s1")).toBe(2);
    expect(await a.leave(r1, "alice", "s2")).toBe(2); // still on b
    expect(await b.leave(r1, "alice", "s3")).toBe(1);
    expect(await b.leave(r1, "alice", "s3")).toBe(1); // a repeated leave changes nothing
    await a.forget(r2);
    expect(await b.count(r2)).toBe(0);
    await a.leave(r2, "carol", "s5"); // leaving a forgotten room never makes it negative
    expect(await b.count(r2)).toBe(0);
    await Promise.all([a.close(), b.close()]);
    expect(await client().hlen(`t:{${r1}}:presence`)).toBe(0); // a clean close leaves nothing
  });

  it("drops a silent node's participants once its entries expire, and a pruned node that lives rejoins", async () => {
    const room = code();
    const deadConn = client();
    const [dead, alive] = [
      new RedisPresence(deadConn, "t:", "node-dead", FAST),
      new RedisPresence(client(), "t:", "node-alive", FAST),
    ];
    await dead.join(room, "p1", "s1");
    await dead.join(room, "p2", "s2");
    await alive.join(room, "p2", "s3");
    await alive.join(room, "p3", "s4");
    expect(await alive.count(room)).toBe(3);
    deadConn.disconnect(); // as kill -9: no goodbye, no more heartbeats
    await waitUntil(async () => (await alive.count(room)) === 2, "the dead node's entries expire", 3_000);

    // The node was only cut off: once back, its next heartbeat finds it was pruned and rewrites.
    await deadConn.connect();
    await waitUntil(async () => (await alive.count(room)) === 3, "the pruned node rewrites its entries", 3_000);
    await Promise.all([dead.close(), alive.close()]);
  });

  it("rewrites its entries after writes failed while Redis was away", async () => {
    const room = code();
    const conn = new Redis(redis.url, { enableOfflineQueue: false });
    clients.push(conn);
    await waitUntil(() => conn.status === "ready", "connected");
    const node = new RedisPresence(conn, "t:", "node-flaky", { heartbeatMs: 100, ttlMs: 60_000 });
    await node.join(room, "p1", "s1");
    conn.disconnect(true); // drop the connection; ioredis reconnects on its own
    await expect(node.join(room, "p2", "s2")).rejects.toThrow();
    await expect(node.leave(room, "p1", "s1")).rejects.toThrow();
    const reader = client();
    await waitUntil(
      async () => JSON.stringify(await reader.hkeys(`t:{${room}}:presence`)) === '["p2"]',
      "mirror rewritten",
      3_000,
    );
    await node.close();
  });

  it("holds a participant's rate limit across nodes, with the same rule as one node", async () => {
    const [a, b] = [new RedisRateLimiter(client(), "t:"), new RedisRateLimiter(client(), "t:")];
    const local = new LocalRateLimiter();
    const who = `p-${randomBytes(6).toString("hex")}`;
    const { burst } = RATE_RULES.ask;
    const waits: number[] = [];
    const localWaits: number[] = [];
    for (let i = 0; i <= burst; i++) {
      waits.push(await (i % 2 ? a : b).take("ask", who));
      localWaits.push(await local.take("ask", who));
    }
    expect(waits).toEqual(localWaits);
    expect(waits.slice(0, burst).every((w) => w === 0)).toBe(true);
    expect(waits[burst]).toBe(RATE_RULES.ask.refillSeconds); // 12 s for the next question
    expect(await a.peek("ask", who)).toBe(await local.peek("ask", who));
    expect(await a.peek("wrongKey", who)).toBe(0); // peeking never spends
    expect(await b.take("vote", who)).toBe(0); // buckets are per action
    const ttl = await client().pttl(`t:rate:ask:${who}`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(burst * RATE_RULES.ask.refillSeconds * 1000 + 1000); // gone once full again
    await local.close();
  });

  it("carries a dirty poll to every node, the publisher's own at once", async () => {
    const nodes = await Promise.all([0, 1, 2].map(() => RedisCluster.open(redis.url, { keyPrefix: "dirty-test:" })));
    const seen = nodes.map(() => [] as string[]);
    for (const [i, n] of nodes.entries()) n.dirty.subscribe((c, p) => seen[i]!.push(`${c}/${p}`));
    nodes[0]!.dirty.publish("ROOM01", "poll-1");
    expect(seen[0]).toEqual(["ROOM01/poll-1"]); // synchronously: no round trip for its own sockets
    await waitUntil(() => seen.every((s) => s.length === 1), "every node marks the poll");
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toEqual([["ROOM01/poll-1"], ["ROOM01/poll-1"], ["ROOM01/poll-1"]]); // no echo to the publisher
    for (const n of nodes) expect(n.ready()).toBe(true);
    for (const n of nodes) {
      await Promise.all([n.presence.close(), n.dirty.close()]);
      await n.close();
    }
    expect(nodes[0]!.ready()).toBe(false);
  });
});
