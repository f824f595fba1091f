// Three nodes on one Redis, each with its quiz clock (a timer on the node that opened the quiz,
// a sweep on every node): a quiz whose time is up is closed once, and every screen, whatever its
// node, gets one `poll` closing it and one `leaderboard`; also when the node that opened it is gone.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { api, newParticipantId, record } from "../helpers/clients.js";
import { barrier, closeSockets, createEvent, createOpenPoll, pollBody, screenSocket, sleep } from "../helpers/fixtures.js";
import { type RedisServer, redisBinary, startRedis } from "../helpers/redis-server.js";
import { startServer, type TestServer } from "../helpers/server.js";
import { closeNodes, waitUntil } from "./cluster-helpers.js";

const available = redisBinary() !== null;
const QUIZ = pollBody("quiz", { title: "Phishing?", options: ["Yes", "No"], correct: [0], timeLimit: 5 });

describe.skipIf(!available)("quizzes on three nodes", () => {
  let redis: RedisServer;
  let nodes: TestServer[];

  beforeAll(async () => {
    redis = await startRedis();
    // Sweeps ten times as often as by default: more chances for two nodes to race on one close.
    nodes = await Promise.all([0, 1, 2].map(() => startServer({ redisUrl: redis.url, quizSweepMs: 50 })));
  });
  afterEach(() => closeSockets());
  afterAll(async () => {
    await closeNodes(nodes ?? []);
    await redis?.destroy();
  });

  /** Screens on every node, recording `poll` and `leaderboard`. */
  async function watch(code: string) {
    const screens = await Promise.all(nodes.map((n) => screenSocket(n.url, code)));
    return screens.map((s) => ({ socket: s.socket, polls: record(s.socket, "poll"), boards: record(s.socket, "leaderboard") }));
  }

  async function expectOneClose(code: string, key: string, pollId: string, screens: Awaited<ReturnType<typeof watch>>) {
    const closed = () => screens.every((s) => s.boards.length > 0);
    await waitUntil(closed, "every screen told the leaderboard", 15_000);
    await sleep(500); // ten more sweeps of every node: none may close it again
    await barrier(
      nodes[0]!.url,
      key,
      code,
      screens.map((s) => s.socket),
    );
    for (const screen of screens) {
      expect(screen.polls.filter((p) => p.id === pollId && p.status === "closed")).toHaveLength(1);
      expect(screen.boards).toHaveLength(1);
      expect(screen.boards[0].entries[0]).toMatchObject({ rank: 1, nickname: "Ann" });
    }
  }

  it("closes a due quiz once, whichever node's clock gets there first", async () => {
    const [a, b] = nodes.map((n) => n.url) as [string, string, string];
    const ev = await createEvent(a);
    const screens = await watch(ev.code);
    const pid = newParticipantId();
    await api(b, "POST", `/api/rooms/${ev.code}/nickname`, { body: { participantId: pid, nickname: "Ann" } });
    const poll = await createOpenPoll(a, ev.moderatorKey, ev.code, QUIZ);
    expect((await api(b, "POST", `/api/polls/${poll.id}/votes`, { body: { participantId: pid, choice: [0] } })).status).toBe(200);
    await expectOneClose(ev.code, ev.moderatorKey, poll.id, screens);
  });

  it("closes it once when the node that opened it is gone", async () => {
    const opener = await startServer({ redisUrl: redis.url, quizSweepMs: 50 });
    const ev = await createEvent(opener.url);
    const screens = await watch(ev.code);
    const pid = newParticipantId();
    await api(opener.url, "POST", `/api/rooms/${ev.code}/nickname`, { body: { participantId: pid, nickname: "Ann" } });
    const poll = await createOpenPoll(opener.url, ev.moderatorKey, ev.code, QUIZ);
    await api(opener.url, "POST", `/api/polls/${poll.id}/votes`, { body: { participantId: pid, choice: [0] } });
    await opener.close(); // its timer goes with it: the others' sweeps close the quiz
    await expectOneClose(ev.code, ev.moderatorKey, poll.id, screens);
  });
});
