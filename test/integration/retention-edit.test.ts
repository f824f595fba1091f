// How long an event keeps participant ids, set through PATCH /api/events/:id: the organizer's
// token only (a moderator key gets 403 whatever the value), in the contract's bounds, shown by GET.
import { describe, expect, it } from "vitest";
import { api } from "../helpers/clients.js";
import { expectError } from "../helpers/fixtures.js";
import { useServer } from "../helpers/use-server.js";

const server = useServer();

const patch = (id: string, token: string | undefined, body: unknown) =>
  api(server.url, "PATCH", `/api/events/${id}`, { token, body });

describe("retention of an event", () => {
  it("starts at the default, and the organizer changes it", async () => {
    const ev = await server.event();
    const shown = await api(server.url, "GET", `/api/events/${ev.eventId}`, { token: ev.moderatorKey });
    expect(shown.body.retentionDays).toBe(30);
    const res = await patch(ev.eventId, server.adminToken, { retentionDays: 7 });
    expect(res.status).toBe(200);
    expect(res.body.retentionDays).toBe(7);
    const again = await api(server.url, "GET", `/api/events/${ev.eventId}`, { token: ev.moderatorKey });
    expect(again.body.retentionDays).toBe(7);
  });

  it("refuses a moderator key (403, even with a wrong value), bad values (400), and changes nothing", async () => {
    const ev = await server.event();
    expectError(await patch(ev.eventId, ev.moderatorKey, { retentionDays: 7 }), 403, "forbidden");
    expectError(await patch(ev.eventId, ev.moderatorKey, { retentionDays: "soon" }), 403, "forbidden");
    expectError(await patch(ev.eventId, undefined, { retentionDays: 7 }), 401, "unauthorized");
    expectError(await patch("nope", server.adminToken, { retentionDays: 7 }), 404, "not_found");
    for (const retentionDays of [0, 366, 1.5, "7", null])
      expectError(await patch(ev.eventId, server.adminToken, { retentionDays }), 400, "invalid");
    // The rest of the patch stays a moderator's.
    expect((await patch(ev.eventId, ev.moderatorKey, { title: "Renamed" })).status).toBe(200);
    const shown = await api(server.url, "GET", `/api/events/${ev.eventId}`, { token: ev.moderatorKey });
    expect(shown.body).toMatchObject({ title: "Renamed", retentionDays: 30 });
  });
});
