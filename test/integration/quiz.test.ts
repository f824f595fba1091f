// Quizzes through both doors, on the store the project runs with: right answers kept from the
// public until the close, final ballots, points from the server's clock, the close by itself when
// time is up, nicknames and the leaderboard.
import { describe, expect, it } from "vitest";
import { api, emitAck, newParticipantId, record, waitFor } from "../helpers/clients.js";
import {
  closePoll,
  createPoll,
  expectAckError,
  expectAckOk,
  expectError,
  openPoll,
  pollBody,
  until,
  vote,
} from "../helpers/fixtures.js";
import { useServer } from "../helpers/use-server.js";

const server = useServer();

const quizBody = (extra: Record<string, unknown> = {}) =>
  pollBody("quiz", { title: "Which one is phishing?", options: ["A", "B", "C", "D"], correct: [1], ...extra });

const nickname = (code: string, participantId: string, name: unknown) =>
  api(server.url, "POST", `/api/rooms/${code}/nickname`, { body: { participantId, nickname: name } });

const leaderboard = async (code: string) => (await api(server.url, "GET", `/api/rooms/${code}/leaderboard`)).body;

describe("quiz polls", () => {
  it("need 2–6 options, right answers among them and a time limit of 5–300 s; nothing is created otherwise", async () => {
    const ev = await server.event();
    const create = (body: Record<string, unknown>) =>
      api(server.url, "POST", `/api/rooms/${ev.code}/polls`, { token: ev.moderatorKey, body });
    for (const body of [
      quizBody({ correct: undefined }),
      quizBody({ correct: [] }),
      quizBody({ correct: [4] }),
      quizBody({ correct: [1, 1] }),
      quizBody({ timeLimit: 4 }),
      quizBody({ timeLimit: 301 }),
      quizBody({ options: ["A"], correct: [0] }),
      quizBody({ options: ["A", "B", "C", "D", "E", "F", "G"], correct: [0] }),
    ]) {
      expectError(await create(body), 400, "invalid");
    }
    const state = await api(server.url, "GET", `/api/rooms/${ev.code}/moderation`, { token: ev.moderatorKey });
    expect(state.body.polls).toEqual([]);
    const made = await create(quizBody({ correct: [2, 1] }));
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ kind: "quiz", correct: [1, 2], timeLimit: 30, resultsVisible: false, status: "draft" });
    expect(made.body.openedAt).toBeUndefined();
  });

  it("change their right answers and time limit while drafts only, checked against their options", async () => {
    const ev = await server.event();
    const poll = await createPoll(server.url, ev.moderatorKey, ev.code, quizBody());
    const patch = (body: Record<string, unknown>) =>
      api(server.url, "PATCH", `/api/polls/${poll.id}`, { token: ev.moderatorKey, body });
    expect((await patch({ correct: [3], timeLimit: 10 })).body).toMatchObject({ correct: [3], timeLimit: 10 });
    expectError(await patch({ correct: [4] }), 400, "invalid");
    expectError(await patch({ options: ["A", "B"] }), 400, "invalid"); // the right answer 3 would be gone
    expectError(await patch({ timeLimit: 301 }), 400, "invalid");
    await openPoll(server.url, ev.moderatorKey, poll.id);
    expectError(await patch({ timeLimit: 20 }), 409, "conflict");
    const state = await api(server.url, "GET", `/api/rooms/${ev.code}/moderation`, { token: ev.moderatorKey });
    expect(state.body.polls[0]).toMatchObject({ correct: [3], timeLimit: 10, options: ["A", "B", "C", "D"] });
  });

  it("tell the public the right answers only once closed; moderators always", async () => {
    const ev = await server.event();
    const poll = await createPoll(server.url, ev.moderatorKey, ev.code, quizBody({ timeLimit: 60 }));
    const { socket: screen } = await server.screen(ev.code);
    const { socket: mod } = await server.moderator(ev.code, ev.moderatorKey);
    const screenPolls = record(screen, "poll");
    const modPolls = record(mod, "poll");
    const opened = await openPoll(server.url, ev.moderatorKey, poll.id);
    expect(opened.correct).toEqual([1]);
    expect(Date.parse(opened.closesAt) - Date.parse(opened.openedAt)).toBe(60_000);
    const publicOpen = await until(screenPolls, (p) => p.status === "open");
    expect(publicOpen.correct).toBeUndefined();
    expect(publicOpen).toMatchObject({ openedAt: opened.openedAt, closesAt: opened.closesAt, timeLimit: 60 });
    expect((await until(modPolls, (p) => p.status === "open")).correct).toEqual([1]);
    const state = await api(server.url, "GET", `/api/rooms/${ev.code}`);
    expect(state.body.polls[0].correct).toBeUndefined();
    const clock = expectAckOk(await emitAck(screen, "clock", {}));
    expect(Date.parse(clock.now)).not.toBeNaN();
    expectAckError(await emitAck(screen, "clock", JSON.parse('{"__proto__": {"x": 1}}')), "invalid");
    await closePoll(server.url, ev.moderatorKey, poll.id);
    const closed = await until(screenPolls, (p) => p.status === "closed");
    // Closed: the right answers, and the results (hidden while it ran) are the reveal.
    expect(closed).toMatchObject({ correct: [1], resultsVisible: true });
  });

  it("take one final ballot: the same again answers as the first, another 409, on both doors", async () => {
    const ev = await server.event();
    const poll = await server.openPoll(ev, quizBody({ timeLimit: 60 }));
    const pid = newParticipantId();
    const first = await vote(server.url, poll.id, [1], pid);
    expect(first.status).toBe(200);
    expect(first.body.counts).toBeUndefined(); // hidden while it runs
    const again = await vote(server.url, poll.id, [1], pid);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expectError(await vote(server.url, poll.id, [2], pid), 409, "conflict");
    expectError(await vote(server.url, poll.id, [0, 1], pid), 400, "invalid");
    const { socket } = await server.participant(ev.code, pid);
    expectAckError(await emitAck(socket, "vote", { pollId: poll.id, choice: [3] }), "conflict");
    expect(expectAckOk(await emitAck(socket, "vote", { pollId: poll.id, choice: [1] }))).toEqual(first.body);
    const moderation = await api(server.url, "GET", `/api/polls/${poll.id}/results`, { token: ev.moderatorKey });
    expect(moderation.body).toMatchObject({ voters: 1, counts: [0, 1, 0, 0] });
  });

  it("score from the server's clock: points of a right answer between 500 and 1000, 0 when wrong; shown after the close", async () => {
    const ev = await server.event();
    const poll = await server.openPoll(ev, quizBody({ timeLimit: 60 }));
    const [ann, bob] = [newParticipantId(), newParticipantId()];
    expect((await nickname(ev.code, ann, "Ann")).status).toBe(200);
    expect((await nickname(ev.code, bob, "Bob")).status).toBe(200);
    const { socket } = await server.participant(ev.code, ann);
    // Nothing the phone sends about time counts.
    expectAckOk(await emitAck(socket, "vote", { pollId: poll.id, choice: [1], at: "2020-01-01T00:00:00.000Z", t: 0 }));
    expect((await vote(server.url, poll.id, [3], bob)).status).toBe(200);
    const before = await leaderboard(ev.code);
    expect(before).toEqual({ entries: [], players: 0 }); // a running quiz counts for nothing yet
    const board = waitFor(socket, "leaderboard");
    const fresh = waitFor(socket, "state", (s) => s.me?.score > 0);
    await closePoll(server.url, ev.moderatorKey, poll.id);
    const sent = await board;
    const { me } = await fresh;
    expect(me.points[poll.id]).toBeGreaterThanOrEqual(500);
    expect(me.points[poll.id]).toBeLessThanOrEqual(1000);
    expect(me).toMatchObject({ nickname: "Ann", score: me.points[poll.id], rank: 1 });
    expect(sent).toEqual({
      entries: [
        { rank: 1, nickname: "Ann", score: me.points[poll.id] },
        { rank: 2, nickname: "Bob", score: 0 },
      ],
      players: 2,
    });
    expect(await leaderboard(ev.code)).toEqual(sent);
  });

  it("cannot be opened again or reset once closed (409), and keep their ballots", async () => {
    const ev = await server.event();
    const poll = await server.openPoll(ev, quizBody({ timeLimit: 60 }));
    await vote(server.url, poll.id, [1]);
    await closePoll(server.url, ev.moderatorKey, poll.id);
    expectError(await api(server.url, "POST", `/api/polls/${poll.id}/open`, { token: ev.moderatorKey }), 409, "conflict");
    expectError(await api(server.url, "POST", `/api/polls/${poll.id}/reset`, { token: ev.moderatorKey }), 409, "conflict");
    const { socket } = await server.moderator(ev.code, ev.moderatorKey);
    expectAckError(await emitAck(socket, "poll:open", { pollId: poll.id }), "conflict");
    expectAckError(await emitAck(socket, "poll:reset", { pollId: poll.id }), "conflict");
    const results = await api(server.url, "GET", `/api/polls/${poll.id}/results`);
    expect(results.body).toMatchObject({ voters: 1, counts: [0, 1, 0, 0] });
  });

  it("close by themselves when time is up: the screen sees the close and the leaderboard, and a late ballot gets 409", async () => {
    const ev = await server.event();
    const { socket: screen } = await server.screen(ev.code);
    const polls = record(screen, "poll");
    const boards = record(screen, "leaderboard");
    const pid = newParticipantId();
    await nickname(ev.code, pid, "Zoé");
    const poll = await server.openPoll(ev, quizBody({ timeLimit: 5 }));
    expect((await vote(server.url, poll.id, [1], pid)).status).toBe(200);
    const closed = await until(polls, (p) => p.id === poll.id && p.status === "closed", 10_000);
    expect(closed.correct).toEqual([1]);
    const board = await until(boards, () => true);
    expect(board.entries[0]).toMatchObject({ rank: 1, nickname: "Zoé" });
    expectError(await vote(server.url, poll.id, [1], newParticipantId()), 409, "conflict");
  });

  it("closed by a session's start are revealed and announced as any close: results public, the leaderboard to the room", async () => {
    const ev = await server.event();
    const { socket: screen } = await server.screen(ev.code);
    const { socket: mod } = await server.moderator(ev.code, ev.moderatorKey);
    const boards = record(screen, "leaderboard");
    const modPolls = record(mod, "poll");
    const pid = newParticipantId();
    await nickname(ev.code, pid, "Zoé");
    const poll = await server.openPoll(ev, quizBody({ timeLimit: 60 }));
    expect((await vote(server.url, poll.id, [1], pid)).status).toBe(200);
    const hidden = await api(server.url, "GET", `/api/polls/${poll.id}/results`);
    expect(hidden.body.counts).toBeUndefined(); // a running quiz keeps its distribution
    const session = await api(server.url, "POST", `/api/rooms/${ev.code}/sessions`, {
      token: ev.moderatorKey,
      body: { title: "After the quiz" },
    });
    expect((await api(server.url, "POST", `/api/sessions/${session.body.id}/start`, { token: ev.moderatorKey })).status).toBe(
      200,
    );
    const closed = await until(modPolls, (p) => p.id === poll.id && p.status === "closed");
    expect(closed).toMatchObject({ resultsVisible: true, correct: [1] });
    const board = await until(boards, () => true);
    // The board of the room's current session, as the route answers it: the new session has no closed quiz yet.
    expect(board).toEqual(await leaderboard(ev.code));
    const results = await api(server.url, "GET", `/api/polls/${poll.id}/results`);
    expect(results.body).toMatchObject({ voters: 1, counts: [0, 1, 0, 0] });
  });
});

describe("nicknames", () => {
  it("are unique in a room, case and accents ignored: 409 with a free suggestion, on both doors", async () => {
    const ev = await server.event();
    const [ann, bob] = [newParticipantId(), newParticipantId()];
    const set = await nickname(ev.code, ann, "  Élodie ");
    expect(set).toMatchObject({ status: 200, body: { nickname: "Élodie" } });
    const taken = await nickname(ev.code, bob, "ELODIE");
    expectError(taken, 409, "conflict");
    expect(taken.body.error.suggestion).toBe("ELODIE 2");
    expect(taken.body.error.message).toContain("ELODIE 2");
    const { socket, state } = await server.participant(ev.code, bob);
    expect(state.me.nickname).toBeNull();
    const refused = await emitAck(socket, "nickname", { nickname: "elodie" });
    expectAckError(refused, "conflict");
    expect(expectAckOk(await emitAck(socket, "nickname", { nickname: "Élodie 2" }))).toEqual({ nickname: "Élodie 2" });
    // The holder may change its own, even to another case of it.
    expect((await nickname(ev.code, ann, "ÉLODIE")).status).toBe(200);
    const { state: again } = await server.participant(ev.code, bob);
    expect(again.me.nickname).toBe("Élodie 2");
  });

  it("take 1–24 characters (400 otherwise) in a room that exists (404)", async () => {
    const ev = await server.event();
    const pid = newParticipantId();
    for (const bad of ["", "   ", "x".repeat(25), 3]) expectError(await nickname(ev.code, pid, bad), 400, "invalid");
    expect((await nickname(ev.code, pid, "x".repeat(24))).status).toBe(200);
    expectError(await nickname("ZZZZZZ", pid, "Ann"), 404, "not_found");
  });
});

describe("the leaderboard", () => {
  it("ranks the totals over the session's closed quizzes; ties share a rank; participants without a nickname are left out", async () => {
    const ev = await server.event();
    const q1 = await server.openPoll(ev, quizBody({ timeLimit: 60 }));
    const [ann, bob, cat, dan] = [newParticipantId(), newParticipantId(), newParticipantId(), newParticipantId()];
    for (const [pid, name] of [
      [ann, "Ann"],
      [bob, "Bob"],
      [cat, "Cat"],
    ] as const) {
      await nickname(ev.code, pid, name);
    }
    await vote(server.url, q1.id, [1], ann); // right
    await vote(server.url, q1.id, [0], bob); // wrong
    await vote(server.url, q1.id, [2], cat); // wrong
    await vote(server.url, q1.id, [1], dan); // right, no nickname
    await closePoll(server.url, ev.moderatorKey, q1.id);
    const board = await leaderboard(ev.code);
    expect(board.players).toBe(3);
    expect(board.entries.map((e: { rank: number; nickname: string }) => [e.rank, e.nickname])).toEqual([
      [1, "Ann"],
      [2, "Bob"],
      [2, "Cat"],
    ]);
    expectError(await api(server.url, "GET", "/api/rooms/ZZZZZZ/leaderboard"), 404, "not_found");
  });
});
