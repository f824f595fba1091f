// Three nodes on one Redis, each with its session clock: a due session is started and ended
// once (the store's compare-and-set makes the other nodes' attempts no-ops), and phones on every
// node get the new state once; the open poll of no session is closed.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { api, record } from "../helpers/clients.js";
import { barrier, closeSockets, createEvent, createOpenPoll, participantSocket, sleep } from "../helpers/fixtures.js";
import { type RedisServer, redisBinary, startRedis } from "../helpers/redis-server.js";
import { startServer, type TestServer } from "../helpers/server.js";
import { closeNodes, waitUntil } from "./cluster-helpers.js";

const available = redisBinary() !== null;

describe.skipIf(!available)("autoSessions on three nodes", () => {
  let redis: RedisServer;
  let nodes: TestServer[];

  beforeAll(async () => {
    redis = await startRedis();
    nodes = await Promise.all([0, 1, 2].map(() => startServer({ redisUrl: redis.url, sessionClockMs: 50 })));
  });
  afterEach(() => closeSockets());
  afterAll(async () => {
    await closeNodes(nodes ?? []);
    await redis?.destroy();
  });

  it("starts and ends a due session once, whichever node's clock sees it first", async () => {
    const [a] = nodes.map((n) => n.url) as [string, string, string];
    const ev = await createEvent(a);
    const patched = await api(a, "PATCH", `/api/events/${ev.eventId}`, { token: ev.moderatorKey, body: { autoSessions: true } });
    expect(patched.status).toBe(200);
    const poll = await createOpenPoll(a, ev.moderatorKey, ev.code);
    const phones = await Promise.all(nodes.map((n) => participantSocket(n.url, ev.code)));
    const states = phones.map((p) => record(p.socket, "state"));
    const rooms = phones.map((p) => record(p.socket, "room"));
    const at = (ms: number) => new Date(Date.now() + ms).toISOString();
    const created = await api(a, "POST", `/api/rooms/${ev.code}/sessions`, {
      token: ev.moderatorKey,
      body: { title: "Keynote", startsAt: at(800), endsAt: at(2000) },
    });
    const id = created.body.id;
    const ended = () => rooms.every((seen) => seen.some((r) => r.session?.id === id && r.session.status === "ended"));
    await waitUntil(ended, "every phone told the session ended");
    await sleep(300); // a few more looks of every clock: none may move the session again
    await barrier(
      a,
      ev.moderatorKey,
      ev.code,
      phones.map((p) => p.socket),
    );

    const all = await api(a, "GET", `/api/rooms/${ev.code}/moderation?session=all`, { token: ev.moderatorKey });
    expect(all.body.polls.find((p: any) => p.id === poll.id).status).toBe("closed");
    for (let i = 0; i < phones.length; i++) {
      expect(states[i]!.filter((s) => s.room.session?.id === id)).toHaveLength(1);
      // The last `room` is the barrier's own (it shows the ended session too).
      expect(rooms[i]!.slice(0, -1).filter((r) => r.session?.status === "ended")).toHaveLength(1);
    }
  });
});
