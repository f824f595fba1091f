// Use cases of a room's programme: its sessions, made and moved by moderators or, for events
// with autoSessions on, by the scheduler. A session's start changes what the public sees.
import { ERR } from "../../shared/error-catalogue.js";
import { LIMITS } from "../../shared/limits.js";
import type { RoomExport, Session } from "../../shared/model.js";
import { noBody, parse, sessionCreateBody, sessionUpdateBody } from "../../shared/schemas.js";
import { newId } from "../core/rooms.js";
import { endsAfterStart, SESSION_MOVES, type SessionMoveName, toSession } from "../core/sessions.js";
import type { RoomRecord, SessionRecord } from "../store/store.js";
import { type Actor, staffCheck } from "./access.js";
import { record } from "./audit.js";
import { type Deps, isoNow } from "./deps.js";
import type { EventService } from "./event-service.js";
import { exportRoom } from "./export.js";
import type { QuizService } from "./quiz-service.js";
import type { ReportService } from "./report-service.js";
import { loadRoom, roomInfo } from "./views.js";

export class SessionService {
  constructor(
    private readonly deps: Deps,
    private readonly events: EventService,
    private readonly reports: ReportService,
    private readonly quiz: QuizService,
  ) {}

  async create(actor: Actor, code: string, body: unknown): Promise<Session> {
    const room = await this.events.staffRoom(actor, code);
    const input = parse(sessionCreateBody, body);
    const session: SessionRecord = {
      id: newId(),
      roomCode: room.code,
      title: input.title,
      speakers: input.speakers ?? [],
      startsAt: input.startsAt ?? null,
      endsAt: input.endsAt ?? null,
      status: "upcoming",
      createdAt: isoNow(this.deps),
      statusAt: null,
    };
    if (!endsAfterStart(session)) throw ERR.sessionEndsBeforeStart();
    const created = await this.deps.store.createSession(session, LIMITS.sessionsPerRoom);
    if (created === "not_found") throw ERR.unknownRoom();
    if (created === "full") throw ERR.tooManySessions(LIMITS.sessionsPerRoom);
    await record(this.deps, room.code, actor, "session:create", session.id);
    return toSession(session);
  }

  /** A session with its room and the event it belongs to, or null. */
  private async find(sessionId: string) {
    const session = await this.deps.store.getSession(sessionId);
    const room = session && (await this.deps.store.getRoom(session.roomCode));
    return session && room ? { item: { session, room }, eventId: room.eventId, roomCode: room.code } : null;
  }

  async update(actor: Actor, sessionId: string, body: unknown): Promise<Session> {
    const { session, room } = staffCheck(actor, await this.find(sessionId), ERR.unknownSession);
    const patch = parse(sessionUpdateBody, body);
    if (!endsAfterStart({ ...session, ...patch })) throw ERR.sessionEndsBeforeStart();
    const updated = await this.deps.store.updateSession(sessionId, patch);
    if (updated === "not_found") throw ERR.unknownSession();
    if (room.sessionId === sessionId) this.tellRoom(room, updated);
    await record(this.deps, room.code, actor, "session:update", sessionId);
    return toSession(updated);
  }

  async remove(actor: Actor, sessionId: string, body: unknown): Promise<void> {
    const { room } = staffCheck(actor, await this.find(sessionId), ERR.unknownSession);
    parse(noBody, body);
    const deleted = await this.deps.store.deleteSession(sessionId);
    if (deleted === "not_found") throw ERR.unknownSession();
    if (deleted === "conflict") throw ERR.sessionLive();
    // Its questions now belong to no session: which ones a phone is offered as similar may change.
    this.deps.similar.invalidate(room.code);
    // The room's current session is gone: its items, now of no session, are what the public sees.
    if (room.sessionId === sessionId) this.deps.outbox.resync(room.code);
    await record(this.deps, room.code, actor, "session:delete", sessionId);
  }

  async move(actor: Actor, sessionId: string, move: SessionMoveName, body: unknown): Promise<Session> {
    const { room } = staffCheck(actor, await this.find(sessionId), ERR.unknownSession);
    parse(noBody, body);
    const moved = await this.apply(room, sessionId, move);
    if (moved === "not_found") throw ERR.unknownSession();
    if (moved === "conflict") throw move === "start" ? ERR.cannotStartSession() : ERR.cannotEndSession();
    await record(this.deps, room.code, actor, `session:${move}`, sessionId);
    return moved;
  }

  /** The room's exports limited to one session: its polls, questions and their audit entries. */
  async export(actor: Actor, sessionId: string): Promise<RoomExport> {
    const { room } = staffCheck(actor, await this.find(sessionId), ERR.unknownSession);
    const data = await loadRoom(this.deps, room.code);
    return exportRoom(this.deps, data, (await this.reports.of(data)).sessions, { sessionId });
  }

  /**
   * The scheduler's move: the same compare-and-set as a moderator's, so when several nodes (or
   * a moderator) act at once the second attempt is a conflict and does nothing. Only from the
   * status the scheduler saw: a session a moderator ended since is not started again. True when it moved.
   */
  async autoMove(session: SessionRecord, move: SessionMoveName): Promise<boolean> {
    const room = await this.deps.store.getRoom(session.roomCode);
    if (!room) return false;
    const moved = await this.apply(room, session.id, move, [session.status]);
    return typeof moved === "object";
  }

  private async apply(room: RoomRecord, sessionId: string, move: SessionMoveName, from = SESSION_MOVES[move].from) {
    const { to } = SESSION_MOVES[move];
    // The report's counts so far belong to the session that was current: written before it changes.
    if (move === "start") await this.reports.flushActivity(room.code);
    const result = await this.deps.store.setSessionStatus(sessionId, from, to, isoNow(this.deps));
    if (typeof result === "string") return result;
    if (move === "start") {
      this.deps.similar.invalidate(room.code);
      // The room's open polls left behind are closed as any close is (a quiz revealed, the
      // leaderboard); they are no longer the public's, and a new current session changes every
      // client's state, not one item.
      await this.quiz.closed(room.code, result.closed, { toPublic: false, resync: true });
    } else {
      this.tellRoom(room, result.session);
    }
    return toSession(result.session);
  }

  /** `room` (with its current session as it is now) to the room's clients. */
  private tellRoom(room: RoomRecord, current: SessionRecord): void {
    this.deps.outbox.room(room.code, roomInfo(this.deps, room, toSession(current)));
  }
}
