// POST /api/events/:id/programme: a spreadsheet or frab/pretalx file becomes the event's rooms
// and sessions. The core reads and plans; this applies the plan in one store step, so a file
// with one bad row, a dry run or a refused write leaves everything as it was.
import { ERR } from "../../shared/error-catalogue.js";
import { LIMITS } from "../../shared/limits.js";
import type { ProgrammeImport } from "../../shared/model.js";
import { parse, programmeImportBody } from "../../shared/schemas.js";
import {
  type ImportPlan,
  type ParsedProgramme,
  parseFrab,
  parseProgrammeCsv,
  planImport,
  roomKey,
  sessionsPerRoomAfter,
} from "../core/programme-import.js";
import { newId, newRoomCode } from "../core/rooms.js";
import { toSession } from "../core/sessions.js";
import type { EventRecord, ProgrammeWrite, SessionRecord } from "../store/store.js";
import { type Actor, staffCheck } from "./access.js";
import { record } from "./audit.js";
import { type Deps, isoNow } from "./deps.js";
import { roomInfo } from "./views.js";

/** A new room's code may collide, or another import may change the event meanwhile: plan again. */
const ATTEMPTS = 8;

export class ProgrammeImportService {
  constructor(private readonly deps: Deps) {}

  async import(actor: Actor, eventId: string, body: unknown): Promise<ProgrammeImport> {
    const found = await this.deps.store.getEvent(eventId);
    staffCheck(actor, found && { item: found, eventId }, ERR.unknownEvent);
    const input = parse(programmeImportBody, body);
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      // Read afresh on every attempt: the plan is made against the event as it is now.
      const event = attempt === 0 ? found : await this.deps.store.getEvent(eventId);
      if (!event) throw ERR.unknownEvent();
      const parsed = read(input.format, input.data, event.timeZone);
      if (!parsed.ok) throw ERR.invalidProgramme(parsed.errors);
      const sessions = (await Promise.all(event.rooms.map((r) => this.deps.store.listSessions(r.code)))).flat();
      const plan = planImport(parsed.rows, event.rooms, sessions);
      checkLimits(event, plan, sessions);
      const answer = summary(plan);
      if (input.dryRun) return answer;
      const write = this.toWrite(event, plan);
      const result = await this.deps.store.importProgramme(eventId, write, LIMITS.roomsPerEvent, LIMITS.sessionsPerRoom);
      if (result === "ok") {
        await this.tell(actor, event, write, sessions);
        return answer;
      }
      if (result === "not_found") throw ERR.unknownEvent();
      if (result === "rooms_full") throw ERR.tooManyRooms(LIMITS.roomsPerEvent);
      if (result === "sessions_full") throw ERR.tooManySessions(LIMITS.sessionsPerRoom);
      // code_taken or conflict: draw again against fresh data.
    }
    throw ERR.programmeChanged();
  }

  private toWrite(event: EventRecord, plan: ImportPlan): ProgrammeWrite {
    const createdAt = isoNow(this.deps);
    const rooms = plan.newRooms.map((name) => ({ id: newId(), code: newRoomCode(), name, premoderation: event.premoderation }));
    const codeOf = new Map(rooms.map((r) => [roomKey(r.name), r.code]));
    const sessions = plan.creates.map(
      ({ room, row }): SessionRecord => ({
        id: newId(),
        roomCode: "code" in room ? room.code : (codeOf.get(roomKey(room.newRoom)) ?? ""),
        title: row.title,
        speakers: row.speakers,
        startsAt: row.startsAt,
        endsAt: row.endsAt,
        status: "upcoming",
        createdAt,
        statusAt: null,
      }),
    );
    return { createdAt, rooms, sessions, updates: plan.updates };
  }

  /** A room whose current session changed gets its new `room`; every room touched keeps an audit line. */
  private async tell(actor: Actor, event: EventRecord, write: ProgrammeWrite, before: SessionRecord[]): Promise<void> {
    const touched = new Set([...write.rooms.map((r) => r.code), ...write.sessions.map((s) => s.roomCode)]);
    for (const update of write.updates) {
      const old = before.find((s) => s.id === update.id);
      if (!old) continue;
      touched.add(old.roomCode);
      const room = event.rooms.find((r) => r.code === old.roomCode);
      if (room?.sessionId === old.id) {
        const current = { ...old, speakers: update.speakers, endsAt: update.endsAt };
        this.deps.outbox.room(room.code, roomInfo(this.deps, room, toSession(current)));
      }
    }
    for (const code of touched) await record(this.deps, code, actor, "programme:import", event.id);
  }
}

function read(format: "csv" | "frab", data: string, timeZone: string): ParsedProgramme {
  return format === "csv" ? parseProgrammeCsv(data, timeZone) : parseFrab(data, timeZone);
}

/** The limits the store holds too, checked first so a dry run answers what the import would. */
function checkLimits(event: EventRecord, plan: ImportPlan, sessions: SessionRecord[]): void {
  if (event.rooms.length + plan.newRooms.length > LIMITS.roomsPerEvent) throw ERR.tooManyRooms(LIMITS.roomsPerEvent);
  for (const count of sessionsPerRoomAfter(plan, sessions).values())
    if (count > LIMITS.sessionsPerRoom) throw ERR.tooManySessions(LIMITS.sessionsPerRoom);
}

const summary = (plan: ImportPlan): ProgrammeImport => ({
  rooms: { created: plan.newRooms.length, existing: plan.existingRooms },
  sessions: { created: plan.creates.length, updated: plan.updates.length, unchanged: plan.unchanged },
  lines: plan.lines,
});
