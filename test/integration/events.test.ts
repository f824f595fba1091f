// Events: create, read, add rooms (limit 50), erase; auth and the order of checks.
import { describe, expect, it } from "vitest";
import { api, connect, emitAck, newParticipantId, waitFor } from "../helpers/clients.js";
import { ADMIN_TOKEN, askOk, createOpenPoll, createPoll, expectError, ROOM_CODE_RE, vote } from "../helpers/fixtures.js";
import { useServer } from "../helpers/use-server.js";

const server = useServer();

describe("GET /healthz", () => {
  it("answers 200 {status: ok} to anyone", async () => {
    const res = await api(server.url, "GET", "/healthz");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ok" });
  });
});

describe("POST /api/events", () => {
  it("creates an event with its rooms as the organizer: 201 {id, title, moderatorKey, rooms:[{id,name,code}]}", async () => {
    const res = await api(server.url, "POST", "/api/events", {
      token: ADMIN_TOKEN,
      body: { title: "Congrès régional", rooms: [{ name: "Plénière" }, { name: "Table ronde A" }, { name: "Table ronde B" }] },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ title: "Congrès régional" });
    expect(typeof res.body.id).toBe("string");
    expect(res.body.id.length).toBeGreaterThan(0);
    expect(typeof res.body.moderatorKey).toBe("string");
    // ≥ 128 bits of randomness: at least 22 characters of base64 or 32 of hex.
    expect(res.body.moderatorKey.length).toBeGreaterThanOrEqual(22);
    expect(res.body.rooms).toHaveLength(3);
    expect(res.body.rooms.map((r: any) => r.name)).toEqual(["Plénière", "Table ronde A", "Table ronde B"]);
    for (const room of res.body.rooms) {
      expect(Object.keys(room).sort()).toEqual(["code", "id", "name"]);
      expect(room.code).toMatch(ROOM_CODE_RE);
      expect(typeof room.id).toBe("string");
    }
    expect(new Set(res.body.rooms.map((r: any) => r.code)).size).toBe(3);
    // The event's own code, in the same namespace: never one of its rooms'.
    expect(res.body.code).toMatch(ROOM_CODE_RE);
    expect(res.body.rooms.map((r: any) => r.code)).not.toContain(res.body.code);
  });

  it("gives each event its own moderator key and its own room codes", async () => {
    const a = await server.event({ rooms: 5 });
    const b = await server.event({ rooms: 5 });
    expect(a.moderatorKey).not.toBe(b.moderatorKey);
    expect(a.eventId).not.toBe(b.eventId);
    const codes = new Set([...a.rooms, ...b.rooms].map((r) => r.code));
    expect(codes.size).toBe(10);
  });

  it("accepts 50 rooms and refuses 51 (400)", async () => {
    const fifty = await api(server.url, "POST", "/api/events", {
      token: ADMIN_TOKEN,
      body: { title: "Big", rooms: Array.from({ length: 50 }, (_, i) => ({ name: `R${i}` })) },
    });
    expect(fifty.status).toBe(201);
    expect(fifty.body.rooms).toHaveLength(50);
    const fiftyOne = await api(server.url, "POST", "/api/events", {
      token: ADMIN_TOKEN,
      body: { title: "Too big", rooms: Array.from({ length: 51 }, (_, i) => ({ name: `R${i}` })) },
    });
    expectError(fiftyOne, 400, "invalid");
  });

  it("refuses an event without rooms (400)", async () => {
    const res = await api(server.url, "POST", "/api/events", { token: ADMIN_TOKEN, body: { title: "Empty", rooms: [] } });
    expectError(res, 400, "invalid");
  });

  it("takes title lengths in code points after trimming (200 emoji ok, 201 refused, blank refused)", async () => {
    const ok = await api(server.url, "POST", "/api/events", {
      token: ADMIN_TOKEN,
      body: { title: `  ${"🎤".repeat(200)}  `, rooms: [{ name: "😀".repeat(100) }] },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.title).toBe("🎤".repeat(200));
    const long = await api(server.url, "POST", "/api/events", {
      token: ADMIN_TOKEN,
      body: { title: "🎤".repeat(201), rooms: [{ name: "A" }] },
    });
    expectError(long, 400, "invalid");
    const blank = await api(server.url, "POST", "/api/events", {
      token: ADMIN_TOKEN,
      body: { title: "   ", rooms: [{ name: "A" }] },
    });
    expectError(blank, 400, "invalid");
    const longRoom = await api(server.url, "POST", "/api/events", {
      token: ADMIN_TOKEN,
      body: { title: "T", rooms: [{ name: "x".repeat(101) }] },
    });
    expectError(longRoom, 400, "invalid");
  });

  it("needs the organizer token: none 401, wrong 401, a moderator key 403", async () => {
    const body = { title: "Nope", rooms: [{ name: "A" }] };
    expectError(await api(server.url, "POST", "/api/events", { body }), 401, "unauthorized");
    expectError(await api(server.url, "POST", "/api/events", { body, token: "not-a-token" }), 401, "unauthorized");
    const ev = await server.event();
    expectError(await api(server.url, "POST", "/api/events", { body, token: ev.moderatorKey }), 403, "forbidden");
  });

  it("checks auth before the body: no token with a bad body is 401, a moderator key with a bad body is 403", async () => {
    expectError(await api(server.url, "POST", "/api/events", { body: "{not json" }), 401, "unauthorized");
    expectError(
      await api(server.url, "POST", "/api/events", { body: '{"__proto__":{"x":1},"title":"t","rooms":[{"name":"a"}]}' }),
      401,
      "unauthorized",
    );
    const ev = await server.event();
    expectError(await api(server.url, "POST", "/api/events", { body: { title: "" }, token: ev.moderatorKey }), 403, "forbidden");
  });
});

describe("GET /api/events/:id", () => {
  it("shows the event with its rooms and participant counts to its moderator", async () => {
    const ev = await server.event({ title: "Journée", rooms: ["Salle 1", "Salle 2"] });
    const res = await api(server.url, "GET", `/api/events/${ev.eventId}`, { token: ev.moderatorKey });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: ev.eventId,
      code: ev.eventCode,
      title: "Journée",
      timeZone: "Europe/Paris",
      autoSessions: false,
      premoderation: false,
      blocklist: [],
      retentionDays: 30,
      rooms: ev.rooms.map((r) => ({ id: r.id, name: r.name, code: r.code, participants: 0 })),
    });
    expect(res.body.moderatorKey).toBeUndefined();
  });

  it("accepts the organizer token where a moderator key is", async () => {
    const ev = await server.event();
    const res = await api(server.url, "GET", `/api/events/${ev.eventId}`, { token: ADMIN_TOKEN });
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(ev.eventId);
  });

  it("counts participants with an open socket per room", async () => {
    const ev = await server.event({ rooms: 2 });
    await server.participant(ev.rooms[0].code);
    await server.participant(ev.rooms[0].code);
    await server.participant(ev.rooms[1].code);
    await server.screen(ev.rooms[1].code);
    await expect
      .poll(async () =>
        (await api(server.url, "GET", `/api/events/${ev.eventId}`, { token: ev.moderatorKey })).body.rooms.map(
          (r: any) => r.participants,
        ),
      )
      .toEqual([2, 1]);
  });

  it("answers in order: 401 (no/wrong token) → 404 (unknown) → 403 (another event's key)", async () => {
    const a = await server.event();
    const b = await server.event();
    expectError(await api(server.url, "GET", `/api/events/${a.eventId}`), 401, "unauthorized");
    expectError(await api(server.url, "GET", `/api/events/${a.eventId}`, { token: "wrong-key" }), 401, "unauthorized");
    // Unknown event with no token: auth first.
    expectError(await api(server.url, "GET", "/api/events/unknown-event-id"), 401, "unauthorized");
    expectError(await api(server.url, "GET", "/api/events/unknown-event-id", { token: b.moderatorKey }), 404, "not_found");
    expectError(await api(server.url, "GET", "/api/events/unknown-event-id", { token: ADMIN_TOKEN }), 404, "not_found");
    expectError(await api(server.url, "GET", `/api/events/${a.eventId}`, { token: b.moderatorKey }), 403, "forbidden");
  });
});

describe("POST /api/events/:id/rooms", () => {
  it("adds a room: 201 {id, name, code}, and the event lists it", async () => {
    const ev = await server.event();
    const res = await api(server.url, "POST", `/api/events/${ev.eventId}/rooms`, {
      token: ev.moderatorKey,
      body: { name: "Atelier" },
    });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body).sort()).toEqual(["code", "id", "name"]);
    expect(res.body.name).toBe("Atelier");
    expect(res.body.code).toMatch(ROOM_CODE_RE);
    expect(res.body.code).not.toBe(ev.code);
    const event = await api(server.url, "GET", `/api/events/${ev.eventId}`, { token: ev.moderatorKey });
    expect(event.body.rooms.map((r: any) => r.code)).toEqual([ev.code, res.body.code]);
    const room = await api(server.url, "GET", `/api/rooms/${res.body.code}`);
    expect(room.status).toBe(200);
    expect(room.body.room.name).toBe("Atelier");
  });

  it("accepts the organizer token", async () => {
    const ev = await server.event();
    const res = await api(server.url, "POST", `/api/events/${ev.eventId}/rooms`, {
      token: ADMIN_TOKEN,
      body: { name: "By organizer" },
    });
    expect(res.status).toBe(201);
  });

  it("refuses a room past 50 with 409 and adds nothing", async () => {
    const ev = await server.event({ rooms: 49 });
    const fiftieth = await api(server.url, "POST", `/api/events/${ev.eventId}/rooms`, {
      token: ev.moderatorKey,
      body: { name: "50th" },
    });
    expect(fiftieth.status).toBe(201);
    const fiftyFirst = await api(server.url, "POST", `/api/events/${ev.eventId}/rooms`, {
      token: ev.moderatorKey,
      body: { name: "51st" },
    });
    expectError(fiftyFirst, 409, "conflict");
    const event = await api(server.url, "GET", `/api/events/${ev.eventId}`, { token: ev.moderatorKey });
    expect(event.body.rooms).toHaveLength(50);
    expect(event.body.rooms.some((r: any) => r.name === "51st")).toBe(false);
  });

  it("answers in order: 401 → 404 → 403 → 400 → 409", async () => {
    const full = await server.event({ rooms: 50 });
    const other = await server.event();
    const path = `/api/events/${full.eventId}/rooms`;
    // Missing token, even with a bad body on a full event: 401.
    expectError(await api(server.url, "POST", path, { body: { name: "" } }), 401, "unauthorized");
    expectError(await api(server.url, "POST", path, { body: { name: "" }, token: "nope" }), 401, "unauthorized");
    // Unknown event with a bad body: 404.
    expectError(
      await api(server.url, "POST", "/api/events/does-not-exist/rooms", { body: { name: "" }, token: other.moderatorKey }),
      404,
      "not_found",
    );
    // Another event's key with a bad body: 403.
    expectError(await api(server.url, "POST", path, { body: { name: "" }, token: other.moderatorKey }), 403, "forbidden");
    // Right key, bad body on a full event: 400 before 409.
    expectError(await api(server.url, "POST", path, { body: { name: "" }, token: full.moderatorKey }), 400, "invalid");
    expectError(
      await api(server.url, "POST", path, { body: { name: "x".repeat(101) }, token: full.moderatorKey }),
      400,
      "invalid",
    );
    expectError(await api(server.url, "POST", path, { body: { name: "ok" }, token: full.moderatorKey }), 409, "conflict");
  });
});

describe("DELETE /api/events/:id", () => {
  it("erases everything of the event (204): event, rooms, polls, results, questions", async () => {
    const ev = await server.event({ rooms: 2 });
    const poll = await server.openPoll(ev);
    expect((await vote(server.url, poll.id, [0])).status).toBe(200);
    const q = await askOk(server.url, ev.code, "Will this be erased?");
    const res = await api(server.url, "DELETE", `/api/events/${ev.eventId}`, { token: ADMIN_TOKEN });
    expect(res.status).toBe(204);
    expect(res.body === null || res.body === "").toBe(true);
    expectError(await api(server.url, "GET", `/api/events/${ev.eventId}`, { token: ADMIN_TOKEN }), 404, "not_found");
    for (const room of ev.rooms) expectError(await api(server.url, "GET", `/api/rooms/${room.code}`), 404, "not_found");
    expectError(await api(server.url, "GET", `/api/polls/${poll.id}/results`, { token: ADMIN_TOKEN }), 404, "not_found");
    expectError(await vote(server.url, poll.id, [1]), 404, "not_found");
    expectError(
      await api(server.url, "POST", `/api/questions/${q.id}/upvote`, { body: { participantId: newParticipantId() } }),
      404,
      "not_found",
    );
    expectError(
      await api(server.url, "POST", `/api/questions/${q.id}/moderate`, { token: ADMIN_TOKEN, body: { action: "answer" } }),
      404,
      "not_found",
    );
    // Deleting again: unknown.
    expectError(await api(server.url, "DELETE", `/api/events/${ev.eventId}`, { token: ADMIN_TOKEN }), 404, "not_found");
    // Its moderator key no longer opens anything.
    const after = await api(server.url, "GET", `/api/rooms/${ev.code}/moderation`, { token: ev.moderatorKey });
    expect([401, 404]).toContain(after.status);
  });

  it("leaves other events untouched", async () => {
    const keep = await server.event();
    const poll = await createPoll(server.url, keep.moderatorKey, keep.code);
    const gone = await server.event();
    expect((await api(server.url, "DELETE", `/api/events/${gone.eventId}`, { token: ADMIN_TOKEN })).status).toBe(204);
    const state = await api(server.url, "GET", `/api/rooms/${keep.code}/moderation`, { token: keep.moderatorKey });
    expect(state.status).toBe(200);
    expect(state.body.polls.map((p: any) => p.id)).toEqual([poll.id]);
  });

  it("disconnects the event's sockets (participant, screen, moderator) and refuses new handshakes", async () => {
    const ev = await server.event({ rooms: 2 });
    const other = await server.event();
    const sockets = [
      (await server.participant(ev.rooms[0].code)).socket,
      (await server.screen(ev.rooms[1].code)).socket,
      (await server.moderator(ev.rooms[0].code, ev.moderatorKey)).socket,
    ];
    const bystander = (await server.participant(other.code)).socket;
    const disconnected = sockets.map((s) => waitFor(s, "disconnect"));
    const res = await api(server.url, "DELETE", `/api/events/${ev.eventId}`, { token: ADMIN_TOKEN });
    expect(res.status).toBe(204);
    await Promise.all(disconnected);
    for (const s of sockets) expect(s.connected).toBe(false);
    // A socket of another event stays connected and working.
    expect(bystander.connected).toBe(true);
    const ack = await emitAck(bystander, "ask", { text: "Still here?" });
    expect(ack.ok).toBe(true);
    await expect(connect(server.url, { code: ev.code, participantId: newParticipantId() })).rejects.toThrow();
  });

  it("needs the organizer token: a moderator key 403 and nothing erased; order 401 → 404 → 403", async () => {
    const ev = await server.event();
    expectError(await api(server.url, "DELETE", `/api/events/${ev.eventId}`), 401, "unauthorized");
    expectError(await api(server.url, "DELETE", `/api/events/${ev.eventId}`, { token: "bad" }), 401, "unauthorized");
    expectError(await api(server.url, "DELETE", "/api/events/no-such-event", { token: ADMIN_TOKEN }), 404, "not_found");
    expectError(await api(server.url, "DELETE", `/api/events/${ev.eventId}`, { token: ev.moderatorKey }), 403, "forbidden");
    const still = await api(server.url, "GET", `/api/events/${ev.eventId}`, { token: ev.moderatorKey });
    expect(still.status).toBe(200);
  });
});

describe("moderator keys across events", () => {
  it("refuses another event's key on every moderator route (403) and changes nothing", async () => {
    const a = await server.event();
    const b = await server.event();
    const key = b.moderatorKey;
    const poll = await createOpenPoll(server.url, a.moderatorKey, a.code);
    const q = await askOk(server.url, a.code, "Who moderates me?");
    const before = await api(server.url, "GET", `/api/rooms/${a.code}/moderation`, { token: a.moderatorKey });
    const calls: [string, string, unknown?][] = [
      ["GET", `/api/events/${a.eventId}`],
      ["POST", `/api/events/${a.eventId}/rooms`, { name: "Intruder" }],
      ["PATCH", `/api/rooms/${a.code}`, { qaOpen: false }],
      ["POST", `/api/rooms/${a.code}/polls`, { title: "X", kind: "scale" }],
      ["PATCH", `/api/polls/${poll.id}`, { resultsVisible: false }],
      ["POST", `/api/polls/${poll.id}/close`],
      ["POST", `/api/polls/${poll.id}/open`],
      ["POST", `/api/polls/${poll.id}/reset`],
      ["DELETE", `/api/polls/${poll.id}`],
      ["POST", `/api/questions/${q.id}/moderate`, { action: "answer" }],
      ["GET", `/api/rooms/${a.code}/moderation`],
      ["GET", `/api/rooms/${a.code}/export.csv`],
      ["GET", `/api/rooms/${a.code}/export.json`],
    ];
    for (const [method, path, body] of calls) {
      const res = await api(server.url, method, path, { token: key, body });
      expectError(res, 403, "forbidden");
    }
    const state = await api(server.url, "GET", `/api/rooms/${a.code}/moderation`, { token: a.moderatorKey });
    expect(state.body).toEqual(before.body);
    expect(state.body.polls).toHaveLength(1);
    expect(state.body.polls[0]).toMatchObject({ id: poll.id, status: "open", resultsVisible: true });
    expect(state.body.questions[0]).toMatchObject({ id: q.id, status: "live" });
    const event = await api(server.url, "GET", `/api/events/${a.eventId}`, { token: a.moderatorKey });
    expect(event.body.rooms).toHaveLength(1);
  });

  it("lets a moderator act in every room of its event", async () => {
    const ev = await server.event({ rooms: 3 });
    for (const room of ev.rooms) {
      const res = await api(server.url, "PATCH", `/api/rooms/${room.code}`, {
        token: ev.moderatorKey,
        body: { premoderation: true },
      });
      expect(res.status).toBe(200);
      expect(res.body.room.premoderation).toBe(true);
    }
  });
});
