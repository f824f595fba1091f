// Room keys, the speaker's rights and backstage messages, through both doors (the file runs on
// SQLite and on Redis): keys made, listed and revoked (their sockets go at once), a room
// moderator kept to its room, a speaker kept to reading, answering, highlighting and replying,
// messages to the speaker and moderators only, the last 20 in their state.
import { describe, expect, it } from "vitest";
import { api, emitAck, record } from "../helpers/clients.js";
import {
  ADMIN_TOKEN,
  askOk,
  barrier,
  connectTracked,
  createPoll,
  expectAckError,
  expectAckOk,
  expectError,
  ISO_MS,
  moderatorSocket,
  patchRoom,
} from "../helpers/fixtures.js";
import { useServer } from "../helpers/use-server.js";

const server = useServer();

async function newKey(code: string, token: string, role: "moderator" | "speaker", label?: string) {
  const res = await api(server.url, "POST", `/api/rooms/${code}/keys`, { token, body: { role, label } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; role: string; roomCode: string; label: string; key: string };
}

describe("room keys", () => {
  it("are made by an event-wide key, shown once, listed without the key, and revoked at once with their sockets", async () => {
    const ev = await server.event({ rooms: 2 });
    const [a, b] = ev.rooms.map((r) => r.code) as [string, string];
    const speaker = await newKey(a, ev.moderatorKey, "speaker", "Lectern tablet");
    expect(speaker).toEqual({
      id: expect.any(String),
      role: "speaker",
      roomCode: a,
      label: "Lectern tablet",
      key: expect.any(String),
    });
    expect(speaker.key.length).toBeGreaterThanOrEqual(32);
    const volunteer = await newKey(a, ADMIN_TOKEN, "moderator");
    expect(volunteer.label).toBe("");

    const listed = await api(server.url, "GET", `/api/rooms/${a}/keys`, { token: ev.moderatorKey });
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([
      { id: speaker.id, role: "speaker", roomCode: a, label: "Lectern tablet", createdAt: expect.stringMatching(ISO_MS) },
      { id: volunteer.id, role: "moderator", roomCode: a, label: "", createdAt: expect.stringMatching(ISO_MS) },
    ]);
    expect(JSON.stringify(listed.body)).not.toContain(speaker.key);
    expect((await api(server.url, "GET", `/api/rooms/${b}/keys`, { token: ev.moderatorKey })).body).toEqual([]);

    // Both keys open their room over both doors.
    const speakerSocket = await connectTracked(server.url, { code: a, moderatorKey: speaker.key });
    const volunteerSocket = await connectTracked(server.url, { code: a, moderatorKey: volunteer.key });
    const eventSocket = await connectTracked(server.url, { code: a, moderatorKey: ev.moderatorKey });
    const gone = new Promise<string>((resolve) => speakerSocket.once("disconnect", resolve));

    expect((await api(server.url, "DELETE", `/api/keys/${speaker.id}`, { token: ev.moderatorKey })).status).toBe(204);
    expect(await gone).toBe("io server disconnect");
    // The key opens nothing from now on; the other keys' sockets stay.
    expectError(await api(server.url, "GET", `/api/rooms/${a}/moderation`, { token: speaker.key }), 401, "unauthorized");
    await expect(connectTracked(server.url, { code: a, moderatorKey: speaker.key })).rejects.toThrow();
    await barrier(server.url, ev.moderatorKey, a, [volunteerSocket, eventSocket]);
    expect(volunteerSocket.connected).toBe(true);
    expect(eventSocket.connected).toBe(true);
    expect((await api(server.url, "GET", `/api/rooms/${a}/keys`, { token: ev.moderatorKey })).body.map((k: any) => k.id)).toEqual(
      [volunteer.id],
    );
    expectError(await api(server.url, "DELETE", `/api/keys/${speaker.id}`, { token: ev.moderatorKey }), 404, "not_found");
    // Rotating the event's key leaves room keys alone.
    await api(server.url, "POST", `/api/events/${ev.eventId}/moderator-key`, { token: ADMIN_TOKEN });
    await barrier(server.url, ADMIN_TOKEN, a, [volunteerSocket]);
    expect(volunteerSocket.connected).toBe(true);
  });

  it("refuse bad input and other events' keys, in the contract's order", async () => {
    const ev = await server.event();
    const other = await server.event();
    const url = `/api/rooms/${ev.code}/keys`;
    expectError(await api(server.url, "POST", url, { body: { role: "speaker" } }), 401, "unauthorized");
    expectError(
      await api(server.url, "POST", "/api/rooms/ZZZZZZ/keys", { token: ev.moderatorKey, body: { role: "x" } }),
      404,
      "not_found",
    );
    expectError(await api(server.url, "POST", url, { token: other.moderatorKey, body: { role: "x" } }), 403, "forbidden");
    expectError(await api(server.url, "POST", url, { token: ev.moderatorKey, body: { role: "organizer" } }), 400, "invalid");
    expectError(
      await api(server.url, "POST", url, { token: ev.moderatorKey, body: { role: "speaker", label: "x".repeat(61) } }),
      400,
      "invalid",
    );
    expectError(await api(server.url, "GET", url, { token: other.moderatorKey }), 403, "forbidden");
    const key = await newKey(ev.code, ev.moderatorKey, "moderator");
    expectError(await api(server.url, "DELETE", `/api/keys/${key.id}`, { token: other.moderatorKey }), 403, "forbidden");
    expectError(await api(server.url, "DELETE", "/api/keys/no-such-key", { token: ev.moderatorKey }), 404, "not_found");
    // Nothing was made by the refused requests.
    expect((await api(server.url, "GET", url, { token: ev.moderatorKey })).body).toHaveLength(1);
  });
});

describe("a room moderator key", () => {
  it("does everything a moderator does in its room, over both doors, and nothing elsewhere (403)", async () => {
    const ev = await server.event({ rooms: 2 });
    const [a, b] = ev.rooms.map((r) => r.code) as [string, string];
    const { key, id } = await newKey(a, ev.moderatorKey, "moderator", "Round table volunteer");
    const q = await askOk(server.url, a, "A question for room A?");
    const qB = await askOk(server.url, b, "A question for room B?");

    // Its room: polls, moderation, settings, messages, exports.
    const poll = await createPoll(server.url, key, a);
    expect((await api(server.url, "POST", `/api/polls/${poll.id}/open`, { token: key })).status).toBe(200);
    expect(
      (await api(server.url, "POST", `/api/questions/${q.id}/moderate`, { token: key, body: { action: "archive" } })).status,
    ).toBe(200);
    expect((await patchRoom(server.url, key, a, { qaOpen: false })).room.qaOpen).toBe(false);
    expect((await api(server.url, "GET", `/api/rooms/${a}/export.json`, { token: key })).status).toBe(200);
    const session = await api(server.url, "GET", "/api/session", { token: key });
    expect(session.body).toEqual({ role: "moderator", eventId: ev.eventId, roomCode: a });
    const { socket } = await moderatorSocket(server.url, a, key);
    expectAckOk(await emitAck(socket, "room:update", { qaOpen: true }));
    expectAckOk(await emitAck(socket, "room:message", { text: "Hello from the volunteer" }));

    // Another room of the same event: 403 over both doors.
    expectError(await api(server.url, "GET", `/api/rooms/${b}/moderation`, { token: key }), 403, "forbidden");
    expectError(await api(server.url, "PATCH", `/api/rooms/${b}`, { token: key, body: { qaOpen: false } }), 403, "forbidden");
    expectError(
      await api(server.url, "POST", `/api/questions/${qB.id}/moderate`, { token: key, body: { action: "archive" } }),
      403,
      "forbidden",
    );
    expectError(
      await api(server.url, "POST", `/api/rooms/${b}/messages`, { token: key, body: { text: "Hi" } }),
      403,
      "forbidden",
    );
    expectAckError(await emitAck(socket, "question:moderate", { questionId: qB.id, action: "archive" }), "forbidden");
    await expect(connectTracked(server.url, { code: b, moderatorKey: key })).rejects.toThrow();
    // Event-level routes: 403, its own room's keys included.
    expectError(await api(server.url, "GET", `/api/events/${ev.eventId}`, { token: key }), 403, "forbidden");
    expectError(
      await api(server.url, "PATCH", `/api/events/${ev.eventId}`, { token: key, body: { title: "Mine" } }),
      403,
      "forbidden",
    );
    expectError(
      await api(server.url, "POST", `/api/events/${ev.eventId}/rooms`, { token: key, body: { name: "Extra" } }),
      403,
      "forbidden",
    );
    expectError(await api(server.url, "DELETE", `/api/events/${ev.eventId}`, { token: key }), 403, "forbidden");
    expectError(
      await api(server.url, "POST", `/api/rooms/${a}/keys`, { token: key, body: { role: "speaker" } }),
      403,
      "forbidden",
    );
    expectError(await api(server.url, "GET", `/api/rooms/${a}/keys`, { token: key }), 403, "forbidden");
    expectError(await api(server.url, "DELETE", `/api/keys/${id}`, { token: key }), 403, "forbidden");
    // Room B is untouched.
    const stateB = await api(server.url, "GET", `/api/rooms/${b}/moderation`, { token: ev.moderatorKey });
    expect(stateB.body.room.qaOpen).toBe(true);
    expect(stateB.body.questions.map((x: any) => x.status)).toEqual(["live"]);
  });
});

describe("a speaker key", () => {
  it("reads the room without pending or rejected questions, answers, highlights and replies; nothing more", async () => {
    const ev = await server.event({ rooms: 2 });
    const [a, b] = ev.rooms.map((r) => r.code) as [string, string];
    const { key } = await newKey(a, ev.moderatorKey, "speaker");
    const live = await askOk(server.url, a, "A live question?");
    const other = await askOk(server.url, a, "Another live question?");
    const rejected = await askOk(server.url, a, "A rejected question?");
    await api(server.url, "POST", `/api/questions/${rejected.id}/moderate`, {
      token: ev.moderatorKey,
      body: { action: "reject" },
    });
    await patchRoom(server.url, ev.moderatorKey, a, { premoderation: true });
    const pending = await askOk(server.url, a, "A pending question?");
    const draft = await createPoll(server.url, ev.moderatorKey, a);

    const view = await api(server.url, "GET", `/api/rooms/${a}/moderation`, { token: key });
    expect(view.status).toBe(200);
    expect(view.body.questions.map((q: any) => q.id).sort()).toEqual([live.id, other.id].sort());
    expect(view.body.messages).toEqual([]);
    expect((await api(server.url, "GET", "/api/session", { token: key })).body).toEqual({
      role: "speaker",
      eventId: ev.eventId,
      roomCode: a,
    });

    // Allowed over HTTP: highlight, answer, unhighlight, reply.
    const act = (id: string, action: string) =>
      api(server.url, "POST", `/api/questions/${id}/moderate`, { token: key, body: { action } });
    expect((await act(live.id, "highlight")).body.highlighted).toBe(true);
    expect((await act(live.id, "answer")).body.status).toBe("answered");
    expect((await act(live.id, "unhighlight")).body.highlighted).toBe(false);
    const reply = await api(server.url, "POST", `/api/questions/${other.id}/reply`, {
      token: key,
      body: { text: "In the slides." },
    });
    expect(reply.body.reply).toBe("In the slides.");
    // Refused (403) and changing nothing: other actions, other routes, other rooms, its socket's moderator events.
    for (const action of ["approve", "reject", "archive"]) expectError(await act(pending.id, action), 403, "forbidden");
    expectError(
      await api(server.url, "POST", `/api/questions/${other.id}/moderate`, {
        token: key,
        body: { action: "merge", into: live.id },
      }),
      403,
      "forbidden",
    );
    expectError(await api(server.url, "PATCH", `/api/rooms/${a}`, { token: key, body: { qaOpen: false } }), 403, "forbidden");
    expectError(await api(server.url, "POST", `/api/polls/${draft.id}/open`, { token: key }), 403, "forbidden");
    expectError(
      await api(server.url, "POST", `/api/rooms/${a}/messages`, { token: key, body: { text: "Hi" } }),
      403,
      "forbidden",
    );
    expectError(await api(server.url, "GET", `/api/rooms/${a}/export.json`, { token: key }), 403, "forbidden");
    expectError(
      await api(server.url, "PATCH", `/api/questions/${other.id}`, { token: key, body: { labels: ["x"] } }),
      403,
      "forbidden",
    );
    expectError(await api(server.url, "GET", `/api/rooms/${b}/moderation`, { token: key }), 403, "forbidden");
    expectError(await api(server.url, "GET", `/api/events/${ev.eventId}`, { token: key }), 403, "forbidden");

    const { socket, state } = await moderatorSocket(server.url, a, key);
    expect(state.questions.map((q: any) => q.id).sort()).toEqual([live.id, other.id].sort());
    expect(state.polls.map((p: any) => p.id)).toEqual([draft.id]);
    expectAckOk(await emitAck(socket, "question:moderate", { questionId: other.id, action: "highlight" }));
    expectAckOk(await emitAck(socket, "question:reply", { questionId: other.id, text: "" }));
    expectAckError(await emitAck(socket, "question:moderate", { questionId: pending.id, action: "approve" }), "forbidden");
    expectAckError(await emitAck(socket, "poll:open", { pollId: draft.id }), "forbidden");
    expectAckError(await emitAck(socket, "room:update", { qaOpen: false }), "forbidden");
    expectAckError(await emitAck(socket, "room:message", { text: "Hi" }), "forbidden");
    expectAckError(await emitAck(socket, "question:update", { questionId: other.id, labels: ["x"] }), "forbidden");

    const after = await api(server.url, "GET", `/api/rooms/${a}/moderation`, { token: ev.moderatorKey });
    const status = Object.fromEntries(after.body.questions.map((q: any) => [q.id, q.status]));
    expect(status).toEqual({ [live.id]: "answered", [other.id]: "live", [rejected.id]: "rejected", [pending.id]: "pending" });
    expect(after.body.room.qaOpen).toBe(true);
    expect(after.body.polls[0].status).toBe("draft");
    // The audit log names the speaker by role.
    const audit = await api(server.url, "GET", `/api/rooms/${a}/audit`, { token: ev.moderatorKey });
    expect(audit.body.entries.filter((e: any) => e.actor === "speaker").map((e: any) => e.action)).toEqual([
      "question:highlight",
      "question:answer",
      "question:unhighlight",
      "question:reply",
      "question:highlight",
      "question:reply",
    ]);
  });

  it("sees the current session's questions only, over both doors", async () => {
    const ev = await server.event();
    const { key } = await newKey(ev.code, ev.moderatorKey, "speaker");
    const before = await askOk(server.url, ev.code, "Asked before any session?");
    const session = await api(server.url, "POST", `/api/rooms/${ev.code}/sessions`, {
      token: ev.moderatorKey,
      body: { title: "Keynote" },
    });
    await api(server.url, "POST", `/api/sessions/${session.body.id}/start`, { token: ev.moderatorKey });
    const during = await askOk(server.url, ev.code, "Asked during the keynote?");
    const { state } = await moderatorSocket(server.url, ev.code, key);
    expect(state.questions.map((q: any) => q.id)).toEqual([during.id]);
    expect(state.room.session.title).toBe("Keynote");
    const view = await api(server.url, "GET", `/api/rooms/${ev.code}/moderation`, { token: key });
    expect(view.body.questions.map((q: any) => q.id)).toEqual([during.id]);
    // A moderator's socket still gets every session's.
    const moderator = await moderatorSocket(server.url, ev.code, ev.moderatorKey);
    expect(moderator.state.questions.map((q: any) => q.id).sort()).toEqual([before.id, during.id].sort());
  });

  it("gets no pending question over its socket: it hears what the public hears, and backstage messages", async () => {
    const ev = await server.event();
    const { key } = await newKey(ev.code, ev.moderatorKey, "speaker");
    const { socket } = await moderatorSocket(server.url, ev.code, key);
    const questions = record(socket, "question");
    await patchRoom(server.url, ev.moderatorKey, ev.code, { premoderation: true });
    const pending = await askOk(server.url, ev.code, "Held for the moderators?");
    await api(server.url, "POST", `/api/questions/${pending.id}/moderate`, {
      token: ev.moderatorKey,
      body: { action: "approve" },
    });
    await barrier(server.url, ev.moderatorKey, ev.code, [socket]);
    expect(questions.map((q) => q.status)).toEqual(["live"]);
  });
});

describe("backstage messages", () => {
  it("reach the room's speaker and moderators, never the public; the last 20 are in their state", async () => {
    const ev = await server.event({ rooms: 2 });
    const [a, b] = ev.rooms.map((r) => r.code) as [string, string];
    const { key } = await newKey(a, ev.moderatorKey, "speaker");
    const speaker = await moderatorSocket(server.url, a, key);
    const moderator = await moderatorSocket(server.url, a, ev.moderatorKey);
    const elsewhere = await moderatorSocket(server.url, b, ev.moderatorKey);
    const participant = await server.participant(a);
    const screen = await server.screen(a);
    const heard = {
      speaker: record(speaker.socket, "message"),
      moderator: record(moderator.socket, "message"),
      elsewhere: record(elsewhere.socket, "message"),
      participant: record(participant.socket, "message"),
      screen: record(screen.socket, "message"),
    };

    const overHttp = await api(server.url, "POST", `/api/rooms/${a}/messages`, {
      token: ev.moderatorKey,
      body: { text: "  5 minutes left  " },
    });
    expect(overHttp.status).toBe(201);
    expect(overHttp.body).toEqual({ id: expect.any(String), text: "5 minutes left", at: expect.stringMatching(ISO_MS) });
    const overSocket = expectAckOk(await emitAck(moderator.socket, "room:message", { text: "Last question" }));
    expect(overSocket.text).toBe("Last question");
    await barrier(server.url, ev.moderatorKey, a, [speaker.socket, moderator.socket, participant.socket, screen.socket]);
    await barrier(server.url, ev.moderatorKey, b, [elsewhere.socket]);
    expect(heard.speaker).toEqual([overHttp.body, overSocket]);
    expect(heard.moderator).toEqual([overHttp.body, overSocket]);
    expect(heard.elsewhere).toEqual([]);
    expect(heard.participant).toEqual([]);
    expect(heard.screen).toEqual([]);
    // Never in the public state.
    expect(JSON.stringify((await api(server.url, "GET", `/api/rooms/${a}`)).body)).not.toContain("5 minutes left");

    for (let i = 0; i < 21; i++)
      await api(server.url, "POST", `/api/rooms/${a}/messages`, { token: ev.moderatorKey, body: { text: `Note ${i}` } });
    const state = (await moderatorSocket(server.url, a, key)).state;
    expect(state.messages.map((m: any) => m.text)).toEqual(Array.from({ length: 20 }, (_, i) => `Note ${i + 1}`));
    const modState = (await moderatorSocket(server.url, a, ev.moderatorKey)).state;
    expect(modState.messages).toEqual(state.messages);
    expect((await server.participant(a)).state.messages).toBeUndefined();

    // Bad input changes nothing.
    expectError(
      await api(server.url, "POST", `/api/rooms/${a}/messages`, { token: ev.moderatorKey, body: { text: " " } }),
      400,
      "invalid",
    );
    expectAckError(await emitAck(moderator.socket, "room:message", { text: "x".repeat(201) }), "invalid");
    expectAckError(await emitAck(participant.socket, "room:message", { text: "From a phone" }), "forbidden");
    const last = (await api(server.url, "GET", `/api/rooms/${a}/moderation`, { token: ev.moderatorKey })).body.messages;
    expect(last.at(-1).text).toBe("Note 20");

    // Erased with the event: keys and messages go, and the speaker's socket with them.
    const gone = new Promise((resolve) => speaker.socket.once("disconnect", resolve));
    expect((await api(server.url, "DELETE", `/api/events/${ev.eventId}`, { token: ADMIN_TOKEN })).status).toBe(204);
    await gone;
    expectError(await api(server.url, "GET", `/api/rooms/${a}/moderation`, { token: key }), 401, "unauthorized");
  });
});
