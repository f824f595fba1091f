// A moderator bans the author of a question without ever seeing a participant id: the banned
// participant's votes, questions and upvotes are refused (403) at both doors; others go on;
// lifting the ban restores them; every moderator action lands in the room's audit log and export.
import { describe, expect, it } from "vitest";
import { api, emitAck, newParticipantId, record } from "../helpers/clients.js";
import {
  ADMIN_TOKEN,
  ask,
  askOk,
  createOpenPoll,
  expectAckError,
  expectAckOk,
  expectError,
  ISO_MS,
  moderateOk,
  pollBody,
  upvote,
  vote,
} from "../helpers/fixtures.js";
import { useServer } from "../helpers/use-server.js";

const server = useServer();

const ban = (questionId: string, token?: string, on = true) =>
  api(server.url, on ? "POST" : "DELETE", `/api/questions/${questionId}/ban`, { token });

describe("banning the author of a question", () => {
  it("refuses the banned participant's votes, asks and upvotes with 403 at both doors; others go on", async () => {
    const ev = await server.event();
    const key = ev.moderatorKey;
    const poll = await createOpenPoll(server.url, key, ev.code, pollBody("scale"));
    const troll = await server.participant(ev.code);
    const target = expectAckOk(await emitAck(troll.socket, "ask", { text: "Spam spam spam" }));
    const innocent = await askOk(server.url, ev.code, "A real question");
    const mod = await server.moderator(ev.code, key);
    const heard = record(mod.socket, "question");

    const res = await ban(target.id, key);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ questionId: target.id, banned: true });
    expect(JSON.stringify(res.body)).not.toContain(troll.participantId);

    const pid = troll.participantId;
    expectError(await vote(server.url, poll.id, 4, pid), 403, "forbidden");
    expectError(await ask(server.url, ev.code, "Again", { participantId: pid }), 403, "forbidden");
    expectError(await upvote(server.url, innocent.id, pid), 403, "forbidden");
    expectAckError(await emitAck(troll.socket, "vote", { pollId: poll.id, choice: 5 }), "forbidden");
    expectAckError(await emitAck(troll.socket, "ask", { text: "And again" }), "forbidden");
    expectAckError(await emitAck(troll.socket, "upvote", { questionId: innocent.id, on: true }), "forbidden");

    // Everyone else goes on.
    expect((await vote(server.url, poll.id, 2)).status).toBe(200);
    expect((await ask(server.url, ev.code, "Another real one")).status).toBe(201);
    expect((await upvote(server.url, innocent.id, newParticipantId())).status).toBe(200);
    const other = await server.participant(ev.code);
    expectAckOk(await emitAck(other.socket, "vote", { pollId: poll.id, choice: 3 }));

    const results = await api(server.url, "GET", `/api/polls/${poll.id}/results`);
    expect(results.body.voters).toBe(2);
    // A moderator sees no participant id anywhere.
    for (const q of heard) expect(JSON.stringify(q)).not.toContain(pid);
    const moderation = await api(server.url, "GET", `/api/rooms/${ev.code}/moderation`, { token: key });
    expect(JSON.stringify(moderation.body)).not.toContain(pid);

    // Lifting the ban restores everything.
    expect((await ban(target.id, key, false)).body).toEqual({ questionId: target.id, banned: false });
    expect((await vote(server.url, poll.id, 1, pid)).status).toBe(200);
    expectAckOk(await emitAck(troll.socket, "ask", { text: "I'll behave" }));
  });

  it("bans and lifts over the moderator socket too (`question:ban`), and only in that room", async () => {
    const ev = await server.event({ rooms: 2 });
    const [a, b] = ev.rooms.map((r) => r.code);
    const pid = newParticipantId();
    const q = await askOk(server.url, a, "Room A question", { participantId: pid });
    const mod = await server.moderator(a, ev.moderatorKey);
    expect(expectAckOk(await emitAck(mod.socket, "question:ban", { questionId: q.id }))).toEqual({
      questionId: q.id,
      banned: true,
    });
    expectError(await ask(server.url, a, "Still here?", { participantId: pid }), 403, "forbidden");
    expect((await ask(server.url, b, "In the other room", { participantId: pid })).status).toBe(201);
    expectAckOk(await emitAck(mod.socket, "question:ban", { questionId: q.id, on: false }));
    expect((await ask(server.url, a, "Back", { participantId: pid })).status).toBe(201);
    expectAckError(await emitAck(mod.socket, "question:ban", { questionId: 42 }), "invalid");
    expectAckError(await emitAck(mod.socket, "question:ban", { questionId: "nope" }), "not_found");
  });

  it("checks key, question and event in the contract's order", async () => {
    const ev = await server.event();
    const other = await server.event();
    const q = await askOk(server.url, ev.code, "Who may ban me?");
    expectError(await ban(q.id), 401, "unauthorized");
    expectError(await ban("no-such-question", ev.moderatorKey), 404, "not_found");
    expectError(await ban(q.id, other.moderatorKey), 403, "forbidden");
    expect((await ban(q.id, ADMIN_TOKEN)).status).toBe(200);
  });
});

describe("the audit log", () => {
  it("lists who did what to which poll, question or room, oldest first, without keys or participant ids", async () => {
    const ev = await server.event();
    const key = ev.moderatorKey;
    const pid = newParticipantId();
    const poll = await createOpenPoll(server.url, key, ev.code);
    const q = await askOk(server.url, ev.code, "Audit me", { participantId: pid });
    await moderateOk(server.url, ADMIN_TOKEN, q.id, "highlight");
    await ban(q.id, key);
    await ban(q.id, key, false);
    await api(server.url, "PATCH", `/api/rooms/${ev.code}`, { token: key, body: { qaOpen: false } });
    await api(server.url, "POST", `/api/polls/${poll.id}/reset`, { token: key });

    const res = await api(server.url, "GET", `/api/rooms/${ev.code.toLowerCase()}/audit`, { token: key });
    expect(res.status).toBe(200);
    expect(res.body.code).toBe(ev.code);
    expect(res.body.entries.map((e: any) => [e.actor, e.action, e.targetId])).toEqual([
      ["moderator", "poll:create", poll.id],
      ["moderator", "poll:open", poll.id],
      ["organizer", "question:highlight", q.id],
      ["moderator", "participant:ban", q.id],
      ["moderator", "participant:unban", q.id],
      ["moderator", "room:update", ev.code],
      ["moderator", "poll:reset", poll.id],
    ]);
    for (const e of res.body.entries) {
      expect(Object.keys(e).sort()).toEqual(["action", "actor", "at", "targetId"]);
      expect(e.at).toMatch(ISO_MS);
    }
    const text = JSON.stringify(res.body);
    for (const secret of [pid, key, ADMIN_TOKEN]) expect(text).not.toContain(secret);

    // In the exports too.
    const json = await api(server.url, "GET", `/api/rooms/${ev.code}/export.json`, { token: key });
    expect(json.body.audit).toEqual(res.body.entries);
    const csv = await api(server.url, "GET", `/api/rooms/${ev.code}/export.csv`, { token: key });
    expect(csv.status).toBe(200);
    const auditLines = String(csv.body)
      .split("\r\n")
      .filter((line) => line.startsWith('"audit"'));
    expect(auditLines).toHaveLength(7);
    expect(auditLines[3]).toContain('"participant:ban"');
    expect(String(csv.body)).not.toContain(pid);
  });

  it("is for moderators of the event only", async () => {
    const ev = await server.event();
    const other = await server.event();
    expectError(await api(server.url, "GET", `/api/rooms/${ev.code}/audit`), 401, "unauthorized");
    expectError(await api(server.url, "GET", "/api/rooms/ZZZZZZ/audit", { token: ev.moderatorKey }), 404, "not_found");
    expectError(await api(server.url, "GET", `/api/rooms/${ev.code}/audit`, { token: other.moderatorKey }), 403, "forbidden");
    expect((await api(server.url, "GET", `/api/rooms/${ev.code}/audit`, { token: ADMIN_TOKEN })).body).toEqual({
      code: ev.code,
      entries: [],
    });
  });
});
