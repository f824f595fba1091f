// Moderator keys: the organizer rotates an event's key; the new key is returned once, the old
// one stops working at once over HTTP and sockets, and the sockets that proved it are disconnected.
import { describe, expect, it } from "vitest";
import { api, connect, emitAck } from "../helpers/clients.js";
import { ADMIN_TOKEN, expectAckOk, expectError } from "../helpers/fixtures.js";
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
