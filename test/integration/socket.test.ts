// Socket.IO: handshakes, `state` on connect, every client→server event, who hears what, presence, bad payloads.
import { describe, expect, it } from "vitest";
import { api, connect, connectWithState, emitAck, newParticipantId, record, waitFor } from "../helpers/clients.js";
import {
  ADMIN_TOKEN,
  askOk,
  barrier,
  createOpenPoll,
  createPoll,
  expectAckError,
  expectAckOk,
  expectSeqNeverBack,
  findQuestion,
  getResults,
  ISO_MS,
  moderateOk,
  moderationState,
  patchRoom,
  pollBody,
  publicState,
  sleep,
  until,
  upvote,
  vote,
} from "../helpers/fixtures.js";
import { useServer } from "../helpers/use-server.js";

const server = useServer();

/** One event, one room, one socket per role. */
async function roomWithRoles() {
  const ev = await server.event();
  const participant = await server.participant(ev.code);
  const other = await server.participant(ev.code);
  const screen = await server.screen(ev.code);
  const moderator = await server.moderator(ev.code, ev.moderatorKey);
  const all = [participant.socket, other.socket, screen.socket, moderator.socket];
  return { ev, key: ev.moderatorKey, code: ev.code, participant, other, screen, moderator, all };
}

describe("handshake", () => {
  it("accepts a participant, a screen and a moderator (key or organizer token), each with a `state`", async () => {
    const ev = await server.event({ title: "Handshakes" });
    for (const auth of [
      { code: ev.code, participantId: newParticipantId() },
      { code: ev.code, role: "screen" },
      { code: ev.code, moderatorKey: ev.moderatorKey },
      { code: ev.code, moderatorKey: ADMIN_TOKEN },
      { code: ev.code.toLowerCase(), participantId: newParticipantId() },
    ]) {
      const { socket, state } = await connectWithState(server.url, auth);
      try {
        expect(socket.connected).toBe(true);
        expect(state.room).toMatchObject({ code: ev.code, eventTitle: "Handshakes" });
        expect(Array.isArray(state.polls)).toBe(true);
        expect(Array.isArray(state.questions)).toBe(true);
        expect(typeof state.participants).toBe("number");
        if ("participantId" in auth)
          expect(state.me).toEqual({ ballots: {}, upvoted: [], questions: [], nickname: null, score: 0, rank: null, points: {} });
        else expect(state.me).toBeUndefined();
      } finally {
        socket.close();
      }
    }
  });

  it("refuses a bad code with a connect_error saying so", async () => {
    const err = await connect(server.url, { code: "ZZZZZZ", participantId: newParticipantId() }).catch((e) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toMatch(/code|room/i);
    expect(err.message.length).toBeGreaterThan(8);
  });

  it("refuses a bad moderator key with a connect_error saying so, and another event's key too", async () => {
    const ev = await server.event();
    const other = await server.event();
    for (const moderatorKey of ["wrong-key", other.moderatorKey]) {
      const err = await connect(server.url, { code: ev.code, moderatorKey }).catch((e) => e);
      expect(err).toBeInstanceOf(Error);
      expect(err.message).toMatch(/key/i);
    }
  });

  it("refuses a missing or malformed handshake", async () => {
    const ev = await server.event();
    for (const auth of [
      {},
      { code: ev.code },
      { code: ev.code, participantId: "short" },
      { code: ev.code, role: "admin" },
      { participantId: newParticipantId() },
    ]) {
      const err = await connect(server.url, auth).catch((e) => e);
      expect(err, JSON.stringify(auth)).toBeInstanceOf(Error);
      expect(err.message.length).toBeGreaterThan(0);
    }
  });

  it("refuses a handshake whose Origin is not allowed", async () => {
    const ev = await server.event();
    const err = await connect(server.url, { code: ev.code, role: "screen" }, { origin: "https://evil.example" }).catch((e) => e);
    expect(err).toBeInstanceOf(Error);
  });
});

describe("`state` on connect", () => {
  it("gives the public the public RoomState and the moderator everything", async () => {
    const ev = await server.event();
    const key = ev.moderatorKey;
    const draft = await createPoll(server.url, key, ev.code, pollBody("scale", { title: "Draft" }));
    const hidden = await createOpenPoll(server.url, key, ev.code, pollBody("single", { resultsVisible: false }));
    await vote(server.url, hidden.id, [2]);
    await patchRoom(server.url, key, ev.code, { premoderation: true });
    const pending = await askOk(server.url, ev.code, "pending one");

    const screen = await server.screen(ev.code);
    expect(screen.state).toEqual(await publicState(server.url, ev.code));
    expect(screen.state.me).toBeUndefined();
    expect(screen.state.polls.map((p: any) => p.id)).toEqual([hidden.id]);
    expect(screen.state.polls[0].results?.counts).toBeUndefined();
    expect(screen.state.questions).toEqual([]);

    const mod = await server.moderator(ev.code, key);
    const view = await moderationState(server.url, key, ev.code);
    expect({ ...mod.state, participants: 0 }).toEqual({ ...view, participants: 0 });
    expect(mod.state.polls.map((p: any) => p.id)).toEqual([draft.id, hidden.id]);
    expect(mod.state.polls[1].results).toMatchObject({ voters: 1, counts: [0, 0, 1] });
    expect(mod.state.questions.map((q: any) => q.id)).toEqual([pending.id]);
  });

  it("gives a participant `me`: ballots in stored form, upvoted, its own questions whatever their status", async () => {
    const ev = await server.event();
    const key = ev.moderatorKey;
    const pid = newParticipantId();
    const multiple = await createOpenPoll(server.url, key, ev.code, pollBody("multiple"));
    await vote(server.url, multiple.id, [2, 0], pid);
    await api(server.url, "POST", `/api/polls/${multiple.id}/close`, { token: key });
    const cloud = await createOpenPoll(server.url, key, ev.code, pollBody("wordcloud"));
    await vote(server.url, cloud.id, "  HeLLo Wörld ", pid);
    await api(server.url, "POST", `/api/polls/${cloud.id}/close`, { token: key });
    const scale = await createOpenPoll(server.url, key, ev.code, pollBody("scale"));
    await vote(server.url, scale.id, 4, pid);
    await api(server.url, "POST", `/api/polls/${scale.id}/close`, { token: key });
    const single = await createOpenPoll(server.url, key, ev.code, pollBody("single"));
    await vote(server.url, single.id, [0], pid);
    await vote(server.url, single.id, [1], pid);

    const someoneElses = await askOk(server.url, ev.code, "Someone else's");
    await upvote(server.url, someoneElses.id, pid);
    const withdrawn = await askOk(server.url, ev.code, "Withdrawn upvote");
    await upvote(server.url, withdrawn.id, pid);
    await upvote(server.url, withdrawn.id, pid, false);
    const mineLive = await askOk(server.url, ev.code, "Mine, live", { participantId: pid });
    await patchRoom(server.url, key, ev.code, { premoderation: true });
    const minePending = await askOk(server.url, ev.code, "Mine, pending", { participantId: pid });
    const mineRejected = await askOk(server.url, ev.code, "Mine, rejected", { participantId: pid });
    await moderateOk(server.url, key, mineRejected.id, "reject");
    const mineArchived = await askOk(server.url, ev.code, "Mine, archived", { participantId: pid });
    await moderateOk(server.url, key, mineArchived.id, "archive");
    await askOk(server.url, ev.code, "Not mine, pending");

    const { state } = await server.participant(ev.code, pid);
    expect(state.me.ballots).toEqual({ [multiple.id]: [0, 2], [cloud.id]: "hello wörld", [scale.id]: 4, [single.id]: [1] });
    expect(state.me.upvoted).toEqual([someoneElses.id]);
    const mine = Object.fromEntries(state.me.questions.map((q: any) => [q.id, q.status]));
    expect(mine).toEqual({
      [mineLive.id]: "live",
      [minePending.id]: "pending",
      [mineRejected.id]: "rejected",
      [mineArchived.id]: "archived",
    });
    for (const q of state.me.questions) expect(q.createdAt).toMatch(ISO_MS);
    // The shared part is the public view.
    const { me: _me, ...rest } = state;
    expect({ ...rest, participants: 0 }).toEqual({ ...(await publicState(server.url, ev.code)), participants: 0 });
    expect(JSON.stringify(state)).not.toContain(pid);

    // Another participant sees none of it.
    const fresh = await server.participant(ev.code);
    expect(fresh.state.me).toEqual({ ballots: {}, upvoted: [], questions: [], nickname: null, score: 0, rank: null, points: {} });
  });
});

describe("participant events", () => {
  it("vote: ok → Results; replacement; errors not_found, conflict, invalid", async () => {
    const { key, code, participant } = await roomWithRoles();
    const poll = await createOpenPoll(server.url, key, code);
    const ack = await emitAck(participant.socket, "vote", { pollId: poll.id, choice: [1] });
    expect(expectAckOk(ack)).toEqual({ pollId: poll.id, voters: 1, counts: [0, 1, 0], seq: (ack as any).data.seq });
    expect(expectAckOk(await emitAck(participant.socket, "vote", { pollId: poll.id, choice: [2] }))).toMatchObject({
      voters: 1,
      counts: [0, 0, 1],
    });
    expectAckError(await emitAck(participant.socket, "vote", { pollId: "nope", choice: [0] }), "not_found");
    expectAckError(await emitAck(participant.socket, "vote", { pollId: poll.id, choice: [9] }), "invalid");
    expectAckError(await emitAck(participant.socket, "vote", { pollId: poll.id, choice: [0, 0] }), "invalid");
    const draft = await createPoll(server.url, key, code);
    expectAckError(await emitAck(participant.socket, "vote", { pollId: draft.id, choice: [0] }), "not_found");
    await api(server.url, "POST", `/api/polls/${poll.id}/close`, { token: key });
    expectAckError(await emitAck(participant.socket, "vote", { pollId: poll.id, choice: [0] }), "conflict");
    expect(await getResults(server.url, poll.id)).toMatchObject({ voters: 1, counts: [0, 0, 1] });
  });

  it("vote while results are hidden: ack without counts", async () => {
    const { key, code, participant } = await roomWithRoles();
    const poll = await createOpenPoll(server.url, key, code, pollBody("wordcloud", { resultsVisible: false }));
    const data = expectAckOk(await emitAck(participant.socket, "vote", { pollId: poll.id, choice: "Secret" }));
    expect(data).toEqual({ pollId: poll.id, voters: 1, seq: data.seq });
  });

  it("ask: ok → Question; clientId retry; errors conflict (Q&A closed), invalid", async () => {
    const { key, code, participant } = await roomWithRoles();
    const q = expectAckOk(await emitAck(participant.socket, "ask", { text: " Via socket ", author: "Bob", clientId: "s-1" }));
    expect(q).toEqual({
      id: q.id,
      roomCode: code,
      text: "Via socket",
      author: "Bob",
      status: "live",
      upvotes: 0,
      highlighted: false,
      createdAt: q.createdAt,
      sessionId: null,
      reply: null,
      repliedAt: null,
      labels: [],
    });
    expect(
      expectAckOk(await emitAck(participant.socket, "ask", { text: " Via socket ", author: "Bob", clientId: "s-1" })),
    ).toEqual(q);
    await patchRoom(server.url, key, code, { qaOpen: false });
    expectAckError(await emitAck(participant.socket, "ask", { text: "Closed?" }), "conflict");
    expect(expectAckOk(await emitAck(participant.socket, "ask", { text: " Via socket ", clientId: "s-1" })).id).toBe(q.id);
    await patchRoom(server.url, key, code, { qaOpen: true });
    expectAckError(await emitAck(participant.socket, "ask", { text: "" }), "invalid");
    expectAckError(await emitAck(participant.socket, "ask", { text: "x".repeat(281) }), "invalid");
    expectAckError(await emitAck(participant.socket, "ask", { text: "ok", author: "a".repeat(41) }), "invalid");
    expect((await moderationState(server.url, key, code)).questions).toHaveLength(1);
  });

  it("upvote: ok → {id, upvotes}; on/off idempotent; errors not_found, conflict, invalid", async () => {
    const { ev, key, code, participant } = await roomWithRoles();
    const q = await askOk(server.url, code, "Upvote over socket");
    expect(expectAckOk(await emitAck(participant.socket, "upvote", { questionId: q.id, on: true }))).toEqual({
      id: q.id,
      upvotes: 1,
    });
    expect(expectAckOk(await emitAck(participant.socket, "upvote", { questionId: q.id, on: true }))).toEqual({
      id: q.id,
      upvotes: 1,
    });
    expect(expectAckOk(await emitAck(participant.socket, "upvote", { questionId: q.id, on: false }))).toEqual({
      id: q.id,
      upvotes: 0,
    });
    expectAckError(await emitAck(participant.socket, "upvote", { questionId: "nope", on: true }), "not_found");
    expectAckError(await emitAck(participant.socket, "upvote", { questionId: q.id, on: "yes" }), "invalid");
    expectAckError(await emitAck(participant.socket, "upvote", { questionId: q.id }), "invalid");
    await patchRoom(server.url, key, code, { premoderation: true });
    const pending = await askOk(server.url, code, "Pending, no upvotes");
    expectAckError(await emitAck(participant.socket, "upvote", { questionId: pending.id, on: true }), "conflict");
    expect((await findQuestion(server.url, ev.moderatorKey, code, pending.id)).upvotes).toBe(0);
  });

  it("a participant cannot act in another room through its socket", async () => {
    const ev = await server.event({ rooms: 2 });
    const p = await server.participant(ev.rooms[0].code);
    const poll = await createOpenPoll(server.url, ev.moderatorKey, ev.rooms[1].code);
    const ack = await emitAck(p.socket, "vote", { pollId: poll.id, choice: [0] });
    expect(ack.ok).toBe(false);
    expect(["not_found", "forbidden"]).toContain((ack as any).error.code);
    expect((await getResults(server.url, poll.id)).voters).toBe(0);
  });
});

describe("moderator events", () => {
  it("poll:create, poll:update, poll:open, poll:close, poll:reset, poll:delete answer the HTTP shapes", async () => {
    const { key, code, moderator } = await roomWithRoles();
    const m = moderator.socket;
    const poll = expectAckOk(await emitAck(m, "poll:create", { title: "Socket poll", kind: "single", options: ["A", "B"] }));
    expect(poll).toEqual({
      id: poll.id,
      roomCode: code,
      title: "Socket poll",
      kind: "single",
      options: ["A", "B"],
      status: "draft",
      resultsVisible: true,
      createdAt: poll.createdAt,
      sessionId: null,
    });
    const updated = expectAckOk(await emitAck(m, "poll:update", { pollId: poll.id, title: "Renamed", options: ["A", "B", "C"] }));
    expect(updated).toEqual({ ...poll, title: "Renamed", options: ["A", "B", "C"] });
    const opened = expectAckOk(await emitAck(m, "poll:open", { pollId: poll.id }));
    expect(opened).toEqual({ ...updated, status: "open" });
    const hidden = expectAckOk(await emitAck(m, "poll:update", { pollId: poll.id, resultsVisible: false }));
    expect(hidden).toEqual({ ...opened, resultsVisible: false });
    await vote(server.url, poll.id, [2]);
    const closed = expectAckOk(await emitAck(m, "poll:close", { pollId: poll.id }));
    expect(closed).toEqual({ ...hidden, status: "closed" });
    const reset = expectAckOk(await emitAck(m, "poll:reset", { pollId: poll.id }));
    expect(reset).toMatchObject({ pollId: poll.id, voters: 0, counts: [0, 0, 0] });
    expectAckOk(await emitAck(m, "poll:delete", { pollId: poll.id }));
    expect((await moderationState(server.url, key, code)).polls).toEqual([]);
  });

  it("poll events refuse what HTTP refuses: invalid, not_found, conflict", async () => {
    const { key, code, moderator } = await roomWithRoles();
    const m = moderator.socket;
    expectAckError(await emitAck(m, "poll:create", { title: "t", kind: "survey" }), "invalid");
    expectAckError(await emitAck(m, "poll:create", { title: "t", kind: "single", options: ["only"] }), "invalid");
    expectAckError(await emitAck(m, "poll:create", { title: "", kind: "scale" }), "invalid");
    expectAckError(await emitAck(m, "poll:open", { pollId: "nope" }), "not_found");
    expectAckError(await emitAck(m, "poll:delete", { pollId: "nope" }), "not_found");
    expectAckError(await emitAck(m, "poll:open", {}), "invalid");
    const poll = await createOpenPoll(server.url, key, code);
    expectAckError(await emitAck(m, "poll:open", { pollId: poll.id }), "conflict");
    expectAckError(await emitAck(m, "poll:update", { pollId: poll.id, title: "Too late" }), "conflict");
    const draft = await createPoll(server.url, key, code);
    expectAckError(await emitAck(m, "poll:close", { pollId: draft.id }), "conflict");
    const polls = await moderationState(server.url, key, code);
    expect(polls.polls.map((p: any) => [p.id, p.status, p.title])).toEqual([
      [poll.id, "open", poll.title],
      [draft.id, "draft", draft.title],
    ]);
  });

  it("question:moderate → Question; conflict and invalid", async () => {
    const { code, moderator } = await roomWithRoles();
    const q = await askOk(server.url, code, "Moderate over socket");
    const answered = expectAckOk(await emitAck(moderator.socket, "question:moderate", { questionId: q.id, action: "answer" }));
    expect(answered).toEqual({ ...q, status: "answered" });
    expectAckError(await emitAck(moderator.socket, "question:moderate", { questionId: q.id, action: "answer" }), "conflict");
    expectAckError(await emitAck(moderator.socket, "question:moderate", { questionId: q.id, action: "destroy" }), "invalid");
    expectAckError(await emitAck(moderator.socket, "question:moderate", { questionId: "nope", action: "answer" }), "not_found");
  });

  it("room:update → RoomState; invalid", async () => {
    const { key, code, moderator } = await roomWithRoles();
    const state = expectAckOk(
      await emitAck(moderator.socket, "room:update", { premoderation: true, screen: { mode: "questions" } }),
    );
    expect(state.room).toMatchObject({ code, premoderation: true, screen: { mode: "questions" } });
    expect(Array.isArray(state.polls)).toBe(true);
    expectAckError(await emitAck(moderator.socket, "room:update", { qaOpen: "no" }), "invalid");
    expect((await moderationState(server.url, key, code)).room).toEqual(state.room);
  });

  it("the organizer token works as a moderator key over sockets", async () => {
    const ev = await server.event();
    const { socket } = await server.moderator(ev.code, ADMIN_TOKEN);
    const poll = expectAckOk(await emitAck(socket, "poll:create", { title: "By organizer", kind: "scale" }));
    expect(poll.roomCode).toBe(ev.code);
  });

  it("a moderator socket acts in every room of its event", async () => {
    const ev = await server.event({ rooms: 2 });
    const { socket } = await server.moderator(ev.rooms[0].code, ev.moderatorKey);
    const poll = await createPoll(server.url, ev.moderatorKey, ev.rooms[1].code);
    const q = await askOk(server.url, ev.rooms[1].code, "Other room of my event");
    expect(expectAckOk(await emitAck(socket, "poll:open", { pollId: poll.id })).status).toBe("open");
    expect(expectAckOk(await emitAck(socket, "question:moderate", { questionId: q.id, action: "answer" })).status).toBe(
      "answered",
    );
  });

  it("a moderator socket cannot touch another event's polls and questions (forbidden)", async () => {
    const mine = await server.event();
    const theirs = await server.event();
    const { socket } = await server.moderator(mine.code, mine.moderatorKey);
    const poll = await createOpenPoll(server.url, theirs.moderatorKey, theirs.code);
    const q = await askOk(server.url, theirs.code, "Theirs");
    for (const [event, payload] of [
      ["poll:close", { pollId: poll.id }],
      ["poll:reset", { pollId: poll.id }],
      ["poll:delete", { pollId: poll.id }],
      ["poll:update", { pollId: poll.id, resultsVisible: false }],
      ["question:moderate", { questionId: q.id, action: "archive" }],
    ] as const) {
      expectAckError(await emitAck(socket, event, payload), "forbidden");
    }
    const state = await moderationState(server.url, theirs.moderatorKey, theirs.code);
    expect(state.polls[0]).toMatchObject({ status: "open", resultsVisible: true });
    expect(state.questions[0].status).toBe("live");
  });

  it("are refused to participants and screens (forbidden), and change nothing", async () => {
    const { key, code, participant, screen } = await roomWithRoles();
    const poll = await createOpenPoll(server.url, key, code);
    const q = await askOk(server.url, code, "Not yours to moderate");
    const before = await moderationState(server.url, key, code);
    for (const socket of [participant.socket, screen.socket]) {
      for (const [event, payload] of [
        ["poll:create", { title: "Hack", kind: "scale" }],
        ["poll:update", { pollId: poll.id, resultsVisible: false }],
        ["poll:open", { pollId: poll.id }],
        ["poll:close", { pollId: poll.id }],
        ["poll:reset", { pollId: poll.id }],
        ["poll:delete", { pollId: poll.id }],
        ["question:moderate", { questionId: q.id, action: "archive" }],
        ["room:update", { qaOpen: false }],
      ] as const) {
        expectAckError(await emitAck(socket, event, payload), "forbidden");
      }
    }
    // A screen only reads.
    expectAckError(await emitAck(screen.socket, "vote", { pollId: poll.id, choice: [0] }), "forbidden");
    expectAckError(await emitAck(screen.socket, "ask", { text: "Screens don't ask" }), "forbidden");
    expectAckError(await emitAck(screen.socket, "upvote", { questionId: q.id, on: true }), "forbidden");
    expect(await moderationState(server.url, key, code)).toEqual(before);
  });
});

describe("who hears what", () => {
  it("`question`: a pending question reaches moderators and its author only; approval reaches everyone", async () => {
    const { key, code, participant, other, screen, moderator, all } = await roomWithRoles();
    await patchRoom(server.url, key, code, { premoderation: true });
    const heard = {
      author: record(participant.socket, "question"),
      other: record(other.socket, "question"),
      screen: record(screen.socket, "question"),
      moderator: record(moderator.socket, "question"),
    };
    const q = expectAckOk(await emitAck(participant.socket, "ask", { text: "Am I pending?" }));
    expect(q.status).toBe("pending");
    await barrier(server.url, key, code, all);
    expect(heard.moderator.map((x: any) => [x.id, x.status])).toEqual([[q.id, "pending"]]);
    expect(heard.author.map((x: any) => [x.id, x.status])).toEqual([[q.id, "pending"]]);
    expect(heard.other).toEqual([]);
    expect(heard.screen).toEqual([]);

    await moderateOk(server.url, key, q.id, "approve");
    await barrier(server.url, key, code, all);
    for (const list of Object.values(heard)) expect(list.at(-1)).toEqual({ ...q, status: "live" });
    for (const list of Object.values(heard))
      for (const x of list) expect(JSON.stringify(x)).not.toContain(participant.participantId);
  });

  it("`question`: a rejected pending question reaches moderators and its author, never the public", async () => {
    const { key, code, participant, other, screen, moderator, all } = await roomWithRoles();
    await patchRoom(server.url, key, code, { premoderation: true });
    const q = expectAckOk(await emitAck(participant.socket, "ask", { text: "Reject me quietly" }));
    const heard = {
      author: record(participant.socket, "question"),
      other: record(other.socket, "question"),
      screen: record(screen.socket, "question"),
      moderator: record(moderator.socket, "question"),
    };
    await moderateOk(server.url, key, q.id, "reject");
    await barrier(server.url, key, code, all);
    expect(heard.moderator.map((x: any) => x.status)).toEqual(["rejected"]);
    expect(heard.author.map((x: any) => x.status)).toEqual(["rejected"]);
    expect(heard.other).toEqual([]);
    expect(heard.screen).toEqual([]);
  });

  it("`question`: when a public question is rejected or archived, the public gets it with its new status", async () => {
    const { key, code, other, screen, all } = await roomWithRoles();
    const a = await askOk(server.url, code, "Live, then rejected");
    const b = await askOk(server.url, code, "Answered, then archived");
    await moderateOk(server.url, key, b.id, "answer");
    await barrier(server.url, key, code, all);
    const heard = { other: record(other.socket, "question"), screen: record(screen.socket, "question") };
    await moderateOk(server.url, key, a.id, "reject");
    await moderateOk(server.url, key, b.id, "archive");
    await barrier(server.url, key, code, all);
    for (const list of Object.values(heard)) {
      expect(list.map((x: any) => [x.id, x.status])).toEqual([
        [a.id, "rejected"],
        [b.id, "archived"],
      ]);
    }
    // Approving the rejected one again reaches them as live.
    await moderateOk(server.url, key, a.id, "approve");
    await barrier(server.url, key, code, all);
    for (const list of Object.values(heard)) expect(list.at(-1)).toMatchObject({ id: a.id, status: "live" });
  });

  it("`question`: upvotes, answers and highlights reach every role; a new highlight un-highlights the old one", async () => {
    const { key, code, participant, other, screen, moderator, all } = await roomWithRoles();
    const q1 = await askOk(server.url, code, "One");
    const q2 = await askOk(server.url, code, "Two");
    await barrier(server.url, key, code, all);
    const lists = [participant.socket, other.socket, screen.socket, moderator.socket].map((s) => record(s, "question"));
    await upvote(server.url, q1.id, newParticipantId());
    await moderateOk(server.url, key, q1.id, "highlight");
    await moderateOk(server.url, key, q2.id, "highlight");
    await moderateOk(server.url, key, q2.id, "answer");
    await barrier(server.url, key, code, all);
    for (const list of lists) {
      expect(list.find((x: any) => x.id === q1.id && x.upvotes === 1)).toBeDefined();
      const lastQ1 = list.filter((x: any) => x.id === q1.id).at(-1);
      const lastQ2 = list.filter((x: any) => x.id === q2.id).at(-1);
      expect(lastQ1).toMatchObject({ upvotes: 1, highlighted: false, status: "live" });
      expect(lastQ2).toMatchObject({ highlighted: true, status: "answered" });
    }
  });

  it("`question`: a participant hears about its own pending question's changes, others do not", async () => {
    const { key, code, participant, other, screen, all } = await roomWithRoles();
    await patchRoom(server.url, key, code, { premoderation: true });
    const q = await askOk(server.url, code, "Mine over HTTP", { participantId: participant.participantId });
    const heard = {
      author: record(participant.socket, "question"),
      other: record(other.socket, "question"),
      screen: record(screen.socket, "question"),
    };
    await moderateOk(server.url, key, q.id, "archive");
    await barrier(server.url, key, code, all);
    expect(heard.author.map((x: any) => [x.id, x.status])).toEqual([[q.id, "archived"]]);
    expect(heard.other).toEqual([]);
    expect(heard.screen).toEqual([]);
  });

  it("`results`: hidden results reach the public without counts, moderators with counts", async () => {
    const { key, code, participant, screen, moderator, all } = await roomWithRoles();
    const poll = await createOpenPoll(server.url, key, code, pollBody("single", { resultsVisible: false }));
    const heard = {
      participant: record(participant.socket, "results"),
      screen: record(screen.socket, "results"),
      moderator: record(moderator.socket, "results"),
    };
    for (let i = 0; i < 5; i++) await vote(server.url, poll.id, [i % 3]);
    const last = await until(heard.moderator, (r: any) => r.pollId === poll.id && r.voters === 5);
    expect(last.counts).toEqual([2, 2, 1]);
    await sleep(300);
    await barrier(server.url, key, code, all);
    for (const list of [heard.participant, heard.screen]) {
      for (const r of list) {
        expect(r.counts).toBeUndefined();
        expect(r.words).toBeUndefined();
      }
    }
    expectSeqNeverBack(heard.moderator);
  });

  it("`results`: visible results reach everyone with counts", async () => {
    const { key, code, participant, screen, moderator } = await roomWithRoles();
    const poll = await createOpenPoll(server.url, key, code);
    const waits = [participant.socket, screen.socket, moderator.socket].map((s) =>
      waitFor(s, "results", (r: any) => r.pollId === poll.id && r.voters === 1),
    );
    const ack = await vote(server.url, poll.id, [1]);
    for (const r of await Promise.all(waits)) expect(r).toEqual(ack.body);
  });

  it("`results`, `poll`, `question` and `room` of one room never reach another room", async () => {
    const ev = await server.event({ rooms: 2 });
    const key = ev.moderatorKey;
    const [a, b] = ev.rooms.map((r) => r.code);
    const elsewhere = [
      (await server.screen(b)).socket,
      (await server.participant(b)).socket,
      (await server.moderator(b, key)).socket,
    ];
    const heard = elsewhere.map((s) => ({
      results: record(s, "results"),
      poll: record(s, "poll"),
      question: record(s, "question"),
      room: record(s, "room"),
    }));
    const here = (await server.screen(a)).socket;
    const hereResults = record(here, "results");
    const poll = await createOpenPoll(server.url, key, a);
    await vote(server.url, poll.id, [0]);
    await askOk(server.url, a, "Room A only");
    await patchRoom(server.url, key, a, { qaOpen: false });
    await until(hereResults, (r: any) => r.pollId === poll.id && r.voters === 1);
    await sleep(200);
    await barrier(server.url, key, b, elsewhere);
    for (const h of heard) {
      expect(h.results).toEqual([]);
      expect(h.poll).toEqual([]);
      expect(h.question).toEqual([]);
      // Only the barrier's own change of room B.
      expect(h.room.map((r: any) => r.code)).toEqual([b]);
    }
  });

  it("`room` reaches every role with the new settings", async () => {
    const { key, code, participant, screen, moderator } = await roomWithRoles();
    const waits = [participant.socket, screen.socket, moderator.socket].map((s) =>
      waitFor(s, "room", (r: any) => r.qaOpen === false),
    );
    const res = await patchRoom(server.url, key, code, { qaOpen: false });
    for (const room of await Promise.all(waits)) expect(room).toEqual(res.room);
  });
});

describe("participants", () => {
  it("counts distinct participantIds with an open socket: two sockets of one id count once; screens and moderators don't", async () => {
    const ev = await server.event();
    const count = async () => (await publicState(server.url, ev.code)).participants;
    const pid = newParticipantId();
    const a1 = await server.participant(ev.code, pid);
    const a2 = await server.participant(ev.code, pid);
    await server.screen(ev.code);
    await server.moderator(ev.code, ev.moderatorKey);
    await expect.poll(count).toBe(1);
    const b = await server.participant(ev.code);
    await expect.poll(count).toBe(2);
    a1.socket.close();
    await sleep(200);
    await expect.poll(count).toBe(2);
    a2.socket.close();
    await expect.poll(count).toBe(1);
    b.socket.close();
    await expect.poll(count).toBe(0);
  });

  it("counts per room", async () => {
    const ev = await server.event({ rooms: 2 });
    const pid = newParticipantId();
    await server.participant(ev.rooms[0].code, pid);
    await server.participant(ev.rooms[1].code, pid);
    await server.participant(ev.rooms[1].code);
    await expect.poll(async () => (await publicState(server.url, ev.rooms[0].code)).participants).toBe(1);
    await expect.poll(async () => (await publicState(server.url, ev.rooms[1].code)).participants).toBe(2);
  });
});

describe("bad payloads", () => {
  const deepProto = () => JSON.parse('{"pollId":"x","choice":[0],"extra":{"a":{"b":{"__proto__":{"polluted":true}}}}}');

  it("wrong types, null, strings and arrays as payloads: invalid, nothing changes", async () => {
    const { key, code, participant, moderator } = await roomWithRoles();
    const poll = await createOpenPoll(server.url, key, code);
    const q = await askOk(server.url, code, "Stable");
    const before = await moderationState(server.url, key, code);
    const p = participant.socket;
    const m = moderator.socket;
    for (const payload of [
      null,
      "vote",
      42,
      [poll.id, [0]],
      { pollId: 42, choice: [0] },
      { pollId: poll.id },
      { pollId: poll.id, choice: "0" },
    ]) {
      expectAckError(await emitAck(p, "vote", payload), "invalid");
    }
    for (const payload of [null, "hello", { text: 42 }, { text: ["a"] }, { text: "ok", clientId: 5 }]) {
      expectAckError(await emitAck(p, "ask", payload), "invalid");
    }
    for (const payload of [null, { questionId: 5, on: true }, { questionId: q.id, on: 1 }]) {
      expectAckError(await emitAck(p, "upvote", payload), "invalid");
    }
    for (const [event, payload] of [
      ["poll:create", null],
      ["poll:create", { title: 5, kind: "scale" }],
      ["poll:update", { pollId: poll.id, resultsVisible: "no" }],
      ["poll:open", { pollId: 5 }],
      ["poll:close", null],
      ["poll:reset", "x"],
      ["poll:delete", []],
      ["question:moderate", { questionId: q.id, action: 5 }],
      ["room:update", { screen: { mode: "nope" } }],
      ["room:update", null],
    ] as const) {
      expectAckError(await emitAck(m, event, payload), "invalid");
    }
    expect(await moderationState(server.url, key, code)).toEqual(before);
  });

  it("__proto__ or constructor keys at any depth (via JSON.parse): invalid, nothing changes", async () => {
    const { key, code, participant, moderator } = await roomWithRoles();
    const poll = await createOpenPoll(server.url, key, code);
    const q = await askOk(server.url, code, "Proto target");
    const before = await moderationState(server.url, key, code);
    const withPoll = (json: string) => JSON.parse(json.replace("POLL", poll.id).replace("QUESTION", q.id));
    const cases: [any, string, unknown][] = [
      [participant.socket, "vote", withPoll('{"pollId":"POLL","choice":[0],"__proto__":{"x":1}}')],
      [
        participant.socket,
        "vote",
        withPoll('{"pollId":"POLL","choice":[0],"extra":{"a":{"b":{"__proto__":{"polluted":true}}}}}'),
      ],
      [participant.socket, "vote", withPoll('{"pollId":"POLL","choice":[0],"constructor":{"prototype":{"x":1}}}')],
      [participant.socket, "ask", JSON.parse('{"text":"proto ask","__proto__":{"x":1}}')],
      [participant.socket, "ask", JSON.parse('{"text":"proto ask","meta":[{"constructor":1}]}')],
      [participant.socket, "upvote", withPoll('{"questionId":"QUESTION","on":true,"__proto__":{}}')],
      [moderator.socket, "poll:create", JSON.parse('{"title":"proto","kind":"scale","x":{"__proto__":{"a":1}}}')],
      [moderator.socket, "poll:update", withPoll('{"pollId":"POLL","resultsVisible":false,"constructor":{}}')],
      [moderator.socket, "poll:close", withPoll('{"pollId":"POLL","__proto__":{}}')],
      [moderator.socket, "question:moderate", withPoll('{"questionId":"QUESTION","action":"archive","a":{"__proto__":null}}')],
      [moderator.socket, "room:update", JSON.parse('{"qaOpen":false,"screen":{"mode":"join","__proto__":{"x":1}}}')],
    ];
    for (const [socket, event, payload] of cases) {
      expectAckError(await emitAck(socket, event, payload), "invalid");
    }
    expect(deepProto().extra.a.b.polluted).toBeUndefined();
    expect(({} as any).polluted).toBeUndefined();
    expect(await moderationState(server.url, key, code)).toEqual(before);
  });

  it("huge strings: invalid, nothing changes, the socket stays usable", async () => {
    const { key, code, participant, moderator } = await roomWithRoles();
    const poll = await createOpenPoll(server.url, key, code, pollBody("wordcloud"));
    const before = await moderationState(server.url, key, code);
    const huge = "x".repeat(5000);
    expectAckError(await emitAck(participant.socket, "ask", { text: huge }), "invalid");
    expectAckError(await emitAck(participant.socket, "ask", { text: "ok", author: huge }), "invalid");
    expectAckError(await emitAck(participant.socket, "ask", { text: "ok", clientId: huge }), "invalid");
    expectAckError(await emitAck(participant.socket, "vote", { pollId: poll.id, choice: huge }), "invalid");
    expectAckError(await emitAck(participant.socket, "vote", { pollId: huge, choice: "x" }), "invalid");
    expectAckError(await emitAck(moderator.socket, "poll:create", { title: huge, kind: "scale" }), "invalid");
    expect(await moderationState(server.url, key, code)).toEqual(before);
    expect(expectAckOk(await emitAck(participant.socket, "vote", { pollId: poll.id, choice: "fine" })).voters).toBe(1);
  });
});
