// Personal data: participant ids and addresses never reach the logs, public state or exports,
// even at trace level and when a failure carries them.
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../server/config.js";
import { api, emitAck, newParticipantId } from "../helpers/clients.js";
import { askOk, pollBody, upvote } from "../helpers/fixtures.js";
import { useServer } from "../helpers/use-server.js";
import { closeAll, connectFrom } from "./support.js";

const ADDRESS = "198.51.100.77";
const lines: string[] = [];
const server = useServer({ logLevel: "trace", trustProxy: true, logStream: { write: (line) => lines.push(line) } });

describe("logs", () => {
  it("hold no participant id, address or key, even at trace level and on unexpected failures", async () => {
    const ev = await server.event();
    const poll = await server.openPoll(ev, pollBody("scale"));
    const pid = newParticipantId();
    const headers = { "x-forwarded-for": ADDRESS };
    await api(server.url, "POST", `/api/polls/${poll.id}/votes`, { body: { participantId: pid, choice: 3 }, headers });
    const q = await askOk(server.url, ev.code, "Logged?", { participantId: pid });
    await upvote(server.url, q.id, newParticipantId());
    await api(server.url, "POST", `/api/polls/${poll.id}/votes`, { body: { participantId: pid, choice: 42 }, headers });
    const socket = await connectFrom(server.url, { code: ev.code, participantId: pid }, { address: ADDRESS });
    await emitAck(socket, "vote", { pollId: poll.id, choice: 2 });

    // A failure that carries the participant id (like an ioredis error carrying its command's arguments).
    const store = server.app.store;
    const original = store.castBallot.bind(store);
    store.castBallot = async (_pollId, participantId) => {
      const error = new Error("the store failed") as Error & { command?: unknown; body?: unknown };
      error.command = { name: "evalsha", args: [participantId] };
      error.body = { participantId };
      throw error;
    };
    try {
      const failed = await api(server.url, "POST", `/api/polls/${poll.id}/votes`, {
        body: { participantId: pid, choice: 1 },
        headers,
      });
      expect(failed.status).toBe(503);
      const ack = await emitAck(socket, "vote", { pollId: poll.id, choice: 1 });
      expect(ack).toMatchObject({ ok: false, error: { code: "unavailable" } });
    } finally {
      store.castBallot = original;
    }
    closeAll([socket]);

    // The server's own listening address is not a client's.
    const text = lines.filter((line) => !line.includes("Server listening")).join("");
    expect(text).toContain("unexpected failure"); // the failure itself is logged
    expect(text).toContain("the store failed");
    expect(text).toMatch(/"url":"\/api\/polls\//); // request lines at trace level
    for (const secret of [pid, ADDRESS, "127.0.0.1", ev.moderatorKey]) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/remoteAddress|x-forwarded-for/i);
  });
});

describe("public state and exports", () => {
  it("never carry participant ids", async () => {
    const ev = await server.event();
    const poll = await server.openPoll(ev, pollBody("wordcloud"));
    const p = await server.participant(ev.code);
    await emitAck(p.socket, "vote", { pollId: poll.id, choice: "privacy" });
    const q = expectOk(await emitAck(p.socket, "ask", { text: "Mine", clientId: "c1" }));
    await api(server.url, "POST", `/api/questions/${q.id}/ban`, { token: ev.moderatorKey });
    const answers = [
      await api(server.url, "GET", `/api/rooms/${ev.code}`),
      await api(server.url, "GET", `/api/rooms/${ev.code}/moderation`, { token: ev.moderatorKey }),
      await api(server.url, "GET", `/api/rooms/${ev.code}/export.json`, { token: ev.moderatorKey }),
      await api(server.url, "GET", `/api/rooms/${ev.code}/export.csv`, { token: ev.moderatorKey }),
      await api(server.url, "GET", `/api/rooms/${ev.code}/audit`, { token: ev.moderatorKey }),
      await api(server.url, "GET", `/api/events/${ev.eventId}`, { token: ev.moderatorKey }),
    ];
    for (const res of answers) {
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).not.toContain(p.participantId);
      expect(JSON.stringify(res.body)).not.toMatch(/participantId|127\.0\.0\.1/);
    }
    closeAll([p.socket]);
  });
});

describe("MAX_CONNECTIONS", () => {
  it("is read from the environment, 20000 by default, and a bad value names the variable", () => {
    expect(loadConfig({}).maxConnections).toBe(20_000);
    expect(loadConfig({ MAX_CONNECTIONS: "500" }).maxConnections).toBe(500);
    for (const bad of ["0", "-3", "lots", "1.5"]) expect(() => loadConfig({ MAX_CONNECTIONS: bad })).toThrow(/MAX_CONNECTIONS/);
  });
});

describe("ADMISSION_MAX", () => {
  it("is read from the environment, 256 by default, and a bad value names the variable", () => {
    expect(loadConfig({}).admissionMax).toBe(256);
    expect(loadConfig({ ADMISSION_MAX: "40" }).admissionMax).toBe(40);
    for (const bad of ["0", "-3", "lots", "1.5"]) expect(() => loadConfig({ ADMISSION_MAX: bad })).toThrow(/ADMISSION_MAX/);
  });
});

function expectOk(ack: any) {
  expect(ack.ok).toBe(true);
  return ack.data;
}
