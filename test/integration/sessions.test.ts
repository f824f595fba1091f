// Sessions: made and moved through both doors (HTTP and Socket.IO), and what phones and screens
// see of a room with a programme: only the current session's polls and questions.
import { describe, expect, it } from "vitest";
import { api, emitAck, waitFor } from "../helpers/clients.js";
import {
  askOk,
  createPoll,
  expectAckError,
  expectAckOk,
  expectError,
  moderationState,
  openPoll,
  publicState,
} from "../helpers/fixtures.js";
import { useServer } from "../helpers/use-server.js";

const server = useServer();

type Door = "http" | "socket";

/** One session action through either door, answering {status, body} like HTTP. */
async function act(
  door: Door,
  ev: { moderatorKey: string; code: string },
  action: "create" | "update" | "delete" | "start" | "end",
  sessionId: string | null,
  body: Record<string, unknown> = {},
): Promise<{ status: number; body: any }> {
  if (door === "http") {
    const route = {
      create: ["POST", `/api/rooms/${ev.code}/sessions`],
      update: ["PATCH", `/api/sessions/${sessionId}`],
      delete: ["DELETE", `/api/sessions/${sessionId}`],
      start: ["POST", `/api/sessions/${sessionId}/start`],
      end: ["POST", `/api/sessions/${sessionId}/end`],
    }[action] as [string, string];
    return api(server.url, route[0], route[1], { token: ev.moderatorKey, body });
  }
  const { socket } = await server.moderator(ev.code, ev.moderatorKey);
  const ack = await emitAck(socket, `session:${action}`, sessionId === null ? body : { sessionId, ...body });
  socket.close();
  const status = { ok: action === "create" ? 201 : action === "delete" ? 204 : 200 };
  if (ack.ok) return { status: status.ok, body: ack.data };
  const codes: Record<string, number> = { invalid: 400, not_found: 404, conflict: 409, forbidden: 403, unauthorized: 401 };
  return { status: codes[ack.error.code] ?? 500, body: { error: ack.error } };
}

for (const door of ["http", "socket"] as const) {
  describe(`sessions through ${door}`, () => {
    it("creates an upcoming session, changes it, refuses bad bodies (400) and an end before the start", async () => {
      const ev = await server.event();
      const created = await act(door, ev, "create", null, {
        title: " Keynote ",
        speakers: ["Ada Lovelace"],
        startsAt: "2026-06-28T11:00:00+02:00",
        endsAt: "2026-06-28T10:00:00Z",
      });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        roomCode: ev.code,
        title: "Keynote",
        speakers: ["Ada Lovelace"],
        startsAt: "2026-06-28T09:00:00.000Z",
        endsAt: "2026-06-28T10:00:00.000Z",
        status: "upcoming",
      });
      const id = created.body.id;
      const updated = await act(door, ev, "update", id, { title: "Opening", endsAt: null });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ title: "Opening", endsAt: null, startsAt: "2026-06-28T09:00:00.000Z" });
      for (const body of [
        { title: "" },
        { title: "x".repeat(201) },
        { speakers: Array.from({ length: 11 }, () => "A") },
        { speakers: [""] },
        { startsAt: "tomorrow" },
      ]) {
        expect((await act(door, ev, "update", id, body)).status).toBe(400);
      }
      expect((await act(door, ev, "update", id, { endsAt: "2026-06-28T08:00:00.000Z" })).status).toBe(400);
      const bad = await act(door, ev, "create", null, {
        title: "T",
        startsAt: "2026-06-28T10:00:00Z",
        endsAt: "2026-06-28T10:00:00Z",
      });
      expect(bad.status).toBe(400);
      expect((await act(door, ev, "update", "nope", { title: "x" })).status).toBe(404);
    });

    it("start: upcoming|ended → live, current session, the live one ended; end: live → ended; other moves 409", async () => {
      const ev = await server.event();
      const a = (await act(door, ev, "create", null, { title: "A" })).body;
      const b = (await act(door, ev, "create", null, { title: "B" })).body;
      expect((await act(door, ev, "end", a.id)).status).toBe(409);
      const started = await act(door, ev, "start", a.id);
      expect(started.status).toBe(200);
      expect(started.body.status).toBe("live");
      expect((await act(door, ev, "start", a.id)).status).toBe(409); // a retried start: the state forbids it
      expect((await publicState(server.url, ev.code)).room.session).toMatchObject({ id: a.id, status: "live" });
      expect((await act(door, ev, "start", b.id)).status).toBe(200);
      const programme = await api(server.url, "GET", `/api/programme/${ev.code}`);
      expect(programme.body.sessions.map((s: any) => [s.title, s.status])).toEqual([
        ["A", "ended"],
        ["B", "live"],
      ]);
      expect(programme.body.rooms[0].session.id).toBe(b.id);
      const ended = await act(door, ev, "end", b.id);
      expect(ended.body.status).toBe("ended");
      expect((await publicState(server.url, ev.code)).room.session).toMatchObject({ id: b.id, status: "ended" });
      expect((await act(door, ev, "start", a.id)).status).toBe(200); // ended → live again
    });

    it("refuses to delete a live session (409); deleting another keeps its items with no session", async () => {
      const ev = await server.event();
      const s = (await act(door, ev, "create", null, { title: "Live" })).body;
      await act(door, ev, "start", s.id);
      const q = await askOk(server.url, ev.code, "During the live session?");
      expect(q.sessionId).toBe(s.id);
      expect((await act(door, ev, "delete", s.id)).status).toBe(409);
      await act(door, ev, "end", s.id);
      expect((await act(door, ev, "delete", s.id)).status).toBe(204);
      const state = await publicState(server.url, ev.code);
      expect(state.room.session).toBeNull();
      expect(state.questions.map((x: any) => [x.id, x.sessionId])).toEqual([[q.id, null]]);
      expect((await act(door, ev, "delete", s.id)).status).toBe(404);
    });
  });
}

describe("scoping to the current session", () => {
  it("phones and screens see only the current session's polls and questions, and get state again when it changes", async () => {
    const ev = await server.event();
    const key = ev.moderatorKey;
    const before = await askOk(server.url, ev.code, "Before any session?");
    const loosePoll = await createPoll(server.url, key, ev.code);
    await openPoll(server.url, key, loosePoll.id);
    const first = (await act("http", ev, "create", null, { title: "First" })).body;
    const second = (await act("http", ev, "create", null, { title: "Second" })).body;
    const prepared = await createPoll(server.url, key, ev.code, { title: "Ahead", kind: "scale", sessionId: second.id });
    expect(prepared.sessionId).toBe(second.id);
    expect((await api(server.url, "POST", `/api/polls/${prepared.id}/open`, { token: key })).status).toBe(409);

    const phone = await server.participant(ev.code);
    const screen = await server.screen(ev.code);
    expect(phone.state.questions.map((q: any) => q.id)).toEqual([before.id]); // as in v1
    const phoneState = waitFor(phone.socket, "state", (s: any) => s.room.session?.id === first.id);
    const screenState = waitFor(screen.socket, "state", (s: any) => s.room.session?.id === first.id);
    await act("http", ev, "start", first.id);
    const [p1, s1] = await Promise.all([phoneState, screenState]);
    for (const s of [p1, s1]) {
      expect(s.polls).toEqual([]);
      expect(s.questions).toEqual([]);
    }
    // The open poll of no session was closed by the start.
    expect((await moderationState(server.url, key, ev.code)).polls).toEqual([]);
    const all = await api(server.url, "GET", `/api/rooms/${ev.code}/moderation?session=all`, { token: key });
    expect(all.body.polls.find((p: any) => p.id === loosePoll.id).status).toBe("closed");
    const none = await api(server.url, "GET", `/api/rooms/${ev.code}/moderation?session=none`, { token: key });
    expect(none.body.questions.map((q: any) => q.id)).toEqual([before.id]);
    const ofSecond = await api(server.url, "GET", `/api/rooms/${ev.code}/moderation?session=${second.id}`, { token: key });
    expect(ofSecond.body.polls.map((p: any) => p.id)).toEqual([prepared.id]);
    expectError(await api(server.url, "GET", `/api/rooms/${ev.code}/moderation?session=nope`, { token: key }), 404, "not_found");

    const during = await askOk(server.url, ev.code, "During the first?");
    expect(during.sessionId).toBe(first.id);
    expect((await publicState(server.url, ev.code)).questions.map((q: any) => q.id)).toEqual([during.id]);

    const next = waitFor(phone.socket, "state", (s: any) => s.room.session?.id === second.id);
    await act("http", ev, "start", second.id);
    const p2 = await next;
    expect(p2.questions).toEqual([]);
    expect(p2.polls).toEqual([]); // a draft: still unseen
    expect((await api(server.url, "POST", `/api/polls/${prepared.id}/open`, { token: key })).status).toBe(200);
    const state = await publicState(server.url, ev.code);
    expect(state.polls.map((p: any) => p.id)).toEqual([prepared.id]);
    expect(state.questions).toEqual([]);
  });

  it("session:create and session:start are moderator events: a participant gets forbidden", async () => {
    const ev = await server.event();
    const { socket } = await server.participant(ev.code);
    expectAckError(await emitAck(socket, "session:create", { title: "T" }), "forbidden");
    const mod = await server.moderator(ev.code, ev.moderatorKey);
    const s = expectAckOk(await emitAck(mod.socket, "session:create", { title: "T" }));
    expectAckError(await emitAck(socket, "session:start", { sessionId: s.id }), "forbidden");
  });

  it("refuses a poll naming a session of another room (400) and routes without a key (401)", async () => {
    const ev = await server.event({ rooms: 2 });
    const other = await api(server.url, "POST", `/api/rooms/${ev.rooms[1]!.code}/sessions`, {
      token: ev.moderatorKey,
      body: { title: "Elsewhere" },
    });
    const res = await api(server.url, "POST", `/api/rooms/${ev.code}/polls`, {
      token: ev.moderatorKey,
      body: { title: "P", kind: "scale", sessionId: other.body.id },
    });
    expectError(res, 400, "invalid");
    expectError(await api(server.url, "POST", `/api/rooms/${ev.code}/sessions`, { body: { title: "T" } }), 401, "unauthorized");
    const stranger = await server.event();
    expectError(
      await api(server.url, "POST", `/api/sessions/${other.body.id}/start`, { token: stranger.moderatorKey }),
      403,
      "forbidden",
    );
  });
});
