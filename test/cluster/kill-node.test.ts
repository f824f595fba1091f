// kill -9 one of three nodes (child processes, configured like deployed ones) while 200 phones
// vote: its phones move to the other nodes and send again what was not acknowledged; the final
// counts are exact, and the dead node's participants stop counting once its entries expire.
import { Redis } from "ioredis";
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PRESENCE_DEFAULTS } from "../../server/cluster/redis-ports.js";
import { api, newParticipantId, record } from "../helpers/clients.js";
import { createEvent, createOpenPoll, expectSeqNeverBack, getResults, pollBody } from "../helpers/fixtures.js";
import { type RedisServer, redisBinary, startRedis } from "../helpers/redis-server.js";
import { type ChildNode, FailoverParticipant, ORIGIN, spawnNode, waitUntil } from "./cluster-helpers.js";

const available = redisBinary() !== null;
const VOTERS = 200;
const LURKERS = 10;

describe.skipIf(!available)("kill -9 of one node during a poll", () => {
  let redis: RedisServer;
  let nodes: ChildNode[] = [];

  beforeAll(async () => {
    redis = await startRedis({ appendonly: true });
    nodes = await Promise.all([0, 1, 2].map(() => spawnNode(redis.url)));
  }, 90_000);
  afterAll(async () => {
    await Promise.allSettled(nodes.map((n) => n.kill("SIGKILL")));
    await redis?.destroy();
  });

  it("loses no acknowledged vote, counts none twice, and forgets the dead node's participants", async () => {
    const urls = nodes.map((n) => n.url);
    const [A, B, C] = urls as [string, string, string];
    const ev = await createEvent(A);
    const poll = await createOpenPoll(B, ev.moderatorKey, ev.code, pollBody("single", { options: ["A", "B", "C", "D"] }));

    // Voters spread over the three nodes; each falls back to the next node of A, B, C.
    const voters = Array.from({ length: VOTERS }, (_, i) => new FailoverParticipant(urls, i % 3, ev.code, newParticipantId()));
    await Promise.all(voters.map((v) => v.connect()));
    // Phones on C that will not come back: their count must expire with C.
    const lurkers = await Promise.all(
      Array.from(
        { length: LURKERS },
        () =>
          new Promise<ReturnType<typeof io>>((resolve, reject) => {
            const s = io(C, {
              auth: { code: ev.code, participantId: newParticipantId() },
              transports: ["websocket"],
              reconnection: false,
              forceNew: true,
              extraHeaders: { origin: ORIGIN },
            });
            s.once("connect", () => resolve(s));
            s.once("connect_error", reject);
          }),
      ),
    );
    const participants = async (url: string) =>
      (await api(url, "GET", `/api/events/${ev.eventId}`, { token: ev.moderatorKey })).body.rooms[0].participants;
    await waitUntil(async () => (await participants(A)) === VOTERS + LURKERS, "every phone counted", 15_000);

    // A screen on each survivor records results through the kill.
    const screens = [A, B].map((url) => {
      const s = io(url, {
        auth: { code: ev.code, role: "screen" },
        transports: ["websocket"],
        forceNew: true,
        extraHeaders: { origin: ORIGIN },
      });
      return { socket: s, seen: record(s, "results") };
    });

    // Each voter votes, then changes its mind: the last choice is the one that counts.
    const finalChoice = voters.map((_, i) => (i * 7) % 4);
    const jitter = () => new Promise((r) => setTimeout(r, Math.random() * 1_200));
    const voting = Promise.all(
      voters.map(async (v, i) => {
        await jitter();
        await v.vote(poll.id, [(finalChoice[i]! + 1) % 4]);
        await jitter();
        await v.vote(poll.id, [finalChoice[i]!]);
      }),
    );
    await new Promise((r) => setTimeout(r, 900));
    const killedAt = Date.now();
    await nodes[2]!.kill("SIGKILL");
    await voting;

    const failedOver = voters.filter((v) => v.failovers > 0);
    const resent = voters.reduce((n, v) => n + v.resent, 0);
    // Every phone of C moved (they reconnect on disconnect), and only those.
    expect(failedOver.length).toBe(voters.filter((_, i) => i % 3 === 2).length);
    const expected = [0, 0, 0, 0];
    for (const c of finalChoice) expected[c]! += 1;
    const final = await getResults(A, poll.id);
    expect(final).toMatchObject({ voters: VOTERS, counts: expected });
    expect(await getResults(B, poll.id)).toEqual(final);
    for (const { seen } of screens) {
      await waitUntil(() => seen.at(-1)?.seq === final.seq, "the survivors' screens show the final results");
      expect(seen.at(-1)).toEqual(final);
      expectSeqNeverBack(seen);
    }

    // The voters came back on A and B; the lurkers of C are ghosts until C's entries expire.
    const limit = PRESENCE_DEFAULTS.ttlMs + 2 * PRESENCE_DEFAULTS.heartbeatMs;
    await waitUntil(async () => (await participants(B)) === VOTERS, "the dead node's participants expire", limit + 5_000);
    const expiredAfter = Date.now() - killedAt;
    expect(await participants(A)).toBe(VOTERS);
    console.log(
      `kill -9: ${failedOver.length} voters moved node, ${resent} votes sent again, ` +
        `dead node's ${LURKERS} lurkers gone after ${expiredAfter} ms (limit ${limit} ms)`,
    );
    for (const v of voters) v.close();
    for (const s of [...lurkers, ...screens.map((x) => x.socket)]) s.close();
  }, 90_000);

  it("shuts down cleanly on SIGTERM: clients move to another node, its presence goes at once", async () => {
    const [A] = nodes.map((n) => n.url) as [string];
    const leaving = await spawnNode(redis.url);
    nodes.push(leaving);
    const ev = await createEvent(A);
    const poll = await createOpenPoll(A, ev.moderatorKey, ev.code, pollBody("single"));
    const phones = Array.from({ length: 5 }, () => new FailoverParticipant([leaving.url, A], 0, ev.code, newParticipantId()));
    await Promise.all(phones.map((p) => p.connect()));
    const participants = async () =>
      (await api(A, "GET", `/api/events/${ev.eventId}`, { token: ev.moderatorKey })).body.rooms[0].participants;
    await waitUntil(async () => (await participants()) === 5, "the phones are counted");

    const live = new Redis(redis.url);
    expect(await live.zcard("t:presence:nodes")).toBe(3); // A, B and the leaving node (C was pruned)
    await leaving.kill("SIGTERM");
    expect(leaving.proc.exitCode).toBe(0);
    // It removed its own entries: nothing is left to wait for the expiry.
    expect(await live.zcard("t:presence:nodes")).toBe(2);
    live.disconnect();
    // They were told "connection lost", not "go away": each reconnected to A by itself.
    await waitUntil(() => phones.every((p) => p.failovers === 1 && p.socket?.connected === true), "the phones moved to A");
    for (const p of phones) await p.vote(poll.id, [1]);
    expect(await getResults(A, poll.id)).toMatchObject({ voters: 5, counts: [0, 5, 0] });
    expect(await participants()).toBe(5);
    for (const p of phones) p.close();
  }, 60_000);
});
