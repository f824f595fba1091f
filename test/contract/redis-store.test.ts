// The Store contract on a real redis-server started for this file, plus what only the
// shared store promises: several nodes writing at once stay exact, and a Redis outage makes
// commands fail fast instead of queueing, then they work again once Redis is back.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TallySnapshot } from "../../server/core/polls.js";
import { newId, newRoomCode } from "../../server/core/rooms.js";
import { openRedisStore, type RedisStore } from "../../server/store/redis-store.js";
import type { Poll } from "../../shared/model.js";
import { type RedisServer, redisBinary, startRedis } from "../helpers/redis-server.js";
import { storeContractSuite } from "./store-suite.js";

const available = redisBinary() !== null;
if (!available) console.warn("skipped: the Redis store tests need redis-server");

describe.skipIf(!available)("RedisStore", () => {
  let server: RedisServer;

  beforeAll(async () => {
    server = await startRedis({ appendonly: true });
  });
  afterAll(async () => {
    await server?.destroy();
  });

  storeContractSuite("redis", () => openRedisStore(server.url));
  // The same contract under another key prefix, on the same server: prefixes keep stores apart.
  storeContractSuite("redis (prefixed)", () => openRedisStore(server.url, { keyPrefix: "other:" }));

  async function openPoll(store: RedisStore): Promise<Poll> {
    const code = newRoomCode();
    const event = {
      id: newId(),
      code: newRoomCode(),
      title: "Nodes",
      keyHash: randomBytes(32).toString("hex"),
      createdAt: new Date().toISOString(),
    };
    expect(await store.createEvent({ ...event, rooms: [{ id: newId(), code, name: "Plenary" }] })).toBe("ok");
    const poll: Poll = {
      id: newId(),
      roomCode: code,
      sessionId: null,
      title: "Which?",
      kind: "single",
      options: ["A", "B", "C", "D"],
      status: "draft",
      resultsVisible: true,
      createdAt: new Date().toISOString(),
    };
    await store.createPoll(poll);
    expect(typeof (await store.setPollStatus(poll.id, ["draft"], "open"))).toBe("object");
    return poll;
  }

  const pid = (i: number) => `participant-${String(i).padStart(6, "0")}-${randomBytes(4).toString("hex")}`;

  it("keeps an exact tally when two nodes take 200 ballots on one poll at once", async () => {
    const [a, b] = await Promise.all([openRedisStore(server.url), openRedisStore(server.url)]);
    try {
      const poll = await openPoll(a);
      const voters = Array.from({ length: 200 }, (_, i) => pid(i));
      // Every voter votes once on each node (the second replaces the first), interleaved.
      const results = await Promise.all(
        voters.flatMap((v, i) => [
          a.castBallot(poll.id, v, [i % 4], [String(i % 4)]),
          b.castBallot(poll.id, v, [(i + 1) % 4], [String((i + 1) % 4)]),
        ]),
      );
      const seqs = results.map((r) => (r as TallySnapshot).seq);
      expect(new Set(seqs).size).toBe(400);
      for (const store of [a, b]) {
        const final = (await store.tally(poll.id))!;
        expect(final.voters).toBe(200);
        expect(final.seq).toBe(Math.max(...seqs));
        const total = Object.values(final.tally).reduce((s, n) => s + n, 0);
        expect(total).toBe(200);
      }
      // Each voter's stored ballot is the one its tally key counts: recount from ballots.
      const data = await a.roomData(poll.roomCode);
      const recount: Record<string, number> = {};
      for (const v of voters) {
        const choice = (await b.participantData(poll.roomCode, v)).ballots[poll.id] as number[];
        const key = String(choice[0]);
        recount[key] = (recount[key] ?? 0) + 1;
      }
      expect(data!.tallies[poll.id]!.tally).toEqual(recount);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("keeps an exact tally when two nodes take 200 distinct ballots", async () => {
    const [a, b] = await Promise.all([openRedisStore(server.url), openRedisStore(server.url)]);
    try {
      const poll = await openPoll(a);
      await Promise.all(
        Array.from({ length: 200 }, (_, i) => (i % 2 ? a : b).castBallot(poll.id, pid(i), [i % 4], [String(i % 4)])),
      );
      expect(await b.tally(poll.id)).toMatchObject({ voters: 200, tally: { "0": 50, "1": 50, "2": 50, "3": 50 } });
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("fails fast while redis-server is down and works again after a restart, with acked writes kept", async () => {
    const store = await openRedisStore(server.url);
    try {
      const poll = await openPoll(store);
      const voter = pid(1);
      const acked = (await store.castBallot(poll.id, voter, [2], ["2"])) as TallySnapshot;
      expect(store.ready()).toBe(true);

      await server.stop("SIGKILL");
      await waitFor(() => !store.ready());
      const started = Date.now();
      await expect(store.castBallot(poll.id, pid(2), [0], ["0"])).rejects.toThrow();
      await expect(store.getRoom(poll.roomCode)).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(5_000); // no offline queue: rejected at once, not after a timeout

      await server.restart();
      await waitFor(() => store.ready());
      // AOF with fsync always: the acknowledged ballot survived the kill.
      expect(await store.tally(poll.id)).toEqual(acked);
      // Scripts are loaded again on demand (the restart emptied Redis' script cache).
      const after = (await store.castBallot(poll.id, pid(3), [1], ["1"])) as TallySnapshot;
      expect(after).toEqual({ tally: { "1": 1, "2": 1 }, voters: 2, seq: acked.seq + 1 });
    } finally {
      await store.close();
    }
  });

  it("waits for a Redis that starts after the node", async () => {
    await server.stop();
    const opening = openRedisStore(server.url);
    await new Promise((r) => setTimeout(r, 300));
    await server.restart();
    const store = await opening;
    try {
      expect(store.ready()).toBe(true);
      expect(await store.getRoom(newRoomCode())).toBeNull();
    } finally {
      await store.close();
    }
  });

  it("waits for the first connection, and gives up with a clear error when Redis never answers", async () => {
    await expect(openRedisStore("redis://127.0.0.1:1", { connectTimeout: 300 })).rejects.toThrow(/not ready/);
    await expect(openRedisStore(server.url, { keyPrefix: "{x}:" })).rejects.toThrow(/braces/);
  });

  it("is not ready once closed", async () => {
    const store = await openRedisStore(server.url);
    expect(store.kind).toBe("redis");
    expect(store.ready()).toBe(true);
    await store.close();
    expect(store.ready()).toBe(false);
    await store.close(); // closing twice is harmless
  });
});

async function waitFor(check: () => boolean, timeout = 10_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out waiting for a condition");
    await new Promise((r) => setTimeout(r, 20));
  }
}
