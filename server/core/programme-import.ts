// Pure rules of a programme import: reading a CSV or frab/pretalx file into rows (each error
// with its line), and planning what the rows change in the event (rooms to create, sessions to
// create or update). The service applies the plan in one store step.

import type { Message } from "../../shared/errors.js";
import { codePoints, LIMITS } from "../../shared/limits.js";
import { parseProgrammeTime } from "../../shared/local-time.js";
import type { ProgrammeImportLine, Session } from "../../shared/model.js";
import { frenchTypography } from "../../shared/typography.js";
import { parseCsv } from "./csv.js";
import { fold } from "./text-fold.js";

/** A session of the file as read: its line (CSV: of the file, header = 1; frab: the talk's position). */
export type ImportRow = Omit<ProgrammeImportLine, "change" | "newRoom">;

export interface ImportError {
  line: number;
  message: Message;
}

export type ParsedProgramme = { ok: true; rows: ImportRow[] } | { ok: false; errors: ImportError[] };

/** At most this many errors are answered: enough to fix a file, not a second copy of it. */
export const MAX_IMPORT_ERRORS = 50;

const msg = (en: string, fr: string): Message => ({ en, fr: frenchTypography(fr) });

type Column = "room" | "title" | "speakers" | "start" | "end";
const HEADERS: Record<string, Column> = {
  salle: "room",
  room: "room",
  titre: "title",
  title: "title",
  intervenants: "speakers",
  speakers: "speakers",
  debut: "start",
  start: "start",
  fin: "end",
  end: "end",
};
const REQUIRED: Column[] = ["room", "title"];

/** A name compared case and accents ignored, spaces collapsed: "Salle  Rabelais" = "salle rabelais". */
export const roomKey = (name: string): string => fold(name.trim().replace(/\s+/g, " "));

/** Checks a row's fields against the session and room bounds; the messages name the field. */
function rowErrors(row: Omit<ImportRow, "line">): Message[] {
  const out: Message[] = [];
  const len = (s: string) => codePoints(s);
  if (len(row.room) < 1 || len(row.room) > LIMITS.roomName)
    out.push(msg(`room: must be 1 to ${LIMITS.roomName} characters`, `salle : doit faire de 1 à ${LIMITS.roomName} caractères`));
  if (len(row.title) < 1 || len(row.title) > LIMITS.sessionTitle)
    out.push(
      msg(`title: must be 1 to ${LIMITS.sessionTitle} characters`, `titre : doit faire de 1 à ${LIMITS.sessionTitle} caractères`),
    );
  if (row.speakers.length > LIMITS.speakers)
    out.push(msg(`speakers: at most ${LIMITS.speakers}`, `intervenants : ${LIMITS.speakers} au plus`));
  if (row.speakers.some((s) => len(s) > LIMITS.speakerName))
    out.push(
      msg(
        `speakers: each name 1 to ${LIMITS.speakerName} characters`,
        `intervenants : chaque nom de 1 à ${LIMITS.speakerName} caractères`,
      ),
    );
  if (row.startsAt && row.endsAt && row.endsAt <= row.startsAt)
    out.push(msg("end: must be after start", "fin : doit être après le début"));
  return out;
}

/**
 * Times read, by zone and text: a programme repeats its slots (a morning of parallel rooms), and
 * each wall-clock time costs a few time-zone conversions. Bounded: cleared past 10,000.
 */
const timesRead = new Map<string, ReturnType<typeof parseProgrammeTime>>();
function parseTime(value: string, timeZone: string): ReturnType<typeof parseProgrammeTime> {
  const key = `${timeZone}\n${value}`;
  let time = timesRead.get(key);
  if (!time) {
    if (timesRead.size >= 10_000) timesRead.clear();
    time = parseProgrammeTime(value, timeZone);
    timesRead.set(key, time);
  }
  return time;
}

function readTime(
  value: string,
  timeZone: string,
  field: { en: string; fr: string },
): { iso: string | null } | { error: Message } {
  if (value.trim() === "") return { iso: null };
  const t = parseTime(value, timeZone);
  if (t.ok) return { iso: t.iso };
  if (t.reason === "no_such_time")
    return {
      error: msg(
        `${field.en}: "${value.trim()}" does not exist in ${timeZone} (the clocks skip it)`,
        `${field.fr} : « ${value.trim()} » n'existe pas dans le fuseau ${timeZone} (les horloges le sautent)`,
      ),
    };
  return {
    error: msg(
      `${field.en}: "${value.trim()}" is not a time (ISO 8601, YYYY-MM-DD HH:MM or DD/MM/YYYY HH:MM)`,
      `${field.fr} : « ${value.trim()} » n'est pas une heure (ISO 8601, AAAA-MM-JJ HH:MM ou JJ/MM/AAAA HH:MM)`,
    ),
  };
}

const START = { en: "start", fr: "début" };
const END = { en: "end", fr: "fin" };

/** Builds a row from its raw fields, or its errors; also refuses a session the file already had. */
function finishRow(
  line: number,
  raw: { room: string; title: string; speakers: string[] },
  start: ReturnType<typeof readTime>,
  end: ReturnType<typeof readTime>,
  seen: Map<string, number>,
): { row: ImportRow } | { errors: Message[] } {
  // Every fault of the line at once: a time that is not one does not hide an empty title.
  const errors: Message[] = [];
  if ("error" in start) errors.push(start.error);
  if ("error" in end) errors.push(end.error);
  const row: ImportRow = {
    line,
    room: raw.room.trim(),
    title: raw.title.trim(),
    speakers: raw.speakers.map((s) => s.trim()).filter((s) => s !== ""),
    startsAt: "iso" in start ? start.iso : null,
    endsAt: "iso" in end ? end.iso : null,
  };
  errors.push(...rowErrors(row));
  const key = sessionKey(roomKey(row.room), row.title, row.startsAt);
  const first = seen.get(key);
  if (first !== undefined)
    errors.push(
      msg(
        `the same session as line ${first} (room, title and start)`,
        `la même session qu'à la ligne ${first} (salle, titre et début)`,
      ),
    );
  else seen.set(key, line);
  return errors.length > 0 ? { errors } : { row };
}

const sessionKey = (room: string, title: string, startsAt: string | null) => `${room}\n${title}\n${startsAt ?? ""}`;

function collect(results: { line: number; result: { row: ImportRow } | { errors: Message[] } }[]): ParsedProgramme {
  const rows: ImportRow[] = [];
  const errors: ImportError[] = [];
  for (const { line, result } of results) {
    if ("row" in result) rows.push(result.row);
    else for (const message of result.errors) errors.push({ line, message });
  }
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, MAX_IMPORT_ERRORS) };
  if (rows.length === 0)
    return { ok: false, errors: [{ line: 1, message: msg("the file has no session", "le fichier ne contient aucune session") }] };
  return { ok: true, rows };
}

/** A spreadsheet export: a header line naming the columns (French or English, any order), then one session a line. */
export function parseProgrammeCsv(data: string, timeZone: string): ParsedProgramme {
  const csv = parseCsv(data);
  if (!csv.ok)
    return {
      ok: false,
      errors: [
        { line: csv.line, message: msg("a quoted field is never closed", "un champ entre guillemets n'est jamais fermé") },
      ],
    };
  const [header, ...records] = csv.records;
  if (!header) return { ok: false, errors: [{ line: 1, message: msg("the file is empty", "le fichier est vide") }] };
  const columns = new Map<Column, number>();
  const headerErrors: Message[] = [];
  header.fields.forEach((name, index) => {
    const column = HEADERS[fold(name.trim())];
    if (column === undefined) return; // Other columns (notes, track…) are read past.
    if (columns.has(column))
      headerErrors.push(msg(`column "${name.trim()}" appears twice`, `la colonne « ${name.trim()} » apparaît deux fois`));
    columns.set(column, index);
  });
  for (const column of REQUIRED)
    if (!columns.has(column))
      headerErrors.push(
        msg(
          `the header has no ${column} column (${column === "room" ? "salle or room" : "titre or title"})`,
          `l'en-tête n'a pas de colonne ${column === "room" ? "salle (ou room)" : "titre (ou title)"}`,
        ),
      );
  if (headerErrors.length > 0) return { ok: false, errors: headerErrors.map((message) => ({ line: header.line, message })) };
  const seen = new Map<string, number>();
  const cell = (fields: string[], column: Column) => {
    const index = columns.get(column);
    return index === undefined ? "" : (fields[index] ?? "");
  };
  return collect(
    records.map(({ line, fields }) => ({
      line,
      result: finishRow(
        line,
        { room: cell(fields, "room"), title: cell(fields, "title"), speakers: cell(fields, "speakers").split("|") },
        readTime(cell(fields, "start"), timeZone, START),
        readTime(cell(fields, "end"), timeZone, END),
        seen,
      ),
    })),
  );
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const DURATION = /^(\d{1,3}):(\d{2})$/;

/** frab/pretalx schedule JSON: `schedule.conference.days[].rooms` maps a room name to its talks. */
export function parseFrab(data: string, timeZone: string): ParsedProgramme {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return { ok: false, errors: [{ line: 1, message: msg("the file is not JSON", "le fichier n'est pas du JSON") }] };
  }
  const conference = isObject(json) && isObject(json.schedule) ? json.schedule.conference : undefined;
  const days = isObject(conference) ? conference.days : undefined;
  if (!Array.isArray(days))
    return {
      ok: false,
      errors: [
        {
          line: 1,
          message: msg(
            "no schedule.conference.days: not a frab or pretalx schedule",
            "pas de schedule.conference.days : ce n'est pas un programme frab ou pretalx",
          ),
        },
      ],
    };
  const seen = new Map<string, number>();
  const results: { line: number; result: { row: ImportRow } | { errors: Message[] } }[] = [];
  let line = 0;
  for (const day of days) {
    const rooms = isObject(day) && isObject(day.rooms) ? day.rooms : {};
    for (const [room, talks] of Object.entries(rooms)) {
      if (!Array.isArray(talks)) continue;
      for (const talk of talks) {
        line++;
        results.push({ line, result: frabTalk(line, room, talk, timeZone, seen) });
      }
    }
  }
  return collect(results);
}

function frabTalk(line: number, room: string, talk: unknown, timeZone: string, seen: Map<string, number>) {
  if (!isObject(talk)) return { errors: [msg("a talk must be an object", "une intervention doit être un objet")] };
  const title = typeof talk.title === "string" ? talk.title : "";
  const persons = Array.isArray(talk.persons) ? talk.persons : [];
  const speakers = persons
    .map((p) => (isObject(p) ? (p.public_name ?? p.name) : undefined))
    .filter((n): n is string => typeof n === "string");
  const start = readTime(typeof talk.date === "string" ? talk.date : "", timeZone, { en: "date", fr: "date" });
  let end: ReturnType<typeof readTime> = { iso: null };
  const duration = typeof talk.duration === "string" ? DURATION.exec(talk.duration.trim()) : null;
  if (typeof talk.duration === "string" && talk.duration.trim() !== "" && !duration)
    end = { error: msg(`duration: "${talk.duration}" is not HH:MM`, `durée : « ${talk.duration} » n'est pas au format HH:MM`) };
  else if (duration && "iso" in start && start.iso) {
    const minutes = Number(duration[1]) * 60 + Number(duration[2]);
    end = { iso: minutes > 0 ? new Date(Date.parse(start.iso) + minutes * 60_000).toISOString() : null };
  }
  return finishRow(line, { room, title, speakers }, start, end, seen);
}

// ---- Planning ----

/** A session already in the store, as the plan compares it: its status plays no part. */
export type ExistingSession = Omit<Session, "status">;

export type ImportLine = ProgrammeImportLine;

export interface ImportPlan {
  /** Names of the rooms to create, in the order the file first names them. */
  newRooms: string[];
  /** Existing rooms the file names. */
  existingRooms: number;
  /** Sessions to create: the room is an existing room's code or a new room's name. */
  creates: { room: { code: string } | { newRoom: string }; row: ImportRow }[];
  updates: { id: string; speakers: string[]; endsAt: string | null }[];
  unchanged: number;
  /** Every row with what it does, in the file's order: what a preview shows. */
  lines: ImportLine[];
}

const sameSpeakers = (a: string[], b: string[]) => a.length === b.length && a.every((s, i) => s === b[i]);

/**
 * What the rows change: a session is the same when its room, title and start are; the same
 * session with other speakers or another end is updated; the rest is created.
 */
export function planImport(rows: ImportRow[], rooms: { code: string; name: string }[], sessions: ExistingSession[]): ImportPlan {
  const roomByKey = new Map(rooms.map((r) => [roomKey(r.name), r.code]));
  const sessionByKey = new Map(sessions.map((s) => [sessionKey(s.roomCode, s.title, s.startsAt), s]));
  const newRooms = new Map<string, string>();
  const existing = new Set<string>();
  const plan: ImportPlan = { newRooms: [], existingRooms: 0, creates: [], updates: [], unchanged: 0, lines: [] };
  for (const row of rows) {
    const key = roomKey(row.room);
    const code = roomByKey.get(key);
    if (code === undefined) {
      if (!newRooms.has(key)) newRooms.set(key, row.room);
      plan.creates.push({ room: { newRoom: newRooms.get(key) ?? row.room }, row });
      plan.lines.push({ ...row, change: "create", newRoom: true });
      continue;
    }
    existing.add(code);
    const same = sessionByKey.get(sessionKey(code, row.title, row.startsAt));
    let change: ImportLine["change"] = "create";
    if (!same) plan.creates.push({ room: { code }, row });
    else if (sameSpeakers(same.speakers, row.speakers) && same.endsAt === row.endsAt) change = "unchanged";
    else {
      plan.updates.push({ id: same.id, speakers: row.speakers, endsAt: row.endsAt });
      change = "update";
    }
    if (change === "unchanged") plan.unchanged++;
    plan.lines.push({ ...row, change, newRoom: false });
  }
  plan.newRooms = [...newRooms.values()];
  plan.existingRooms = existing.size;
  return plan;
}

/** Sessions each room would hold after the plan, by existing code or new room name. */
export function sessionsPerRoomAfter(plan: ImportPlan, sessions: { roomCode: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of sessions) counts.set(s.roomCode, (counts.get(s.roomCode) ?? 0) + 1);
  for (const c of plan.creates) {
    const k = "code" in c.room ? c.room.code : `new:${roomKey(c.room.newRoom)}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}
