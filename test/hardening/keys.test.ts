// Moderator keys: the organizer rotates an event's key; the new key is returned once, the old
// one stops working at once over HTTP and sockets, and the sockets that proved it are disconnected.
import { describe, expect, it } from "vitest";
import { KEYED_ROLES, ROUTES, type RouteKey } from "../../shared/protocol.js";
import { routeMethod, routePath, routeUrl } from "../../shared/route-url.js";
import { api, connect, emitAck } from "../helpers/clients.js";
import {
  ADMIN_TOKEN,
  askOk,
  expectAckOk,
  expectError,
  getResults,
  moderationState,
  pollBody,
  vote,
} from "../helpers/fixtures.js";
import { useServer } from "../helpers/use-server.js";
import { eventually } from "./support.js";

const server = useServer();

const rotate = (eventId: string, token?: string) => api(server.url, "POST", `/api/events/${eventId}/moderator-key`, { token });

describe("POST /api/events/:id/moderator-key", () => {
  it("returns a new key once; the old key stops at once; its sockets are disconnected, others stay", async () => {
    const ev = await server.event({ rooms: 2 });
    const old = ev.moderatorKey;
    const [a, b] = ev.rooms.map((r) => r.code);
    const modA = await server.moderator(a, old);
    const modB = await server.moderator(b, old);
    const organizer = await server.moderator(a, ADMIN_TOKEN);
    const participant = await server.participant(a);
    const other = await server.event();
    const otherMod = await server.moderator(other.code, other.moderatorKey);
    const gone = [modA.socket, modB.socket].map((s) => new Promise<string>((resolve) => s.once("disconnect", resolve)));

    const res = await rotate(ev.eventId, ADMIN_TOKEN);
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(ev.eventId);
    const fresh: string = res.body.moderatorKey;
    expect(fresh.length).toBeGreaterThanOrEqual(22);
    expect(fresh).not.toBe(old);

    // The old key's sockets are told to go, and go.
    expect(await Promise.all(gone)).toEqual(["io server disconnect", "io server disconnect"]);
    // Nothing else is disconnected: the organizer's socket, participants, another event's moderators.
    await new Promise((r) => setTimeout(r, 100));
    expect(organizer.socket.connected).toBe(true);
    expect(participant.socket.connected).toBe(true);
    expect(otherMod.socket.connected).toBe(true);
    expectAckOk(await emitAck(organizer.socket, "room:update", { qaOpen: true }));

    // The old key opens nothing, at once.
    expectError(await api(server.url, "GET", `/api/events/${ev.eventId}`, { token: old }), 401, "unauthorized");
    expectError(await api(server.url, "GET", `/api/rooms/${a}/moderation`, { token: old }), 401, "unauthorized");
    await expect(connect(server.url, { code: a, moderatorKey: old })).rejects.toThrow();
    // The new one opens everything the old one did.
    expect((await api(server.url, "GET", `/api/events/${ev.eventId}`, { token: fresh })).status).toBe(200);
    const again = await server.moderator(b, fresh);
    expectAckOk(await emitAck(again.socket, "poll:create", { title: "After rotation", kind: "scale" }));
    // It is returned once: reading the event never shows it.
    expect(JSON.stringify((await api(server.url, "GET", `/api/events/${ev.eventId}`, { token: fresh })).body)).not.toContain(
      fresh,
    );
    // The audit log of each room records the rotation, by the organizer.
    for (const code of [a, b]) {
      const audit = await api(server.url, "GET", `/api/rooms/${code}/audit`, { token: fresh });
      const rotations = audit.body.entries.filter((e: any) => e.action === "key:rotate");
      expect(rotations).toEqual([expect.objectContaining({ actor: "organizer", targetId: ev.eventId })]);
    }
    await eventually(() => !modA.socket.connected && !modB.socket.connected);
  });

  it("is the organizer's: 401 without a key, 404 unknown event, 403 for a moderator key", async () => {
    const ev = await server.event();
    expectError(await rotate(ev.eventId), 401, "unauthorized");
    expectError(await rotate("no-such-event", ADMIN_TOKEN), 404, "not_found");
    expectError(await rotate(ev.eventId, ev.moderatorKey), 403, "forbidden");
    // The refused attempts changed nothing.
    expect((await api(server.url, "GET", `/api/events/${ev.eventId}`, { token: ev.moderatorKey })).status).toBe(200);
  });

  it("rotating twice leaves only the last key working", async () => {
    const ev = await server.event();
    const first = (await rotate(ev.eventId, ADMIN_TOKEN)).body.moderatorKey;
    const second = (await rotate(ev.eventId, ADMIN_TOKEN)).body.moderatorKey;
    for (const key of [ev.moderatorKey, first]) {
      expectError(await api(server.url, "GET", `/api/events/${ev.eventId}`, { token: key }), 401, "unauthorized");
    }
    expect((await api(server.url, "GET", `/api/events/${ev.eventId}`, { token: second })).status).toBe(200);
  });
});

/**
 * Room keys, walked over the whole protocol table: whatever route a key needs, a room key acts
 * in its own room only. Each route is called on resources of another room of the same event (or,
 * for an event-level route, on the event itself): 403 for a room moderator's key and for a
 * speaker's; and a speaker's key is refused on every route the table keeps for moderators, in
 * its own room too. Routes added to the table later are walked as well.
 */
describe("room keys over every route of the protocol table", () => {
  async function roomWith(ev: { moderatorKey: string }, code: string) {
    const key = ev.moderatorKey;
    const poll = await server.openPoll({ moderatorKey: key, code }, pollBody("open"));
    await vote(server.url, poll.id, "A kept answer");
    const answerId: string = (await getResults(server.url, poll.id, key)).answers[0].id;
    const question = await askOk(server.url, code, "Which room is this?");
    const session = await api(server.url, "POST", `/api/rooms/${code}/sessions`, { token: key, body: { title: "Talk" } });
    const roomKey = await api(server.url, "POST", `/api/rooms/${code}/keys`, { token: key, body: { role: "speaker" } });
    return { code, poll: poll.id, answerId, question: question.id, session: session.body.id, key: roomKey.body.id };
  }

  /** The route's address on `room`'s resources (the event's own id for /api/events/:id…). */
  function address(route: RouteKey, eventId: string, room: Awaited<ReturnType<typeof roomWith>>): string {
    const path = routePath(route);
    const id = path.startsWith("/api/events/")
      ? eventId
      : path.startsWith("/api/polls/")
        ? room.poll
        : path.startsWith("/api/questions/")
          ? room.question
          : path.startsWith("/api/sessions/")
            ? room.session
            : path.startsWith("/api/keys/")
              ? room.key
              : room.code;
    return routeUrl(route, { code: room.code, id, answerId: room.answerId } as never);
  }

  /** `{}` as the body, except on reads, which carry none. */
  const call = (route: RouteKey, url: string, token: string) =>
    api(server.url, routeMethod(route), url, { token, body: routeMethod(route) === "GET" ? undefined : {} });

  const keyed = (Object.keys(ROUTES) as RouteKey[]).filter((k) => KEYED_ROLES.includes(ROUTES[k].role) && k.includes(":"));

  it("a room moderator's key and a speaker's key get 403 in another room and on event-level routes", async () => {
    const ev = await server.event({ rooms: 2 });
    const [a, b] = ev.rooms.map((r) => r.code) as [string, string];
    const roomB = await roomWith(ev, b);
    const keys: Record<string, string> = {};
    for (const role of ["moderator", "speaker"]) {
      keys[role] = (await api(server.url, "POST", `/api/rooms/${a}/keys`, { token: ev.moderatorKey, body: { role } })).body.key;
    }
    const before = await moderationState(server.url, ev.moderatorKey, b);
    for (const route of keyed) {
      for (const [role, key] of Object.entries(keys)) {
        const res = await call(route, address(route, ev.eventId, roomB), key);
        expect(res.status, `${route} with a ${role} key of room A`).toBe(403);
      }
    }
    expect(await moderationState(server.url, ev.moderatorKey, b)).toEqual(before);
  });

  it("a speaker's key gets 403 on every route the table keeps for moderators, in its own room too", async () => {
    const ev = await server.event();
    const room = await roomWith(ev, ev.code);
    const speakerKey = (
      await api(server.url, "POST", `/api/rooms/${ev.code}/keys`, { token: ev.moderatorKey, body: { role: "speaker" } })
    ).body.key;
    const before = await moderationState(server.url, ev.moderatorKey, ev.code);
    for (const route of keyed.filter((k) => ROUTES[k].role !== "speaker")) {
      const res = await call(route, address(route, ev.eventId, room), speakerKey);
      expect(res.status, route).toBe(403);
    }
    // The speaker's own routes answer (the body's own checks aside).
    for (const route of keyed.filter((k) => ROUTES[k].role === "speaker")) {
      const res = await call(route, address(route, ev.eventId, room), speakerKey);
      expect(res.status, route).not.toBe(403);
    }
    expect(await moderationState(server.url, ev.moderatorKey, ev.code)).toEqual(before);
  });
});
