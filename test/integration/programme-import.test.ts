// POST /api/events/:id/programme: a congress day from a French spreadsheet export or a
// frab/pretalx schedule, all or nothing, on the store under test (SQLite, or Redis in
// integration-redis). Dry runs and refused files leave the event exactly as it was.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { api } from "../helpers/clients.js";
import { ADMIN_TOKEN, type EventFixture, expectError, moderationState } from "../helpers/fixtures.js";
import { useServer } from "../helpers/use-server.js";

const server = useServer();

const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");
const CONGRES = read("../../docs/examples/programme-congres.csv");
const CONGRESS = read("../../docs/examples/programme-congress.csv");
const TABLEUR = read("../fixtures/programme-tableur.csv");
const FRAB = read("../fixtures/programme-frab.json");

function importProgramme(ev: EventFixture, body: Record<string, unknown>, token = ev.moderatorKey, lang?: string) {
  const headers = lang ? { "accept-language": lang } : undefined;
  return api(server.url, "POST", `/api/events/${ev.eventId}/programme`, { token, body, headers });
}

/** Everything an import may change, as anyone (and the moderator) sees it. */
async function snapshot(ev: EventFixture) {
  const programme = (await api(server.url, "GET", `/api/programme/${ev.eventCode}`)).body;
  const event = (await api(server.url, "GET", `/api/events/${ev.eventId}`, { token: ev.moderatorKey })).body;
  return { programme, rooms: event.rooms.map((r: any) => [r.code, r.name]) };
}

const counts = (body: any) => ({ rooms: body.rooms, sessions: body.sessions });

describe("importing a programme", () => {
  it("a French spreadsheet export (;, BOM, French headers, DD/MM/YYYY) makes the congress day", async () => {
    const ev = await server.event({ title: "Congrès", rooms: ["AUDITORIUM"] });
    const res = await importProgramme(ev, { format: "csv", data: CONGRES });
    expect(res.status).toBe(200);
    expect(counts(res.body)).toEqual({ rooms: { created: 3, existing: 1 }, sessions: { created: 7, updated: 0, unchanged: 0 } });
    expect(res.body.lines.map((l: any) => [l.line, l.change, l.newRoom])).toEqual([
      [2, "create", false],
      [3, "create", false],
      [4, "create", true],
      [5, "create", true],
      [6, "create", true],
      [7, "create", false],
      [8, "create", false],
    ]);
    const { programme } = await snapshot(ev);
    expect(programme.rooms.map((r: any) => r.name)).toEqual(["AUDITORIUM", "Salle Rabelais", "Salle Montaigne", "Salle Colette"]);
    expect(programme.sessions).toHaveLength(7);
    const opening = programme.sessions[0];
    expect(opening).toMatchObject({
      roomCode: ev.code,
      title: "Ouverture du congrès",
      speakers: ["Marie Dupont", "Jean Martin"],
      startsAt: "2027-06-17T07:00:00.000Z",
      endsAt: "2027-06-17T07:30:00.000Z",
      status: "upcoming",
    });
    // Three round tables at 11:00 in Paris (09:00 UTC in June), one per room.
    const tables = programme.sessions.filter((s: any) => s.startsAt === "2027-06-17T09:00:00.000Z");
    expect(new Set(tables.map((s: any) => s.roomCode)).size).toBe(3);
    expect(programme.rooms.every((r: any) => r.next !== null)).toBe(true);
  });

  it("importing the same file twice changes nothing; a changed line is an update", async () => {
    const ev = await server.event({ rooms: ["Auditorium"] });
    expect((await importProgramme(ev, { format: "csv", data: CONGRES })).status).toBe(200);
    const before = await snapshot(ev);
    const again = await importProgramme(ev, { format: "csv", data: CONGRES });
    expect(counts(again.body)).toEqual({
      rooms: { created: 0, existing: 4 },
      sessions: { created: 0, updated: 0, unchanged: 7 },
    });
    expect(await snapshot(ev)).toEqual(before);

    const changed = CONGRES.replace("Claire Lefèvre", "Claire Lefèvre|Hugo Blanc").replace(
      "17/06/2027 16:00",
      "17/06/2027 16:30",
    );
    const res = await importProgramme(ev, { format: "csv", data: changed });
    expect(counts(res.body)).toEqual({ rooms: { created: 0, existing: 4 }, sessions: { created: 0, updated: 2, unchanged: 5 } });
    const sessions = (await snapshot(ev)).programme.sessions;
    expect(sessions.find((s: any) => s.title.startsWith("Conférence inaugurale")).speakers).toEqual([
      "Claire Lefèvre",
      "Hugo Blanc",
    ]);
    expect(sessions.find((s: any) => s.title === "Synthèse et clôture").endsAt).toBe("2027-06-17T14:30:00.000Z");
  });

  it("a dry run answers what the import would do and writes nothing", async () => {
    const ev = await server.event({ rooms: ["Auditorium"] });
    const before = await snapshot(ev);
    const dry = await importProgramme(ev, { format: "csv", data: CONGRES, dryRun: true });
    expect(dry.status).toBe(200);
    expect(await snapshot(ev)).toEqual(before);
    const real = await importProgramme(ev, { format: "csv", data: CONGRES });
    expect(real.body).toEqual(dry.body);
  });

  it("an English file (comma, English headers, YYYY-MM-DD HH:MM) in the event's own time zone", async () => {
    const ev = await server.event({ rooms: 1 });
    await api(server.url, "PATCH", `/api/events/${ev.eventId}`, {
      token: ev.moderatorKey,
      body: { timeZone: "America/New_York" },
    });
    const res = await importProgramme(ev, { format: "csv", data: CONGRESS });
    expect(counts(res.body)).toEqual({ rooms: { created: 4, existing: 0 }, sessions: { created: 7, updated: 0, unchanged: 0 } });
    const first = (await snapshot(ev)).programme.sessions[0];
    expect(first).toMatchObject({ title: "Opening of the congress", startsAt: "2027-06-17T13:00:00.000Z" });
  });

  it("a spreadsheet export with other columns, a field on two lines and empty times", async () => {
    const ev = await server.event({ rooms: ["Grand Amphi"] });
    const res = await importProgramme(ev, { format: "csv", data: TABLEUR });
    expect(counts(res.body)).toEqual({ rooms: { created: 3, existing: 1 }, sessions: { created: 5, updated: 0, unchanged: 0 } });
    const { programme } = await snapshot(ev);
    expect(programme.rooms.map((r: any) => r.name)).toEqual(["Grand Amphi", "Salle Étienne", "salle etienne 2", "Hall"]);
    expect(programme.sessions.at(-1)).toMatchObject({ title: "Pause déjeuner libre", startsAt: null, endsAt: null });
    expect((await importProgramme(ev, { format: "csv", data: TABLEUR })).body.sessions.unchanged).toBe(5);
  });

  it("a frab/pretalx schedule: rooms, talks, persons and ends from durations; twice changes nothing", async () => {
    const ev = await server.event({ rooms: ["amphi a"] });
    const res = await importProgramme(ev, { format: "frab", data: FRAB });
    expect(counts(res.body)).toEqual({ rooms: { created: 1, existing: 1 }, sessions: { created: 3, updated: 0, unchanged: 0 } });
    const { programme } = await snapshot(ev);
    expect(programme.sessions.map((s: any) => [s.title, s.startsAt, s.endsAt, s.speakers])).toEqual([
      [
        "Keynote: twenty years of free software in town halls",
        "2027-05-20T07:30:00.000Z",
        "2027-05-20T08:15:00.000Z",
        ["Renée Garnier"],
      ],
      [
        "Panel: public money, public code",
        "2027-05-20T08:30:00.000Z",
        "2027-05-20T09:30:00.000Z",
        ["Yann Le Gall", "Sarah Cohen"],
      ],
      ["Workshop: packaging for everyone", "2027-05-20T08:30:00.000Z", "2027-05-20T09:00:00.000Z", []],
    ]);
    expect((await importProgramme(ev, { format: "frab", data: FRAB })).body.sessions).toEqual({
      created: 0,
      updated: 0,
      unchanged: 3,
    });
  });

  it("a file with bad lines: 400 invalid, each line named (header = 1), in the caller's language, nothing written", async () => {
    const ev = await server.event({ rooms: ["Auditorium"] });
    const before = await snapshot(ev);
    const bad = `${CONGRES.trimEnd()}\r\nSalle X;;;;\r\nSalle Y;Atelier;;31/02/2027 10:00;\r\n`;
    for (const dryRun of [false, true]) {
      const res = await importProgramme(ev, { format: "csv", data: bad, dryRun });
      expectError(res, 400, "invalid");
      expect(res.body.error.details.map((d: any) => d.line)).toEqual([9, 10]);
      expect(res.body.error.details[0].message).toBe("title: must be 1 to 200 characters");
    }
    const fr = await importProgramme(ev, { format: "csv", data: bad }, ev.moderatorKey, "fr");
    expect(fr.body.error.details[1].message).toMatch(/^début\u202f: «\u202f31\/02\/2027 10:00\u202f» n’est pas une heure/);
    const frab = JSON.parse(FRAB);
    frab.schedule.conference.days[0].rooms["Salle 2"][0].date = "tomorrow";
    const badFrab = await importProgramme(ev, { format: "frab", data: JSON.stringify(frab) });
    expectError(badFrab, 400, "invalid");
    expect(badFrab.body.error.details.map((d: any) => d.line)).toEqual([3]);
    expect(await snapshot(ev)).toEqual(before);
  });

  it("refuses a body that is not an import (unknown format, no data) with 400 and no details", async () => {
    const ev = await server.event();
    for (const body of [
      { format: "xlsx", data: "a" },
      { format: "csv" },
      { format: "csv", data: "" },
      { format: "csv", data: 3 },
    ]) {
      const res = await importProgramme(ev, body);
      expectError(res, 400, "invalid");
      expect(res.body.error.details).toBeUndefined();
    }
  });

  it("holds the 50-room limit: a file that would pass it is refused as a whole (409)", async () => {
    const ev = await server.event({ rooms: 48 });
    const before = await snapshot(ev);
    const data = ["salle;titre", "Nouvelle A;Un", "Nouvelle B;Deux", "Nouvelle C;Trois"].join("\n");
    expectError(await importProgramme(ev, { format: "csv", data }), 409, "conflict");
    expectError(await importProgramme(ev, { format: "csv", data, dryRun: true }), 409, "conflict");
    expect(await snapshot(ev)).toEqual(before);
    const fits = await importProgramme(ev, { format: "csv", data: data.split("\n").slice(0, 3).join("\n") });
    expect(fits.body.rooms).toEqual({ created: 2, existing: 0 });
  });

  it("takes a body of up to 1 MB on this route only; 5 MB is 413 too_large", async () => {
    const ev = await server.event({ rooms: ["Auditorium"] });
    // About 900 KB: 100 sessions with a long note each (a column the import reads past).
    const note = "n".repeat(9000);
    const rows = Array.from({ length: 100 }, (_, i) => `Auditorium;Session ${i};${note}`);
    const big = ["salle;titre;notes", ...rows].join("\n");
    expect(big.length).toBeGreaterThan(800_000);
    const ok = await importProgramme(ev, { format: "csv", data: big, dryRun: true });
    expect(ok.status).toBe(200);
    expect(ok.body.sessions.created).toBe(100);
    const huge = await importProgramme(ev, { format: "csv", data: "x".repeat(5 * 1024 * 1024) });
    expectError(huge, 413, "too_large");
    expect(huge.body.error.message).toContain("1024 KB");
    // Other routes keep their 16 KB.
    const room = await api(server.url, "POST", `/api/events/${ev.eventId}/rooms`, {
      token: ev.moderatorKey,
      body: { name: "x", padding: "p".repeat(100_000) },
    });
    expectError(room, 413, "too_large");
  });

  it("a programme at the limits (50 rooms of 200 sessions, about 1 MB) is written in one step, then changes nothing", async () => {
    const ev = await server.event({ rooms: ["Salle 0"] });
    const rows = ["salle;titre;intervenants;début;fin"];
    for (let r = 0; r < 50; r++)
      for (let s = 0; s < 200; s++) {
        const at = (minute: number) =>
          `17/06/2027 ${String(8 + Math.floor(s / 20)).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
        rows.push(
          `Salle ${r};Session ${s} de la salle ${r};Intervenant A|Intervenant B;${at((s % 20) * 3)};${at((s % 20) * 3 + 2)}`,
        );
      }
    const data = rows.join("\r\n");
    expect(data.length).toBeGreaterThan(900_000);
    const res = await importProgramme(ev, { format: "csv", data });
    expect(counts(res.body)).toEqual({
      rooms: { created: 49, existing: 1 },
      sessions: { created: 10_000, updated: 0, unchanged: 0 },
    });
    const { programme } = await snapshot(ev);
    expect(programme.rooms).toHaveLength(50);
    expect(programme.sessions).toHaveLength(10_000);
    const again = await importProgramme(ev, { format: "csv", data });
    expect(again.body.sessions).toEqual({ created: 0, updated: 0, unchanged: 10_000 });
  });

  it("is for the event's moderator: no key 401, another event's key 403, unknown event 404, checked before the body", async () => {
    const ev = await server.event();
    const other = await server.event();
    const body = { format: "csv", data: CONGRES };
    expectError(await api(server.url, "POST", `/api/events/${ev.eventId}/programme`, { body }), 401, "unauthorized");
    expectError(await importProgramme(ev, body, other.moderatorKey), 403, "forbidden");
    expectError(await importProgramme(ev, { format: "nope" }, other.moderatorKey), 403, "forbidden");
    expectError(await api(server.url, "POST", "/api/events/nope/programme", { token: ev.moderatorKey, body }), 404, "not_found");
    expect((await snapshot(ev)).programme.sessions).toEqual([]);
    // The organizer's token is accepted wherever a moderator key is.
    expect((await importProgramme(ev, body, ADMIN_TOKEN)).status).toBe(200);
  });

  it("an imported session of a room belongs to it: starting it scopes the room as any session", async () => {
    const ev = await server.event({ rooms: ["Auditorium"] });
    await importProgramme(ev, { format: "csv", data: CONGRES });
    const { programme } = await snapshot(ev);
    const opening = programme.sessions[0];
    const started = await api(server.url, "POST", `/api/sessions/${opening.id}/start`, { token: ev.moderatorKey });
    expect(started.body.status).toBe("live");
    const state = await moderationState(server.url, ev.moderatorKey, ev.code);
    expect(state.room.session.id).toBe(opening.id);
  });
});
