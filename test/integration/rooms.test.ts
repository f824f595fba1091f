// Rooms: public state by code, settings and screen, moderation view.
import { describe, expect, it } from "vitest";
import { api, newParticipantId, waitFor } from "../helpers/clients.js";
import {
  ADMIN_TOKEN,
  askOk,
  createOpenPoll,
  createPoll,
  expectError,
  ISO_MS,
  moderateOk,
  moderationState,
  patchRoom,
  pollBody,
  publicState,
  sleep,
  upvote,
  vote,
} from "../helpers/fixtures.js";
import { useServer } from "../helpers/use-server.js";

const server = useServer();

const SCREEN_MODES = ["auto", "join", "poll", "question", "questions"];

describe("GET /api/rooms/:code", () => {
  it("answers the public RoomState of a new room", async () => {
    const ev = await server.event({ title: "Assises", rooms: ["Amphi"] });
    const res = await api(server.url, "GET", `/api/rooms/${ev.code}`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(["participants", "polls", "questions", "room"]);
    expect(res.body.room).toMatchObject({ code: ev.code, name: "Amphi", eventTitle: "Assises" });
    expect(typeof res.body.room.premoderation).toBe("boolean");
    expect(typeof res.body.room.qaOpen).toBe("boolean");
    expect(SCREEN_MODES).toContain(res.body.room.screen.mode);
    expect(res.body.polls).toEqual([]);
    expect(res.body.questions).toEqual([]);
    expect(res.body.participants).toBe(0);
    expect(res.body.me).toBeUndefined();
  });

  it("finds the room whatever the case of the code", async () => {
    const ev = await server.event();
    const lower = await api(server.url, "GET", `/api/rooms/${ev.code.toLowerCase()}`);
    expect(lower.status).toBe(200);
    expect(lower.body.room.code).toBe(ev.code);
    const mixed = ev.code
      .split("")
      .map((c, i) => (i % 2 ? c.toLowerCase() : c))
      .join("");
    const res = await api(server.url, "GET", `/api/rooms/${mixed}`);
    expect(res.status).toBe(200);
    expect(res.body.room.code).toBe(ev.code);
  });

  it("answers 404 not_found to an unknown code, and to something that is not a code", async () => {
    const ev = await server.event();
    // Same alphabet, very likely unknown: change every character.
    const unknown = ev.code
      .split("")
      .map((c) => (c === "Z" ? "Y" : "Z"))
      .join("");
    expectError(await api(server.url, "GET", `/api/rooms/${unknown}`), 404, "not_found");
    expectError(await api(server.url, "GET", "/api/rooms/0OIL1x"), 404, "not_found");
    expectError(await api(server.url, "GET", "/api/rooms/TOOLONGCODE"), 404, "not_found");
  });

  it("shows the public only open/closed polls (results where visible) and live/answered questions, polls oldest first", async () => {
    const ev = await server.event();
    const key = ev.moderatorKey;
    const draft = await createPoll(server.url, key, ev.code, pollBody("single", { title: "Draft" }));
    const closed = await createOpenPoll(server.url, key, ev.code, pollBody("scale", { title: "Closed" }));
    await vote(server.url, closed.id, 4);
    await api(server.url, "POST", `/api/polls/${closed.id}/close`, { token: key });
    const hidden = await createOpenPoll(server.url, key, ev.code, pollBody("single", { title: "Hidden", resultsVisible: false }));
    await api(server.url, "POST", `/api/polls/${hidden.id}/close`, { token: key });
    const open = await createOpenPoll(server.url, key, ev.code, pollBody("multiple", { title: "Open" }));
    await vote(server.url, open.id, [0, 2]);

    await patchRoom(server.url, key, ev.code, { premoderation: true });
    const pending = await askOk(server.url, ev.code, "Pending one");
    const rejected = await askOk(server.url, ev.code, "Rejected one");
    await moderateOk(server.url, key, rejected.id, "reject");
    const archived = await askOk(server.url, ev.code, "Archived one");
    await moderateOk(server.url, key, archived.id, "archive");
    const live = await askOk(server.url, ev.code, "Live one");
    await moderateOk(server.url, key, live.id, "approve");
    const answered = await askOk(server.url, ev.code, "Answered one");
    await moderateOk(server.url, key, answered.id, "approve");
    await moderateOk(server.url, key, answered.id, "answer");

    const state = await publicState(server.url, ev.code);
    expect(state.polls.map((p: any) => p.title)).toEqual(["Closed", "Hidden", "Open"]);
    expect(state.polls.some((p: any) => p.id === draft.id)).toBe(false);
    const byId = Object.fromEntries(state.polls.map((p: any) => [p.id, p]));
    expect(byId[closed.id].results).toMatchObject({ pollId: closed.id, voters: 1, counts: [0, 0, 0, 1, 0] });
    expect(byId[open.id].results).toMatchObject({ pollId: open.id, voters: 1, counts: [1, 0, 1] });
    expect(byId[hidden.id].results?.counts).toBeUndefined();
    expect(byId[hidden.id].results?.words).toBeUndefined();
    const ids = state.questions.map((q: any) => q.id).sort();
    expect(ids).toEqual([live.id, answered.id].sort());
    for (const q of [pending, rejected, archived]) expect(JSON.stringify(state)).not.toContain(q.id);
  });
});

describe("PATCH /api/rooms/:code", () => {
  it("changes premoderation, qaOpen and screen and answers the RoomState", async () => {
    const ev = await server.event();
    const poll = await server.openPoll(ev);
    const res = await api(server.url, "PATCH", `/api/rooms/${ev.code}`, {
      token: ev.moderatorKey,
      body: { premoderation: true, qaOpen: false, screen: { mode: "poll", pollId: poll.id } },
    });
    expect(res.status).toBe(200);
    expect(res.body.room).toMatchObject({
      code: ev.code,
      premoderation: true,
      qaOpen: false,
      screen: { mode: "poll", pollId: poll.id },
    });
    expect(Array.isArray(res.body.polls)).toBe(true);
    expect(Array.isArray(res.body.questions)).toBe(true);
    expect(typeof res.body.participants).toBe("number");
    const state = await publicState(server.url, ev.code);
    expect(state.room).toEqual(res.body.room);
  });

  it("changes only what the body names", async () => {
    const ev = await server.event();
    await patchRoom(server.url, ev.moderatorKey, ev.code, { premoderation: true, qaOpen: false });
    const res = await patchRoom(server.url, ev.moderatorKey, ev.code, { qaOpen: true });
    expect(res.room).toMatchObject({ premoderation: true, qaOpen: true });
    const same = await patchRoom(server.url, ev.moderatorKey, ev.code, { unknownKey: 42 });
    expect(same.room).toEqual(res.room);
  });

  it("takes every screen mode", async () => {
    const ev = await server.event();
    for (const mode of SCREEN_MODES) {
      const res = await patchRoom(server.url, ev.moderatorKey, ev.code, { screen: { mode } });
      expect(res.room.screen.mode).toBe(mode);
    }
  });

  it("accepts a lower-case code and the organizer token", async () => {
    const ev = await server.event();
    const res = await api(server.url, "PATCH", `/api/rooms/${ev.code.toLowerCase()}`, {
      token: ADMIN_TOKEN,
      body: { qaOpen: false },
    });
    expect(res.status).toBe(200);
    expect(res.body.room.qaOpen).toBe(false);
  });

  it("sends `room` to every role when settings or screen change", async () => {
    const ev = await server.event();
    const p = await server.participant(ev.code);
    const s = await server.screen(ev.code);
    const m = await server.moderator(ev.code, ev.moderatorKey);
    const got = [p.socket, s.socket, m.socket].map((socket) =>
      waitFor(socket, "room", (room: any) => room.screen?.mode === "questions"),
    );
    const res = await patchRoom(server.url, ev.moderatorKey, ev.code, { screen: { mode: "questions" }, premoderation: true });
    const rooms = await Promise.all(got);
    for (const room of rooms) expect(room).toEqual(res.room);
  });

  it("answers in order 401 → 404 → 403 → 400, and a bad body changes nothing", async () => {
    const ev = await server.event();
    const other = await server.event();
    const bad = { premoderation: "yes" };
    expectError(await api(server.url, "PATCH", `/api/rooms/${ev.code}`, { body: bad }), 401, "unauthorized");
    expectError(await api(server.url, "PATCH", "/api/rooms/ZZZZZZ", { body: bad, token: "nope" }), 401, "unauthorized");
    expectError(await api(server.url, "PATCH", "/api/rooms/ZZZZZZ", { body: bad, token: ev.moderatorKey }), 404, "not_found");
    expectError(
      await api(server.url, "PATCH", `/api/rooms/${ev.code}`, { body: bad, token: other.moderatorKey }),
      403,
      "forbidden",
    );
    const before = await publicState(server.url, ev.code);
    for (const body of [
      bad,
      { qaOpen: 1 },
      { screen: { mode: "slideshow" } },
      { screen: "poll" },
      { screen: { pollId: "x" } },
      { premoderation: true, qaOpen: "false" },
    ]) {
      expectError(await api(server.url, "PATCH", `/api/rooms/${ev.code}`, { body, token: ev.moderatorKey }), 400, "invalid");
    }
    expect(await publicState(server.url, ev.code)).toEqual(before);
  });
});

describe("GET /api/rooms/:code/moderation", () => {
  it("shows every poll (drafts too) with results, and every question whatever its status", async () => {
    const ev = await server.event();
    const key = ev.moderatorKey;
    const draft = await createPoll(server.url, key, ev.code, pollBody("single", { title: "Draft" }));
    const hidden = await createOpenPoll(server.url, key, ev.code, pollBody("scale", { resultsVisible: false }));
    await vote(server.url, hidden.id, 2);
    await vote(server.url, hidden.id, 2);
    await patchRoom(server.url, key, ev.code, { premoderation: true });
    const pid = newParticipantId();
    const pending = await askOk(server.url, ev.code, "Pending?", { participantId: pid, author: "Zoé" });
    const rejected = await askOk(server.url, ev.code, "Rejected?");
    await moderateOk(server.url, key, rejected.id, "reject");
    const archived = await askOk(server.url, ev.code, "Archived?");
    await moderateOk(server.url, key, archived.id, "archive");

    const res = await api(server.url, "GET", `/api/rooms/${ev.code}/moderation`, { token: key });
    expect(res.status).toBe(200);
    expect(res.body.polls.map((p: any) => p.id)).toEqual([draft.id, hidden.id]);
    for (const poll of res.body.polls) expect(poll.results, `results of ${poll.title}`).toBeDefined();
    expect(res.body.polls[1].results).toMatchObject({ pollId: hidden.id, voters: 2, counts: [0, 2, 0, 0, 0] });
    const statuses = Object.fromEntries(res.body.questions.map((q: any) => [q.id, q.status]));
    expect(statuses).toEqual({ [pending.id]: "pending", [rejected.id]: "rejected", [archived.id]: "archived" });
    const q = res.body.questions.find((x: any) => x.id === pending.id);
    expect(q).toEqual({
      id: pending.id,
      roomCode: ev.code,
      text: "Pending?",
      author: "Zoé",
      status: "pending",
      upvotes: 0,
      highlighted: false,
      createdAt: q.createdAt,
      sessionId: null,
      reply: null,
      repliedAt: null,
      labels: [],
      similar: [],
      flagged: false,
    });
    expect(q.createdAt).toMatch(ISO_MS);
    expect(JSON.stringify(res.body)).not.toContain(pid);
  });

  it("sorts questions by upvotes, most first, then oldest first", async () => {
    const ev = await server.event();
    const q1 = await askOk(server.url, ev.code, "first");
    await sleep(5);
    const q2 = await askOk(server.url, ev.code, "second");
    await sleep(5);
    const q3 = await askOk(server.url, ev.code, "third");
    await upvote(server.url, q3.id, newParticipantId());
    const res = await api(server.url, "GET", `/api/rooms/${ev.code}/moderation`, { token: ev.moderatorKey });
    expect(res.body.questions.map((q: any) => q.id)).toEqual([q3.id, q1.id, q2.id]);
  });

  it("is for moderators: 401 without a key, 403 with another event's, 404 for an unknown code", async () => {
    const ev = await server.event();
    const other = await server.event();
    expectError(await api(server.url, "GET", `/api/rooms/${ev.code}/moderation`), 401, "unauthorized");
    expectError(await api(server.url, "GET", `/api/rooms/${ev.code}/moderation`, { token: "wrong" }), 401, "unauthorized");
    expectError(await api(server.url, "GET", "/api/rooms/ZZZZZZ/moderation", { token: ev.moderatorKey }), 404, "not_found");
    expectError(
      await api(server.url, "GET", `/api/rooms/${ev.code}/moderation`, { token: other.moderatorKey }),
      403,
      "forbidden",
    );
    const organizer = await moderationState(server.url, ADMIN_TOKEN, ev.code);
    expect(organizer.room.code).toBe(ev.code);
  });
});
