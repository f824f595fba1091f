// The congress report through HTTP, on the store the project runs with: its figures are what the
// test did (votes, questions, merges, replies, reactions, a session change), nothing in it
// names a participant, and only the event's moderators and the organizer may read it.
import { describe, expect, it } from "vitest";
import type { RoomReport, SessionReport } from "../../shared/model.js";
import { api, newParticipantId } from "../helpers/clients.js";
import { askOk, closePoll, createOpenPoll, expectError, moderateOk, pollBody, sleep, upvote, vote } from "../helpers/fixtures.js";
import { startServer } from "../helpers/server.js";
import { useServer } from "../helpers/use-server.js";

const server = useServer();

const report = (code: string, token?: string) => api<RoomReport>(server.url, "GET", `/api/rooms/${code}/report`, { token });
const sum = (s: SessionReport, field: "votes" | "questions" | "reactions") =>
  s.timeline.reduce((total, point) => total + point[field], 0);

async function react(code: string, participantId: string, emoji: string): Promise<void> {
  const res = await api(server.url, "POST", `/api/rooms/${code}/reactions`, { body: { participantId, emoji } });
  expect(res.status).toBe(200);
}

/** Reactions reach the store once per tick: waits for the room's totals to hold `n`. */
async function reactionsStored(code: string, n: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const totals = await server.app.store.reactionTotals(code);
    if (Object.values(totals).reduce((a, b) => a + b, 0) >= n) return;
    await sleep(30);
  }
  throw new Error("reactions never reached the store");
}

describe("report", () => {
  it("holds what happened, session by session, and no participant id or address", async () => {
    const ev = await server.event({ rooms: ["Main hall"] });
    const key = ev.moderatorKey;
    const [p1, p2, p3, p4, p5] = Array.from({ length: 5 }, newParticipantId);
    const phone = await server.participant(ev.code, p1);

    // Before any session: a poll with four ballots (one replaced), three questions, a merge, a reply.
    const colours = await createOpenPoll(server.url, key, ev.code, pollBody("single", { title: "Favourite colour" }));
    for (const [pid, choice] of [
      [p1, [0]],
      [p2, [0]],
      [p3, [1]],
      [p1, [2]],
    ] as const)
      expect((await vote(server.url, colours.id, choice, pid)).status).toBe(200);
    const q1 = await askOk(server.url, ev.code, "When is lunch?", { participantId: p1 });
    const q2 = await askOk(server.url, ev.code, "Where are the slides?", { participantId: p2 });
    const q3 = await askOk(server.url, ev.code, "What time is lunch?", { participantId: p4 });
    expect((await upvote(server.url, q1.id, p2)).status).toBe(200);
    expect((await upvote(server.url, q1.id, p3)).status).toBe(200);
    const merged = await api(server.url, "POST", `/api/questions/${q3.id}/moderate`, {
      token: key,
      body: { action: "merge", into: q1.id },
    });
    expect(merged.status).toBe(200);
    await moderateOk(server.url, key, q1.id, "answer");
    const replied = await api(server.url, "POST", `/api/questions/${q2.id}/reply`, {
      token: key,
      body: { text: "On the website." },
    });
    expect(replied.status).toBe(200);
    await react(ev.code, p1, "👏");
    await react(ev.code, p2, "🎉");
    await reactionsStored(ev.code, 2);

    // A session starts: what follows is its own.
    const session = await api(server.url, "POST", `/api/rooms/${ev.code}/sessions`, { token: key, body: { title: "Keynote" } });
    expect(session.status).toBe(201);
    expect((await api(server.url, "POST", `/api/sessions/${session.body.id}/start`, { token: key })).status).toBe(200);
    const scale = await createOpenPoll(server.url, key, ev.code, pollBody("scale", { title: "How was it?" }));
    expect((await vote(server.url, scale.id, 5, p1)).status).toBe(200);
    expect((await vote(server.url, scale.id, 3, p5)).status).toBe(200);
    await askOk(server.url, ev.code, "Will there be a recording?", { participantId: p5 });
    await react(ev.code, p5, "❤️");
    await reactionsStored(ev.code, 3);

    const res = await report(ev.code, key);
    expect(res.status).toBe(200);
    const { room, sessions } = res.body;
    expect(room).toEqual({ code: ev.code, name: "Main hall", eventTitle: ev.title });
    expect(sessions.map((s) => s.session?.title ?? null)).toEqual([null, "Keynote"]);
    const [before, keynote] = sessions as [SessionReport, SessionReport];

    expect(before.participants).toEqual({ peak: 1, distinct: 4 });
    expect([sum(before, "votes"), sum(before, "questions"), sum(before, "reactions")]).toEqual([4, 3, 2]);
    expect(before.polls.map((p) => [p.title, p.results.voters, p.results.counts])).toEqual([["Favourite colour", 3, [1, 1, 1]]]);
    expect(before.questions.asked).toBe(3);
    expect(before.questions.answered).toBe(1);
    expect(before.questions.merged).toBe(1);
    expect(before.questions.top.map((q) => [q.text, q.upvotes, q.status, q.reply])).toEqual([
      ["When is lunch?", 3, "answered", null],
      ["Where are the slides?", 0, "live", "On the website."],
    ]);
    expect(before.reactions).toEqual({ "👏": 1, "🎉": 1 });

    expect(keynote.session?.status).toBe("live");
    expect(keynote.participants).toEqual({ peak: 1, distinct: 2 });
    expect([sum(keynote, "votes"), sum(keynote, "questions"), sum(keynote, "reactions")]).toEqual([2, 1, 1]);
    expect(keynote.polls.map((p) => [p.title, p.results.counts])).toEqual([["How was it?", [0, 0, 1, 0, 1]]]);
    expect(keynote.questions).toMatchObject({ asked: 1, answered: 0, merged: 0 });
    expect(keynote.reactions).toEqual({ "❤️": 1 });
    for (const point of [...before.timeline, ...keynote.timeline]) expect(point.at).toMatch(/:00\.000Z$/);

    // The event's report holds the same room; the JSON export carries the same figures.
    const whole = await api(server.url, "GET", `/api/events/${ev.eventId}/report`, { token: key });
    expect(whole.status).toBe(200);
    expect(whole.body.event).toMatchObject({ id: ev.eventId, title: ev.title });
    expect(whole.body.rooms.map((r: RoomReport) => r.sessions)).toEqual([sessions]);
    const exported = await api(server.url, "GET", `/api/rooms/${ev.code}/export.json`, { token: key });
    expect(exported.body.report).toEqual(sessions);
    const sessionExport = await api(server.url, "GET", `/api/sessions/${session.body.id}/export.json`, { token: key });
    expect(sessionExport.body.report).toEqual([keynote]);

    // No participant id and no address, anywhere in the report, the event's or the exports.
    for (const text of [JSON.stringify(res.body), JSON.stringify(whole.body), JSON.stringify(exported.body)]) {
      for (const pid of [p1, p2, p3, p4, p5, phone.participantId]) expect(text).not.toContain(pid);
      expect(text).not.toMatch(/participantId|clientId|127\.0\.0\.1|::1/);
    }
  });

  it("answers 401 without a key, 403 with another event's key, 404 for an unknown room or event", async () => {
    const ev = await server.event();
    const other = await server.event();
    expectError(await report(ev.code), 401, "unauthorized");
    expectError(await report(ev.code, other.moderatorKey), 403, "forbidden");
    expectError(await report("ZZZZZZ", ev.moderatorKey), 404, "not_found");
    const eventReport = (id: string, token?: string) => api(server.url, "GET", `/api/events/${id}/report`, { token });
    expectError(await eventReport(ev.eventId), 401, "unauthorized");
    expectError(await eventReport(ev.eventId, other.moderatorKey), 403, "forbidden");
    expectError(await eventReport("nope", ev.moderatorKey), 404, "not_found");
    expect((await report(ev.code, server.adminToken)).status).toBe(200);
    expect((await eventReport(ev.eventId, server.adminToken)).status).toBe(200);
  });

  it("keeps its figures once retention erased the participant ids", async () => {
    const ev = await server.event();
    const poll = await createOpenPoll(server.url, ev.moderatorKey, ev.code);
    const pids = [newParticipantId(), newParticipantId()];
    for (const pid of pids) expect((await vote(server.url, poll.id, [1], pid)).status).toBe(200);
    await askOk(server.url, ev.code, "Is it recorded?", { participantId: pids[0], author: "Ada" });
    const first = (await report(ev.code, ev.moderatorKey)).body.sessions;
    expect(await server.app.store.eraseParticipants(ev.eventId)).not.toBe("not_found");
    const after = (await report(ev.code, ev.moderatorKey)).body.sessions;
    expect(after).toEqual(first);
    expect(after[0]?.participants.distinct).toBe(2);
    const text = JSON.stringify(after);
    for (const pid of pids) expect(text).not.toContain(pid);
  });

  it("shows each session's quiz leaderboard; once retention erased the participants, no nickname and no participant id", async () => {
    const ev = await server.event();
    const key = ev.moderatorKey;
    const [ann, bob, cid] = [newParticipantId(), newParticipantId(), newParticipantId()];
    for (const [pid, name] of [
      [ann, "Annabelle"],
      [bob, "Bartholomew"],
    ] as const) {
      const res = await api(server.url, "POST", `/api/rooms/${ev.code}/nickname`, {
        body: { participantId: pid, nickname: name },
      });
      expect(res.status).toBe(200);
    }
    const quiz = pollBody("quiz", { title: "Which one is phishing?", options: ["A", "B"], correct: [0], timeLimit: 60 });
    const poll = await createOpenPoll(server.url, key, ev.code, quiz);
    expect((await vote(server.url, poll.id, [0], ann)).status).toBe(200);
    expect((await vote(server.url, poll.id, [1], bob)).status).toBe(200);
    expect((await vote(server.url, poll.id, [0], cid)).status).toBe(200); // no nickname: not ranked
    await closePoll(server.url, key, poll.id);
    await createOpenPoll(server.url, key, ev.code, pollBody("single", { title: "Not a quiz" }));

    const before = (await report(ev.code, key)).body.sessions;
    expect(before).toHaveLength(1);
    const board = before[0]?.leaderboard;
    expect(board?.players).toBe(2);
    expect(board?.entries.map((e) => [e.rank, e.nickname])).toEqual([
      [1, "Annabelle"],
      [2, "Bartholomew"],
    ]);
    expect(board?.entries[1]?.score).toBe(0);
    expect(board?.entries[0]?.score).toBeGreaterThanOrEqual(500);
    // The leaderboard as the room saw it at the close.
    expect(board).toEqual((await api(server.url, "GET", `/api/rooms/${ev.code}/leaderboard`)).body);

    expect(await server.app.store.eraseParticipants(ev.eventId)).not.toBe("not_found");
    const after = (await report(ev.code, key)).body.sessions;
    expect(after[0]?.leaderboard).toEqual({ entries: [], players: 0 });
    expect(after[0]?.polls.map((p) => p.results.voters)).toEqual([3, 0]); // the figures stay
    const exported = await api(server.url, "GET", `/api/rooms/${ev.code}/export.json`, { token: key });
    for (const text of [JSON.stringify(after), JSON.stringify(exported.body)]) {
      for (const name of ["Annabelle", "Bartholomew"]) expect(text).not.toContain(name);
      for (const pid of [ann, bob, cid]) expect(text).not.toContain(pid);
    }
  });
});

describe("report timeline across a restart", () => {
  it("keeps the counts of the minutes before the node stopped", async () => {
    const first = await startServer();
    const ev = await (async () => {
      const res = await api(first.url, "POST", "/api/events", {
        token: first.adminToken,
        body: { title: "Restarted", rooms: [{ name: "Hall" }] },
      });
      return res.body;
    })();
    const code = ev.rooms[0].code;
    const poll = await createOpenPoll(first.url, ev.moderatorKey, code);
    for (let i = 0; i < 3; i++) expect((await vote(first.url, poll.id, [0])).status).toBe(200);
    await first.app.close(); // the node writes what it counted as it stops
    const second = await startServer({ dataDir: first.dataDir });
    try {
      const res = await api<RoomReport>(second.url, "GET", `/api/rooms/${code}/report`, { token: ev.moderatorKey });
      expect(res.status).toBe(200);
      const votes = res.body.sessions[0]!.timeline.reduce((n, p) => n + p.votes, 0);
      expect(votes).toBe(3);
      expect(res.body.sessions[0]!.participants.distinct).toBe(3);
    } finally {
      await second.close();
      await first.close().catch(() => {});
    }
  });
});
