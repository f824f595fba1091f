// redis-server killed and restarted (AOF, fsync always) in the middle of an event: no node
// crashes, what is asked meanwhile gets 503 / `unavailable`, nodes reconnect on their own,
// every acknowledged write is there, and every client is sent a fresh `state`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, emitAck, newParticipantId, record } from "../helpers/clients.js";
import {
  closeSockets,
  createEvent,
  createOpenPoll,
  expectAckError,
  expectAckOk,
  expectError,
  getResults,
  moderatorSocket,
  participantSocket,
  pollBody,
  publicState,
  screenSocket,
  vote,
} from "../helpers/fixtures.js";
import { parsePrometheus, sampleValue } from "../helpers/prometheus.js";
import { type RedisServer, redisBinary, startRedis } from "../helpers/redis-server.js";
import type { TestServer } from "../helpers/server.js";
import { closeNodes, readyz, startNodes, waitUntil } from "./cluster-helpers.js";

const available = redisBinary() !== null;

const metricsOf = async (url: string) => parsePrometheus(await (await fetch(`${url}/metrics`)).text());

describe.skipIf(!available)("Redis restart in the middle of an event", () => {
  let redis: RedisServer;
  let nodes: TestServer[];

  beforeAll(async () => {
    redis = await startRedis({ appendonly: true });
    nodes = await startNodes(3, redis.url);
  });
  afterAll(async () => {
    closeSockets();
    await closeNodes(nodes ?? []);
    await redis?.destroy();
  });

  it("answers unavailable during the outage, then resynchronises every client with every acknowledged write", async () => {
    const urls = nodes.map((n) => n.url);
    const [A, B, C] = urls as [string, string, string];
    const ev = await createEvent(A);
    const poll = await createOpenPoll(B, ev.moderatorKey, ev.code, pollBody("single"));
    const people = await Promise.all(Array.from({ length: 6 }, (_, i) => participantSocket(urls[i % 3]!, ev.code)));
    const screens = await Promise.all(urls.map((u) => screenSocket(u, ev.code)));
    const mod = await moderatorSocket(C, ev.code, ev.moderatorKey);

    // Acknowledged before the outage: six ballots (socket) and three questions (two ways).
    for (const [i, p] of people.entries()) expectAckOk(await emitAck(p.socket, "vote", { pollId: poll.id, choice: [i % 3] }));
    const q1 = expectAckOk(await emitAck(people[0]!.socket, "ask", { text: "Asked on A before?", clientId: "k1" }));
    const q2 = expectAckOk(await emitAck(people[4]!.socket, "ask", { text: "Asked on B before?", clientId: "k2" }));
    const q3 = await api(C, "POST", `/api/rooms/${ev.code}/questions`, {
      body: { participantId: newParticipantId(), text: "Asked over HTTP before?" },
    });
    expect(q3.status).toBe(201);
    const acked = await getResults(A, poll.id);
    expect(acked).toMatchObject({ voters: 6, counts: [2, 2, 2] });

    await redis.stop("SIGKILL");
    for (const url of urls) await waitUntil(async () => (await readyz(url)) === 503, "readiness goes down");
    const down = await api(A, "GET", "/readyz");
    expect(down.body).toMatchObject({ status: "unavailable", store: "redis", adapter: "disconnected" });

    // During the outage: HTTP answers 503 unavailable, socket acks `unavailable`; nothing crashes.
    expectError(await vote(B, poll.id, [1]), 503, "unavailable");
    expectError(await api(C, "GET", `/api/rooms/${ev.code}`), 503, "unavailable");
    expectError(
      await api(A, "POST", "/api/events", { token: ev.moderatorKey, body: { title: "x", rooms: [{ name: "y" }] } }),
      503,
      "unavailable",
    );
    expectAckError(await emitAck(people[1]!.socket, "vote", { pollId: poll.id, choice: [0] }), "unavailable");
    expectAckError(await emitAck(people[2]!.socket, "ask", { text: "Asked during the outage?" }), "unavailable");
    expectAckError(await emitAck(mod.socket, "poll:close", { pollId: poll.id }), "unavailable");
    expect((await api(B, "GET", "/healthz")).status).toBe(200); // liveness is not readiness
    // The metrics still answer, and say what the operator must know.
    const during = await metricsOf(B);
    expect(sampleValue(during, "tribune_redis_up")).toBe(0);
    expect(sampleValue(during, "tribune_acks_total", { event: "vote", outcome: "unavailable" })).toBe(1);
    expect(sampleValue(during, "tribune_acks_total", { event: "POST /api/polls/:id/votes", outcome: "unavailable" })).toBe(1);

    const states = [...people, ...screens, mod].map((c) => record(c.socket, "state"));
    await redis.restart();
    for (const url of urls) await waitUntil(async () => (await readyz(url)) === 200, "readiness comes back", 15_000);
    for (const url of urls) expect(sampleValue(await metricsOf(url), "tribune_redis_up")).toBe(1);

    // Every client gets a fresh state holding every acknowledged write.
    for (const seen of states) await waitUntil(() => seen.length > 0, "a fresh state after the restart");
    const ids = [q1.id, q2.id, q3.body.id].sort();
    for (const seen of states) {
      const state = seen.at(-1);
      const results = state.polls.find((p: any) => p.id === poll.id)?.results;
      expect(results).toEqual(acked);
      expect(state.questions.map((q: any) => q.id).sort()).toEqual(ids);
    }
    expect((await publicState(A, ev.code)).questions).toHaveLength(3);

    // The event goes on across nodes: a vote on C reaches the screen on A.
    const onA = record(screens[0]!.socket, "results");
    expectAckOk(await emitAck(people[2]!.socket, "vote", { pollId: poll.id, choice: [1] }));
    await waitUntil(() => onA.some((r) => r.voters === 6 && r.seq > acked.seq), "results flow again");
    expect(await getResults(B, poll.id)).toMatchObject({ voters: 6, counts: [2, 3, 1] });
    // And presence was rebuilt: every participant still counts.
    const room = await api(C, "GET", `/api/events/${ev.eventId}`, { token: ev.moderatorKey });
    expect(room.body.rooms[0].participants).toBe(6);
  });
});
