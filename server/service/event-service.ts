// Use cases of the organizer and moderators on events and rooms.
import { ERR } from "../../shared/error-catalogue.js";
import { LIMITS } from "../../shared/limits.js";
import type {
  AuditLog,
  EventCreatedWithRetention,
  EventView,
  Programme,
  RoomState,
  RoomSummary,
  RotatedKey,
} from "../../shared/model.js";
import { addRoomBody, createEventBody, eventPatchBody, parse, roomPatchBody } from "../../shared/schemas.js";
import { buildProgramme } from "../core/programme.js";
import { isPastRetention, RETENTION, retentionEnd } from "../core/retention.js";
import { newId, newRoomCode } from "../core/rooms.js";
import { type Scope, toSession } from "../core/sessions.js";
import type { EventRecord, NewRoom, RoomRecord } from "../store/store.js";
import { type Actor, hashKey, newModeratorKey, requireKey, staffCheck } from "./access.js";
import { record } from "./audit.js";
import { type Deps, isoNow } from "./deps.js";

import { currentSession, roomInfo, roomState } from "./views.js";

/** Room codes are random; on the rare collision the store refuses and we draw again. */
const CODE_ATTEMPTS = 8;

const newRoom = (name: string, premoderation: boolean): NewRoom => ({ id: newId(), code: newRoomCode(), name, premoderation });

export class EventService {
  constructor(
    private readonly deps: Deps,
    /** Told of each room of an erased event, so the report's counters in memory drop it. */
    private readonly roomErased: (code: string) => void = () => {},
  ) {}

  /** An event with itself as the event it belongs to, or null. */
  private async find(eventId: string): Promise<{ item: EventRecord; eventId: string } | null> {
    const event = await this.deps.store.getEvent(eventId);
    return event ? { item: event, eventId } : null;
  }

  async create(actor: Actor, body: unknown): Promise<EventCreatedWithRetention> {
    requireKey(actor, "organizer");
    if (actor.role !== "organizer") throw ERR.organizerOnly();
    const input = parse(createEventBody, body);
    const moderatorKey = newModeratorKey();
    const retentionDays = input.retentionDays ?? RETENTION.defaultDays;
    const premoderation = input.premoderation ?? false;
    for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
      const createdAt = isoNow(this.deps);
      const event = {
        id: newId(),
        code: newRoomCode(),
        title: input.title,
        keyHash: hashKey(moderatorKey),
        createdAt,
        premoderation,
        rooms: input.rooms.map((r) => newRoom(r.name, premoderation)),
        retentionDays,
        expiresAt: retentionEnd(createdAt, retentionDays),
      };
      if ((await this.deps.store.createEvent(event)) === "ok") {
        return {
          id: event.id,
          code: event.code,
          title: event.title,
          moderatorKey,
          rooms: event.rooms.map(({ id, name, code }) => ({ id, name, code })),
          retentionDays,
        };
      }
    }
    throw ERR.noFreeCode();
  }

  async get(actor: Actor, eventId: string): Promise<EventView> {
    return this.view(staffCheck(actor, await this.find(eventId), ERR.unknownEvent));
  }

  private async view(event: EventRecord): Promise<EventView> {
    const counts = await this.deps.presence.counts(event.rooms.map((r) => r.code));
    return {
      id: event.id,
      code: event.code,
      title: event.title,
      timeZone: event.timeZone,
      autoSessions: event.autoSessions,
      premoderation: event.premoderation,
      blocklist: event.blocklist,
      retentionDays: event.retentionDays,
      rooms: event.rooms.map((r, i) => ({ id: r.id, name: r.name, code: r.code, participants: counts[i] ?? 0 })),
    };
  }

  /**
   * PATCH /api/events/:id: the title (every room shows the new one at once), the
   * pre-moderation of rooms added from now on (existing rooms keep their own setting), the
   * programme's time zone, whether sessions start and end by themselves, the event's own
   * blocklist words (the next question asked in any of its rooms is checked against them), and
   * (organizer token only) how many days participant ids are kept: a retention already over erases them at once.
   */
  async update(actor: Actor, eventId: string, body: unknown): Promise<EventView> {
    const found = staffCheck(actor, await this.find(eventId), ERR.unknownEvent);
    // The role step comes before the body step, so a moderator naming retentionDays gets 403 whatever its value.
    const namesRetention = typeof body === "object" && body !== null && Object.hasOwn(body, "retentionDays");
    if (namesRetention && actor.role !== "organizer") throw ERR.organizerOnly();
    const patch = parse(eventPatchBody, body);
    if (patch.blocklist) patch.blocklist = [...new Set(patch.blocklist)];
    if (patch.retentionDays !== undefined) await this.setRetention(found, patch.retentionDays);
    const event = await this.deps.store.updateEvent(eventId, patch);
    if (event === "not_found") throw ERR.unknownEvent();
    for (const room of event.rooms) {
      if (patch.title !== undefined)
        this.deps.outbox.room(room.code, roomInfo(this.deps, room, await currentSession(this.deps.store, room)));
      await record(this.deps, room.code, actor, "event:update", eventId);
    }
    return this.view(event);
  }

  private async setRetention(event: EventRecord, days: number): Promise<void> {
    const expiresAt = retentionEnd(event.createdAt, days);
    if ((await this.deps.store.setRetention(event.id, days, expiresAt)) === "not_found") throw ERR.unknownEvent();
    if (isPastRetention(expiresAt, isoNow(this.deps))) await this.deps.store.eraseParticipants(event.id);
  }

  /** An event its caller may read or change (key, then event, then the key's event). */
  async staffEvent(actor: Actor, eventId: string): Promise<EventRecord> {
    return staffCheck(actor, await this.find(eventId), ERR.unknownEvent);
  }

  /** GET /api/programme/:code: anyone who knows the event's code or one of its rooms' codes. */
  async programme(code: string): Promise<Programme> {
    const eventId = await this.deps.store.eventIdForCode(code);
    const event = eventId && (await this.deps.store.getEvent(eventId));
    if (!event) throw ERR.unknownCode();
    const codes = event.rooms.map((r) => r.code);
    const [counts, sessions] = await Promise.all([
      this.deps.presence.counts(codes),
      Promise.all(codes.map((code) => this.deps.store.listSessions(code))),
    ]);
    return buildProgramme({
      event: {
        code: event.code,
        title: event.title,
        timeZone: event.timeZone,
        url: `${this.deps.publicUrl}/${event.code}`,
        retentionDays: event.retentionDays,
      },
      rooms: event.rooms.map((r, i) => ({
        code: r.code,
        name: r.name,
        participants: counts[i] ?? 0,
        currentSessionId: r.sessionId,
      })),
      sessions: sessions.flat().map(toSession),
    });
  }

  async addRoom(actor: Actor, eventId: string, body: unknown): Promise<RoomSummary> {
    const event = staffCheck(actor, await this.find(eventId), ERR.unknownEvent);
    const { name } = parse(addRoomBody, body);
    for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
      const fresh = newRoom(name, event.premoderation);
      const room = await this.deps.store.addRoom(eventId, fresh, isoNow(this.deps), LIMITS.roomsPerEvent);
      if (room === "not_found") throw ERR.unknownEvent();
      if (room === "full") throw ERR.tooManyRooms(LIMITS.roomsPerEvent);
      if (room !== "code_taken") return { id: room.id, name: room.name, code: room.code };
    }
    throw ERR.noFreeCode();
  }

  async remove(actor: Actor, eventId: string): Promise<void> {
    staffCheck(actor, await this.find(eventId), ERR.unknownEvent, "organizer");
    const codes = await this.deps.store.deleteEvent(eventId);
    if (codes === "not_found") throw ERR.unknownEvent();
    for (const code of codes) {
      this.deps.outbox.disconnect(code);
      this.deps.similar.forget(code);
      this.roomErased(code);
      await this.deps.presence.forget(code);
    }
  }

  /**
   * A new moderator key for the event, returned once. The old key opens nothing from now on
   * (its hash is replaced in one store step), and the sockets that proved it are disconnected.
   */
  async rotateKey(actor: Actor, eventId: string): Promise<RotatedKey> {
    const event = staffCheck(actor, await this.find(eventId), ERR.unknownEvent, "organizer");
    const moderatorKey = newModeratorKey();
    if ((await this.deps.store.rotateKey(eventId, hashKey(moderatorKey))) === "not_found") throw ERR.unknownEvent();
    this.deps.outbox.revoke(eventId);
    for (const room of event.rooms) await record(this.deps, room.code, actor, "key:rotate", eventId);
    return { id: eventId, moderatorKey };
  }

  /** The room a moderator acts on, after the key and event checks. */
  async staffRoom(actor: Actor, code: string): Promise<RoomRecord> {
    const room = await this.deps.store.getRoom(code);
    return staffCheck(actor, room && { item: room, eventId: room.eventId, roomCode: room.code }, ERR.unknownRoom);
  }

  /** The room a socket joins, or unknownRoom. */
  async room(code: string): Promise<RoomRecord> {
    const room = await this.deps.store.getRoom(code);
    if (!room) throw ERR.unknownRoom();
    return room;
  }

  async updateRoom(actor: Actor, code: string, body: unknown): Promise<RoomState> {
    const room = await this.staffRoom(actor, code);
    const patch = parse(roomPatchBody, body);
    const pollId = patch.screen?.pollId;
    if (pollId) {
      const poll = await this.deps.store.getPoll(pollId);
      if (!poll || poll.roomCode !== room.code) throw ERR.screenPollOfOtherRoom();
    }
    const updated = await this.deps.store.updateRoom(room.code, patch);
    if (updated === "not_found") throw ERR.unknownRoom();
    this.deps.outbox.room(room.code, roomInfo(this.deps, updated, await currentSession(this.deps.store, updated)));
    await record(this.deps, room.code, actor, "room:update", room.code);
    return roomState(this.deps, room.code, "moderator", undefined, { sessionId: updated.sessionId });
  }

  /**
   * `session`: a session id of the room, "none", "all", or absent for the room's current session.
   * A speaker gets it without pending and rejected questions.
   */
  async moderation(actor: Actor, code: string, session?: string): Promise<RoomState> {
    const room = await this.staffRoom(actor, code);
    let scope: Scope = { sessionId: room.sessionId };
    if (session === "all") scope = { all: true };
    else if (session === "none") scope = { sessionId: null };
    else if (session !== undefined) {
      const found = await this.deps.store.getSession(session);
      if (!found || found.roomCode !== room.code) throw ERR.unknownSession();
      scope = { sessionId: found.id };
    }
    return roomState(this.deps, room.code, actor.role === "speaker" ? "speaker" : "moderator", undefined, scope);
  }

  async audit(actor: Actor, code: string): Promise<AuditLog> {
    const room = await this.staffRoom(actor, code);
    return { code: room.code, entries: await this.deps.store.auditLog(room.code) };
  }
}
