// Reading programme files (CSV as spreadsheets save it, frab/pretalx JSON) and planning an
// import: pure rules, without a server.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../server/core/csv.js";
import { type ImportRow, parseFrab, parseProgrammeCsv, planImport } from "../../server/core/programme-import.js";
import { parseProgrammeTime } from "../../shared/local-time.js";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8");
const example = readFileSync(new URL("../../docs/examples/programme-congres.csv", import.meta.url), "utf8");
const PARIS = "Europe/Paris";

describe("the CSV reader", () => {
  it("reads quoted fields with separators, doubled quotes and line breaks, and keeps each record's line", () => {
    const csv = parseCsv('a;b;c\r\n"x;y";"say ""hi""";"two\nlines"\r\n\r\nlast;;\n');
    expect(csv).toEqual({
      ok: true,
      separator: ";",
      records: [
        { line: 1, fields: ["a", "b", "c"] },
        { line: 2, fields: ["x;y", 'say "hi"', "two\nlines"] },
        { line: 5, fields: ["last", "", ""] },
      ],
    });
  });

  it("takes the comma when the header has more commas than semicolons, and skips a BOM", () => {
    const csv = parseCsv('\uFEFFroom,title\r\nA,"x, y"');
    expect(csv.ok && csv.records.map((r) => r.fields)).toEqual([
      ["room", "title"],
      ["A", "x, y"],
    ]);
  });

  it("refuses an unterminated quoted field, naming the line it starts on", () => {
    expect(parseCsv('room;title\nA;"never closed\nB;x')).toEqual({ ok: false, line: 2 });
  });

  it("reads back any table written with RFC 4180 quoting, whatever the separator", () => {
    const cell = fc.string({ unit: fc.constantFrom("a", "é", " ", ";", ",", '"', "\n", "\r\n", "x") });
    fc.assert(
      fc.property(
        fc.constantFrom(";", ","),
        fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        (sep, body) => {
          const width = body[0]?.length ?? 2;
          const rows = [Array.from({ length: width }, (_, i) => `h${i}`), ...body.map((r) => r.slice(0, width))];
          while (rows.some((r) => r.length < width)) for (const r of rows) if (r.length < width) r.push("");
          const quote = (f: string) => `"${f.replaceAll('"', '""')}"`;
          const text = rows.map((r) => r.map(quote).join(sep)).join("\r\n");
          // The header has `width - 1` separators and no other: the separator is found from it.
          const csv = parseCsv(text);
          expect(csv.ok).toBe(true);
          if (!csv.ok) return;
          const blank = (r: string[]) => r.length === 1 && r[0] === "";
          expect(csv.records.map((r) => r.fields)).toEqual(rows.filter((r) => !blank(r)));
        },
      ),
    );
  });
});

describe("programme times", () => {
  it("reads wall-clock times in the event's zone, summer and winter", () => {
    expect(parseProgrammeTime("17/06/2027 09:00", PARIS)).toEqual({ ok: true, iso: "2027-06-17T07:00:00.000Z" });
    expect(parseProgrammeTime("2027-01-12 09:00", PARIS)).toEqual({ ok: true, iso: "2027-01-12T08:00:00.000Z" });
    expect(parseProgrammeTime("2027-01-12 09:00", "America/New_York")).toEqual({ ok: true, iso: "2027-01-12T14:00:00.000Z" });
  });

  it("knows the days clocks change: a skipped time is refused, a repeated one is its first occurrence", () => {
    // 28 March 2027: Paris goes from 02:00 to 03:00.
    expect(parseProgrammeTime("28/03/2027 01:59", PARIS)).toEqual({ ok: true, iso: "2027-03-28T00:59:00.000Z" });
    expect(parseProgrammeTime("28/03/2027 02:30", PARIS)).toEqual({ ok: false, reason: "no_such_time" });
    expect(parseProgrammeTime("28/03/2027 03:00", PARIS)).toEqual({ ok: true, iso: "2027-03-28T01:00:00.000Z" });
    // 31 October 2027: from 03:00 back to 02:00; 02:30 happens twice.
    expect(parseProgrammeTime("31/10/2027 02:30", PARIS)).toEqual({ ok: true, iso: "2027-10-31T00:30:00.000Z" });
    expect(parseProgrammeTime("31/10/2027 03:30", PARIS)).toEqual({ ok: true, iso: "2027-10-31T02:30:00.000Z" });
  });

  it("takes ISO 8601 with an offset as it is, and refuses what is not a time", () => {
    expect(parseProgrammeTime("2027-06-17T09:00:00+02:00", PARIS)).toEqual({ ok: true, iso: "2027-06-17T07:00:00.000Z" });
    expect(parseProgrammeTime("2027-06-17T07:00Z", PARIS)).toEqual({ ok: true, iso: "2027-06-17T07:00:00.000Z" });
    for (const bad of ["31/02/2027 10:00", "2027-06-17 25:00", "demain 10h", "17/06/2027"]) {
      expect(parseProgrammeTime(bad, PARIS)).toEqual({ ok: false, reason: "format" });
    }
  });
});

describe("a programme file", () => {
  it("the example congress day: ;, BOM, French headers and DD/MM/YYYY times", () => {
    const parsed = parseProgrammeCsv(example, PARIS);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.rows).toHaveLength(7);
    expect(parsed.rows[0]).toEqual({
      line: 2,
      room: "Auditorium",
      title: "Ouverture du congrès",
      speakers: ["Marie Dupont", "Jean Martin"],
      startsAt: "2027-06-17T07:00:00.000Z",
      endsAt: "2027-06-17T07:30:00.000Z",
    });
    expect(new Set(parsed.rows.map((r) => r.room))).toEqual(
      new Set(["Auditorium", "Salle Rabelais", "Salle Montaigne", "Salle Colette"]),
    );
    expect(parsed.rows[2]?.title).toBe("Table ronde : mobilités rurales ; quelles solutions ?");
  });

  it("a spreadsheet export: columns in another order, an extra column, a field on two lines", () => {
    const parsed = parseProgrammeCsv(fixture("programme-tableur.csv"), PARIS);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.rows.map((r) => [r.line, r.room, r.startsAt, r.endsAt])).toEqual([
      [2, "Grand amphi", "2027-04-02T07:00:00.000Z", "2027-04-02T07:45:00.000Z"],
      [3, "grand AMPHI", "2027-04-02T08:00:00.000Z", "2027-04-02T09:00:00.000Z"],
      [4, "Salle Étienne", "2027-04-02T09:15:00.000Z", "2027-04-02T10:30:00.000Z"],
      [6, "salle etienne 2", "2027-04-02T09:15:00.000Z", null],
      [7, "Hall", null, null],
    ]);
    expect(parsed.rows[1]?.speakers).toEqual(["Hugo Blanc", "Léa Simon"]);
    expect(parsed.rows[2]?.speakers).toEqual([]);
  });

  it("names every bad line, with the header as line 1", () => {
    const csv = [
      "room,title,start,end",
      "A,Opening,2027-06-17 09:00,2027-06-17 08:00",
      ",No room,,",
      "B,Talk,someday,",
      "A,Opening,2027-06-17 09:00,",
    ].join("\n");
    const parsed = parseProgrammeCsv(csv, PARIS);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((e) => [e.line, e.message.en])).toEqual([
      [2, "end: must be after start"],
      [3, "room: must be 1 to 100 characters"],
      [4, 'start: "someday" is not a time (ISO 8601, YYYY-MM-DD HH:MM or DD/MM/YYYY HH:MM)'],
      [5, "the same session as line 2 (room, title and start)"],
    ]);
    expect(parsed.errors[0]?.message.fr).toBe("fin\u202f: doit être après le début");
  });

  it("refuses a header without its room or title column", () => {
    const parsed = parseProgrammeCsv("salle;intervenants\nA;B", PARIS);
    expect(parsed.ok ? [] : parsed.errors.map((e) => e.line)).toEqual([1]);
  });

  it("frab/pretalx JSON: rooms, talks with their end from the duration, persons by public_name or name", () => {
    const parsed = parseFrab(fixture("programme-frab.json"), PARIS);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.rows.map((r) => [r.line, r.room, r.startsAt, r.endsAt, r.speakers])).toEqual([
      [1, "Amphi A", "2027-05-20T07:30:00.000Z", "2027-05-20T08:15:00.000Z", ["Renée Garnier"]],
      [2, "Amphi A", "2027-05-20T08:30:00.000Z", "2027-05-20T09:30:00.000Z", ["Yann Le Gall", "Sarah Cohen"]],
      [3, "Salle 2", "2027-05-20T08:30:00.000Z", "2027-05-20T09:00:00.000Z", []],
    ]);
  });

  it("frab: a bad talk is named by its position", () => {
    const json = JSON.stringify({
      schedule: {
        conference: {
          days: [
            {
              rooms: {
                A: [
                  { title: "ok", date: "2027-05-20T09:00:00+02:00" },
                  { title: "", duration: "1h" },
                ],
              },
            },
          ],
        },
      },
    });
    const parsed = parseFrab(json, PARIS);
    expect(parsed.ok ? [] : parsed.errors.map((e) => e.line)).toEqual([2, 2]);
    expect(parseFrab("{not json", PARIS).ok).toBe(false);
  });
});

describe("planning an import", () => {
  const row = (over: Partial<ImportRow>): ImportRow => ({
    line: 2,
    room: "Salle Rabelais",
    title: "Table ronde",
    speakers: [],
    startsAt: "2027-06-17T09:00:00.000Z",
    endsAt: null,
    ...over,
  });

  it("matches rooms by name, case and accents ignored, and sessions by room, title and start", () => {
    const rooms = [{ code: "AAAAAA", name: "SALLE RABELAIS" }];
    const existing = [
      { id: "s1", roomCode: "AAAAAA", title: "Table ronde", speakers: [], startsAt: "2027-06-17T09:00:00.000Z", endsAt: null },
      { id: "s2", roomCode: "AAAAAA", title: "Atelier", speakers: ["A"], startsAt: null, endsAt: null },
    ];
    const plan = planImport(
      [
        row({ line: 2 }),
        row({ line: 3, title: "Atelier", startsAt: null, speakers: ["B"] }),
        row({ line: 4, title: "Nouveau" }),
        row({ line: 5, room: "Salle Colette" }),
        row({ line: 6, room: "salle  colette", title: "Autre" }),
      ],
      rooms,
      existing,
    );
    expect(plan.newRooms).toEqual(["Salle Colette"]);
    expect(plan.existingRooms).toBe(1);
    expect(plan.unchanged).toBe(1);
    expect(plan.updates).toEqual([{ id: "s2", speakers: ["B"], endsAt: null }]);
    expect(plan.creates.map((c) => [c.row.line, c.room])).toEqual([
      [4, { code: "AAAAAA" }],
      [5, { newRoom: "Salle Colette" }],
      [6, { newRoom: "Salle Colette" }],
    ]);
    expect(plan.lines.map((l) => [l.line, l.change, l.newRoom])).toEqual([
      [2, "unchanged", false],
      [3, "update", false],
      [4, "create", false],
      [5, "create", true],
      [6, "create", true],
    ]);
  });
});
