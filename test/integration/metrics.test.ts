// GET /metrics: Prometheus text, counters that follow votes and questions from both doors,
// sockets by role, answers by event and outcome, and who may read them.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../server/config.js";
import { api, emitAck, newParticipantId } from "../helpers/clients.js";
import {
  ask,
  closeSockets,
  createEvent,
  createOpenPoll,
  expectAckError,
  expectAckOk,
  expectError,
  expectSentence,
  moderatorSocket,
  participantSocket,
  pollBody,
  screenSocket,
  sleep,
  vote,
} from "../helpers/fixtures.js";
import { type Exposition, parsePrometheus, sampleValue } from "../helpers/prometheus.js";
import { startServer, type TestServer } from "../helpers/server.js";

const onRedis = process.env.TEST_STORE === "redis";
let server: TestServer;
let url: string;

beforeAll(async () => {
  server = await startServer();
  url = server.url;
});
afterEach(() => closeSockets());
afterAll(async () => {
  await server?.close();
});

async function scrape(base = url, headers: Record<string, string> = {}): Promise<Exposition> {
  const res = await fetch(`${base}/metrics`, { headers });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
  return parsePrometheus(await res.text());
}

const value = (m: Exposition, name: string, labels: Record<string, string> = {}) => sampleValue(m, name, labels) ?? 0;

/** Scrapes until `check` holds (the server sees a closed socket, or flushes results, a moment later). */
async function eventually(check: (m: Exposition) => boolean, what: string): Promise<Exposition> {
  for (let i = 0; i < 100; i++) {
    const m = await scrape();
    if (check(m)) return m;
    await sleep(50);
  }
  throw new Error(`never happened: ${what}`);
}

describe("GET /metrics", () => {
  it("is Prometheus text with Tribune's families, the process' and Node.js' (event-loop delay included)", async () => {
    const m = await scrape();
    expect(Object.fromEntries([...m.types].filter(([name]) => name.startsWith("tribune_")))).toMatchObject({
      tribune_sockets: "gauge",
      tribune_votes_total: "counter",
      tribune_questions_total: "counter",
      tribune_ack_seconds: "histogram",
      tribune_acks_total: "counter",
      tribune_results_flush_seconds: "histogram",
      tribune_store_seconds: "histogram",
      tribune_http_requests_total: "counter",
    });
    for (const name of [
      "process_cpu_seconds_total",
      "process_resident_memory_bytes",
      "nodejs_heap_size_used_bytes",
      "nodejs_eventloop_lag_p99_seconds",
      "nodejs_active_handles_total",
    ]) {
      expect(m.types.has(name), name).toBe(true);
    }
    for (const role of ["participant", "screen", "moderator"]) expect(sampleValue(m, "tribune_sockets", { role })).toBeDefined();
    // Redis up or down is watched only where there is a Redis.
    if (onRedis) expect(sampleValue(m, "tribune_redis_up")).toBe(1);
    else expect(m.types.has("tribune_redis_up")).toBe(false);
  });

  it("counts votes and questions from both doors, once each, and answers by event and outcome", async () => {
    const ev = await createEvent(url);
    const poll = await createOpenPoll(url, ev.moderatorKey, ev.code, pollBody("single"));
    const before = await scrape();

    expect((await vote(url, poll.id, [0])).status).toBe(200);
    expect((await vote(url, poll.id, [1])).status).toBe(200);
    expect((await vote(url, "no-such-poll", [1])).status).toBe(404);
    const phone = await participantSocket(url, ev.code);
    expectAckOk(await emitAck(phone.socket, "vote", { pollId: poll.id, choice: [2] }));
    expectAckOk(await emitAck(phone.socket, "vote", { pollId: poll.id, choice: [1] })); // a changed ballot is a ballot
    expectAckError(await emitAck(phone.socket, "vote", { pollId: poll.id, choice: [7] }), "invalid");

    expect((await ask(url, ev.code, "Asked over HTTP?")).status).toBe(201);
    const once = { text: "Asked over a socket, sent twice?", clientId: "c-1" };
    expectAckOk(await emitAck(phone.socket, "ask", once));
    expectAckOk(await emitAck(phone.socket, "ask", once)); // the resend answers the same question

    const after = await eventually(
      (m) => value(m, "tribune_results_flush_seconds_count") > value(before, "tribune_results_flush_seconds_count"),
      "results flushed",
    );
    const delta = (name: string, labels: Record<string, string> = {}) => value(after, name, labels) - value(before, name, labels);
    expect(delta("tribune_votes_total")).toBe(4);
    expect(delta("tribune_questions_total")).toBe(2);

    expect(delta("tribune_acks_total", { event: "POST /api/polls/:id/votes", outcome: "ok" })).toBe(2);
    expect(delta("tribune_acks_total", { event: "POST /api/polls/:id/votes", outcome: "not_found" })).toBe(1);
    expect(delta("tribune_acks_total", { event: "vote", outcome: "ok" })).toBe(2);
    expect(delta("tribune_acks_total", { event: "vote", outcome: "invalid" })).toBe(1);
    expect(delta("tribune_acks_total", { event: "ask", outcome: "ok" })).toBe(2);
    expect(delta("tribune_acks_total", { event: "POST /api/rooms/:code/questions", outcome: "ok" })).toBe(1);
    expect(delta("tribune_ack_seconds_count", { event: "vote" })).toBe(3);
    expect(delta("tribune_ack_seconds_count", { event: "POST /api/polls/:id/votes" })).toBe(3);
    expect(delta("tribune_store_seconds_count", { command: "castBallot" })).toBe(4);
    expect(delta("tribune_store_seconds_count", { command: "ask" })).toBe(2);
    expect(delta("tribune_http_requests_total", { class: "2xx" })).toBeGreaterThanOrEqual(3);
    expect(delta("tribune_http_requests_total", { class: "4xx" })).toBe(1);

    // Labels are events, routes and commands: never a room code, a poll id or a participant id.
    for (const sample of after.samples) {
      for (const label of Object.values(sample.labels)) {
        expect(label).not.toContain(ev.code);
        expect(label).not.toContain(poll.id);
        expect(label).not.toContain(phone.participantId);
      }
    }
  });

  it("follows this node's sockets by role", async () => {
    const ev = await createEvent(url);
    const base = await eventually((m) => value(m, "tribune_sockets", { role: "participant" }) === 0, "no socket left");
    const phones = await Promise.all([1, 2, 3].map(() => participantSocket(url, ev.code, newParticipantId())));
    await screenSocket(url, ev.code);
    await moderatorSocket(url, ev.code, ev.moderatorKey);
    const open = await scrape();
    expect(value(open, "tribune_sockets", { role: "participant" })).toBe(3);
    expect(value(open, "tribune_sockets", { role: "screen" })).toBe(value(base, "tribune_sockets", { role: "screen" }) + 1);
    expect(value(open, "tribune_sockets", { role: "moderator" })).toBe(value(base, "tribune_sockets", { role: "moderator" }) + 1);

    phones[0]!.socket.close();
    phones[1]!.socket.close();
    await eventually((m) => value(m, "tribune_sockets", { role: "participant" }) === 1, "two phones gone");
  });
});

describe("who may read the metrics", () => {
  it("without METRICS_TOKEN: this machine only, 403 for another address or through a proxy", async () => {
    const local = await server.app.fastify.inject({ url: "/metrics", remoteAddress: "127.0.0.1" });
    expect(local.statusCode).toBe(200);
    for (const request of [
      { remoteAddress: "203.0.113.7" },
      { remoteAddress: "192.168.1.20", headers: { "accept-language": "fr" } },
      { remoteAddress: "127.0.0.1", headers: { "x-forwarded-for": "203.0.113.7" } },
    ]) {
      const res = await server.app.fastify.inject({ url: "/metrics", ...request });
      expect(res.statusCode).toBe(403);
      const body = res.json();
      expect(body.error.code).toBe("forbidden");
      expectSentence(body.error.message);
      expect(res.body).not.toContain("tribune_");
    }
  });

  it("with METRICS_TOKEN: the bearer token from anywhere, 401 without it or with a wrong one", async () => {
    const token = "metrics-token-0123456789";
    const guarded = await startServer({ metricsToken: token });
    try {
      expectError(await api(guarded.url, "GET", "/metrics"), 401, "unauthorized");
      expectError(await api(guarded.url, "GET", "/metrics", { token: "metrics-token-9876543210" }), 401, "unauthorized");
      const fr = await api(guarded.url, "GET", "/metrics", { headers: { "accept-language": "fr" } });
      expect(fr.body.error.message).toMatch(/jeton/);
      await scrape(guarded.url, { authorization: `Bearer ${token}` });
      const remote = await guarded.app.fastify.inject({
        url: "/metrics",
        remoteAddress: "203.0.113.7",
        headers: { authorization: `Bearer ${token}` },
      });
      expect(remote.statusCode).toBe(200);
      expect(remote.body).toContain("tribune_votes_total");
    } finally {
      await guarded.close();
    }
  });

  it("METRICS_TOKEN is checked at start: 16 characters or more", () => {
    expect(loadConfig({}).metricsToken).toBeUndefined();
    expect(loadConfig({ METRICS_TOKEN: "a-long-enough-token" }).metricsToken).toBe("a-long-enough-token");
    expect(() => loadConfig({ METRICS_TOKEN: "short" })).toThrow(/METRICS_TOKEN/);
  });
});
