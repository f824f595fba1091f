// Event codes and the programme: GET /api/programme/:code by the event's code or a room's, the
// event's time zone and autoSessions, and the pages' /<CODE> for an event code.
import { describe, expect, it } from "vitest";
import { api } from "../helpers/clients.js";
import { ADMIN_TOKEN, expectError, ROOM_CODE_RE } from "../helpers/fixtures.js";
import { useServer } from "../helpers/use-server.js";

const server = useServer();

describe("event codes", () => {
  it("POST /api/events answers the event's code; GET /api/events/:id carries it", async () => {
    const ev = await server.event({ rooms: 2 });
    expect(ev.eventCode).toMatch(ROOM_CODE_RE);
    const got = await api(server.url, "GET", `/api/events/${ev.eventId}`, { token: ev.moderatorKey });
    expect(got.body.code).toBe(ev.eventCode);
  });

  it("an event code is not a room: GET /api/rooms/:code answers 404", async () => {
    const ev = await server.event();
    expectError(await api(server.url, "GET", `/api/rooms/${ev.eventCode}`), 404, "not_found");
  });
});

describe("GET /api/programme/:code", () => {
  it("answers the same programme to anyone, by the event's code (any case) or any of its rooms' codes", async () => {
    const ev = await server.event({ title: "Congrès", rooms: ["Plénière", "Atelier"] });
    const expected = {
      // The programme's address is made from PUBLIC_URL, what its poster's QR code opens.
      event: {
        code: ev.eventCode,
        title: "Congrès",
        timeZone: "Europe/Paris",
        retentionDays: 30,
        url: expect.stringMatching(new RegExp(`^https?://[^/]+/${ev.eventCode}$`)),
      },
      rooms: ev.rooms.map((r) => ({ code: r.code, name: r.name, participants: 0, session: null, next: null })),
      sessions: [],
    };
    for (const code of [ev.eventCode, ev.eventCode.toLowerCase(), ev.rooms[0]!.code, ev.rooms[1]!.code]) {
      const res = await api(server.url, "GET", `/api/programme/${code}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(expected);
    }
  });

  it("counts the participants of each room", async () => {
    const ev = await server.event({ rooms: 2 });
    await server.participant(ev.rooms[1]!.code);
    const deadline = Date.now() + 5000;
    let res = await api(server.url, "GET", `/api/programme/${ev.eventCode}`);
    while (res.body.rooms[1].participants !== 1 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      res = await api(server.url, "GET", `/api/programme/${ev.eventCode}`);
    }
    expect(res.body.rooms.map((r: any) => r.participants)).toEqual([0, 1]);
  });

  it("answers 404 for a code of no event and no room", async () => {
    expectError(await api(server.url, "GET", "/api/programme/ZZZZZZ"), 404, "not_found");
  });
});

describe("PATCH /api/events/:id timeZone and autoSessions", () => {
  it("sets the time zone (shown in the programme) and autoSessions, keeping what the patch leaves out", async () => {
    const ev = await server.event();
    const res = await api(server.url, "PATCH", `/api/events/${ev.eventId}`, {
      token: ev.moderatorKey,
      body: { timeZone: "America/Montreal", autoSessions: true },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code: ev.eventCode, timeZone: "America/Montreal", autoSessions: true });
    const again = await api(server.url, "PATCH", `/api/events/${ev.eventId}`, { token: ev.moderatorKey, body: { title: "T" } });
    expect(again.body).toMatchObject({ title: "T", timeZone: "America/Montreal", autoSessions: true });
    const programme = await api(server.url, "GET", `/api/programme/${ev.eventCode}`);
    expect(programme.body.event.timeZone).toBe("America/Montreal");
  });

  it("refuses an unknown time zone or a non-boolean autoSessions (400) and changes nothing", async () => {
    const ev = await server.event();
    for (const body of [{ timeZone: "Europe/Atlantis" }, { timeZone: "" }, { timeZone: 3 }, { autoSessions: "yes" }]) {
      expectError(await api(server.url, "PATCH", `/api/events/${ev.eventId}`, { token: ev.moderatorKey, body }), 400, "invalid");
    }
    const got = await api(server.url, "GET", `/api/events/${ev.eventId}`, { token: ADMIN_TOKEN });
    expect(got.body).toMatchObject({ timeZone: "Europe/Paris", autoSessions: false });
  });
});
