// The Redis store: state shared by every node. Each mutating command is one Lua script
// (atomic however many nodes write at once); Node keeps no state but a cache of which room
// holds a poll or a question, facts that never change for an id (see RoomIndex).
import type { Redis } from "ioredis";
import type { BackstageMessage, Choice, Poll, PollStatus, QuestionStatus, SessionStatus } from "../../shared/model.js";
import type { StoredAnswer, TallySnapshot } from "../core/polls.js";
import type { QuestionRecord } from "../core/questions.js";
import { toActivity } from "./redis-activity-codec.js";
import { connectRedis, RoomIndex, runScript, SCRIPTS as S, type Script } from "./redis-client.js";
import {
  answerJson,
  askField,
  ballotJson,
  blocklistOf,
  bool,
  Keys,
  pollFields,
  questionFields,
  screenJson,
  sessionFields,
  toAuditEntry,
  toEvent,
  toList,
  toMessage,
  toParticipantData,
  toPoll,
  toQuestion,
  toRoom,
  toRoomData,
  toRoomKey,
  toSession,
  toSnapshot,
  toStoredAnswer,
} from "./redis-codec.js";
import {
  type ActivityBatch,
  AUDIT_LIMIT,
  type AuditEntry,
  type Conflict,
  type Erasure,
  type EventPatch,
  type EventRecord,
  type Missing,
  type NewAnswer,
  type NewEvent,
  type NewRoom,
  type NewRoomKey,
  type ParticipantData,
  type PollPatch,
  type ProgrammeRefusal,
  type ProgrammeWrite,
  type QuestionNotes,
  type QuestionState,
  type ReactionTally,
  type RoomData,
  type RoomKeyRecord,
  type RoomRecord,
  type RoomSettingsPatch,
  type SessionActivity,
  type SessionMove,
  type SessionPatch,
  type SessionRecord,
  type Store,
} from "./store.js";

const NOT_FOUND = "not_found";

export interface RedisStoreOptions {
  /** Prefix of every key ("t:" by default); must not contain braces (they are hash tags). */
  keyPrefix?: string;
  /** How long the first connection may take, in ms (10 s by default). */
  connectTimeout?: number;
}

export class RedisStore implements Store {
  readonly kind = "redis";
  private readonly k: Keys;
  private readonly polls: RoomIndex;
  private readonly questions: RoomIndex;
  private readonly sessions: RoomIndex;
  private closed = false;

  constructor(
    private readonly redis: Redis,
    keyPrefix = "t:",
  ) {
    this.k = new Keys(keyPrefix);
    this.polls = new RoomIndex(redis, this.k.pollRoom);
    this.questions = new RoomIndex(redis, this.k.questionRoom);
    this.sessions = new RoomIndex(redis, this.k.sessionRoom);
  }

  ready(): boolean {
    return !this.closed && this.redis.status === "ready";
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.redis.quit();
    } catch {
      this.redis.disconnect();
    }
  }

  private run(s: Script, keys: string[], args: (string | number)[] = []): Promise<unknown> {
    return runScript(this.redis, s, keys, args);
  }

  private inPollRoom<T>(pollId: string, fn: (R: string) => Promise<T | Missing>): Promise<T | Missing> {
    return this.polls.run(pollId, (code) => fn(this.k.room(code)));
  }

  private inQuestionRoom<T>(questionId: string, fn: (R: string) => Promise<T | Missing>): Promise<T | Missing> {
    return this.questions.run(questionId, (code) => fn(this.k.room(code)));
  }

  private pollKeys(R: string, pollId: string): string[] {
    return [
      `${R}poll:${pollId}`,
      `${R}ballots:${pollId}`,
      `${R}tally:${pollId}`,
      `${R}answers:${pollId}`,
      `${R}answerorder:${pollId}`,
    ];
  }

  // Events and rooms

  async createEvent(event: NewEvent): Promise<"ok" | "code_taken"> {
    const keys = [this.k.event(event.id), this.k.eventRooms(event.id), this.k.key(event.keyHash), this.k.retention()];
    const expiry = event.expiresAt && event.retentionDays ? Date.parse(event.expiresAt) : null;
    const args = [
      event.id,
      event.title,
      event.keyHash,
      event.createdAt,
      expiry === null ? "" : String(event.retentionDays),
      expiry === null ? "" : String(event.expiresAt),
      expiry === null ? "" : String(expiry),
      bool(event.premoderation ?? false),
      event.code.toUpperCase(),
      this.k.prefix,
    ];
    for (const room of event.rooms) {
      keys.push(`${this.k.room(room.code)}room`);
      args.push(room.id, room.code, room.name, bool(room.premoderation ?? false));
    }
    return (await this.run(S.createEvent, keys, args)) === "ok" ? "ok" : "code_taken";
  }

  async getEvent(eventId: string): Promise<EventRecord | null> {
    const reply = await this.run(S.getEvent, [this.k.event(eventId), this.k.eventRooms(eventId)], [this.k.prefix]);
    return reply === null ? null : toEvent(reply);
  }

  async eventBlocklist(eventId: string): Promise<string[]> {
    return blocklistOf(await this.redis.hget(this.k.event(eventId), "blocklist"));
  }

  eventIdForKey(keyHash: string): Promise<string | null> {
    return this.redis.get(this.k.key(keyHash));
  }

  async eventIdForCode(code: string): Promise<string | null> {
    const c = code.toUpperCase();
    const [event, room] = await Promise.all([
      this.redis.get(this.k.code(c)),
      this.redis.hget(`${this.k.room(c)}room`, "eventId"),
    ]);
    return event ?? room;
  }

  async addRoom(
    eventId: string,
    room: NewRoom,
    createdAt: string,
    maxRooms: number,
  ): Promise<RoomRecord | Missing | "full" | "code_taken"> {
    const keys = [this.k.event(eventId), this.k.eventRooms(eventId), `${this.k.room(room.code)}room`, this.k.code(room.code)];
    const premoderation = bool(room.premoderation ?? false);
    const reply = await this.run(S.addRoom, keys, [room.id, room.code, room.name, createdAt, maxRooms, premoderation]);
    if (reply === NOT_FOUND || reply === "full" || reply === "code_taken") return reply;
    return toRoom(reply);
  }

  async updateEvent(eventId: string, patch: EventPatch): Promise<EventRecord | Missing> {
    const premoderation = patch.premoderation === undefined ? "" : bool(patch.premoderation);
    const autoSessions = patch.autoSessions === undefined ? "" : bool(patch.autoSessions);
    const blocklist = patch.blocklist === undefined ? "" : JSON.stringify(patch.blocklist);
    const args = [this.k.prefix, patch.title ?? "", premoderation, patch.timeZone ?? "", autoSessions, blocklist];
    const reply = await this.run(S.updateEvent, [this.k.event(eventId), this.k.eventRooms(eventId)], args);
    return reply === NOT_FOUND ? NOT_FOUND : toEvent(reply);
  }

  async deleteEvent(eventId: string): Promise<string[] | Missing> {
    const reply = await this.run(S.deleteEvent, [this.k.event(eventId), this.k.eventRooms(eventId)], [this.k.prefix]);
    if (reply === NOT_FOUND) return NOT_FOUND;
    return toList(reply).map(String);
  }

  async getRoom(code: string): Promise<RoomRecord | null> {
    const reply = await this.redis.hgetall(`${this.k.room(code)}room`);
    return Object.keys(reply).length === 0 ? null : toRoom(Object.entries(reply).flat());
  }

  async updateRoom(code: string, patch: RoomSettingsPatch): Promise<RoomRecord | Missing> {
    const args: string[] = [];
    if (patch.premoderation !== undefined) args.push("premoderation", bool(patch.premoderation));
    if (patch.qaOpen !== undefined) args.push("qaOpen", bool(patch.qaOpen));
    if (patch.screen !== undefined) args.push("screen", screenJson(patch.screen));
    const reply = await this.run(S.updateRoom, [`${this.k.room(code)}room`], args);
    return reply === NOT_FOUND ? NOT_FOUND : toRoom(reply);
  }

  // Sessions

  private inSessionRoom<T>(sessionId: string, fn: (R: string) => Promise<T | Missing>): Promise<T | Missing> {
    return this.sessions.run(sessionId, (code) => fn(this.k.room(code)));
  }

  async createSession(session: SessionRecord, max: number): Promise<"ok" | Missing | "full"> {
    const R = this.k.room(session.roomCode);
    const keys = [`${R}room`, `${R}sessions`, `${R}n`, `${R}s:${session.id}`, this.k.sessionRoom(session.id)];
    const reply = await this.run(S.createSession, keys, [max, session.id, session.roomCode, ...sessionFields(session)]);
    if (reply === NOT_FOUND || reply === "full") return reply;
    this.sessions.remember(session.id, session.roomCode);
    return "ok";
  }

  async importProgramme(eventId: string, write: ProgrammeWrite, maxRooms: number, maxSessions: number) {
    // One JSON argument per list: a whole day's programme is thousands of fields, too many to spread.
    const rooms = write.rooms.map((r) => [r.id, r.code.toUpperCase(), r.name, bool(r.premoderation ?? false)]);
    const sessions = write.sessions.map((s) => [s.id, s.roomCode, sessionFields(s)]);
    const updates = write.updates.map((u) => [u.id, JSON.stringify(u.speakers), u.endsAt ?? ""]);
    const lists = [rooms, sessions, updates].map((list) => JSON.stringify(list));
    const args: (string | number)[] = [this.k.prefix, write.createdAt, maxRooms, maxSessions, ...lists];
    const reply = (await this.run(S.importProgramme, [this.k.event(eventId), this.k.eventRooms(eventId)], args)) as
      | "ok"
      | ProgrammeRefusal;
    if (reply === "ok") for (const s of write.sessions) this.sessions.remember(s.id, s.roomCode);
    return reply;
  }

  async getSession(sessionId: string): Promise<SessionRecord | null> {
    const found = await this.inSessionRoom(sessionId, async (R) => {
      const reply = await this.redis.hgetall(`${R}s:${sessionId}`);
      return Object.keys(reply).length === 0 ? NOT_FOUND : toSession(Object.entries(reply).flat());
    });
    return found === NOT_FOUND ? null : found;
  }

  async listSessions(code: string): Promise<SessionRecord[]> {
    const R = this.k.room(code);
    return toList(await this.run(S.listHashes, [`${R}sessions`], [`${R}s:`])).map(toSession);
  }

  updateSession(sessionId: string, patch: SessionPatch): Promise<SessionRecord | Missing> {
    const args: string[] = [];
    if (patch.title !== undefined) args.push("title", patch.title);
    if (patch.speakers !== undefined) args.push("speakers", JSON.stringify(patch.speakers));
    if (patch.startsAt !== undefined) args.push("startsAt", patch.startsAt ?? "");
    if (patch.endsAt !== undefined) args.push("endsAt", patch.endsAt ?? "");
    return this.inSessionRoom(sessionId, async (R) => {
      const reply = await this.run(S.updateSession, [`${R}s:${sessionId}`], args);
      return reply === NOT_FOUND ? NOT_FOUND : toSession(reply);
    });
  }

  async deleteSession(sessionId: string): Promise<SessionRecord | Missing | Conflict> {
    const result = await this.inSessionRoom(sessionId, async (R) => {
      const keys = [
        `${R}s:${sessionId}`,
        `${R}sessions`,
        `${R}polls`,
        `${R}questions`,
        `${R}room`,
        this.k.sessionRoom(sessionId),
      ];
      const reply = await this.run(S.deleteSession, keys, [R, sessionId]);
      return reply === NOT_FOUND || reply === "conflict" ? reply : toSession(reply);
    });
    if (result !== "conflict") this.sessions.forget(sessionId);
    return result;
  }

  setSessionStatus(
    sessionId: string,
    from: SessionStatus[],
    to: SessionStatus,
    at: string,
  ): Promise<SessionMove | Missing | Conflict> {
    return this.inSessionRoom(sessionId, async (R) => {
      const keys = [`${R}s:${sessionId}`, `${R}sessions`, `${R}polls`, `${R}room`];
      const reply = await this.run(S.setSessionStatus, keys, [R, sessionId, to, at, ...from]);
      if (reply === NOT_FOUND || reply === "conflict") return reply;
      const [session, ended, closed] = toList(reply);
      return { session: toSession(session), ended: toList(ended).map(toSession), closed: toList(closed).map(toPoll) };
    });
  }

  autoSessionEvents(): Promise<string[]> {
    return this.redis.smembers(this.k.autoSessions());
  }

  // Polls

  async createPoll(poll: Poll): Promise<void> {
    const R = this.k.room(poll.roomCode);
    const keys = [`${R}room`, `${R}polls`, `${R}n`, `${R}poll:${poll.id}`, this.k.pollRoom(poll.id)];
    const reply = await this.run(S.createPoll, keys, [poll.id, poll.roomCode, ...pollFields(poll)]);
    if (reply === NOT_FOUND) throw new Error(`createPoll: room ${poll.roomCode} does not exist`);
    this.polls.remember(poll.id, poll.roomCode);
  }

  async getPoll(pollId: string): Promise<Poll | null> {
    const poll = await this.inPollRoom(pollId, async (R) => {
      const reply = await this.redis.hgetall(`${R}poll:${pollId}`);
      return Object.keys(reply).length === 0 ? NOT_FOUND : toPoll(Object.entries(reply).flat());
    });
    return poll === NOT_FOUND ? null : poll;
  }

  updatePoll(pollId: string, patch: PollPatch, draftOnly: boolean): Promise<Poll | Missing | Conflict> {
    const args = [bool(draftOnly)];
    if (patch.title !== undefined) args.push("title", patch.title);
    if (patch.options !== undefined) args.push("options", JSON.stringify(patch.options));
    if (patch.resultsVisible !== undefined) args.push("resultsVisible", bool(patch.resultsVisible));
    return this.inPollRoom(pollId, async (R) => {
      const reply = await this.run(S.updatePoll, [`${R}poll:${pollId}`], args);
      return reply === NOT_FOUND || reply === "conflict" ? reply : toPoll(reply);
    });
  }

  async deletePoll(pollId: string): Promise<Poll | Missing> {
    const result = await this.inPollRoom(pollId, async (R) => {
      const keys = [...this.pollKeys(R, pollId), `${R}polls`, this.k.pollRoom(pollId)];
      const reply = await this.run(S.deletePoll, keys, [pollId]);
      return reply === NOT_FOUND ? NOT_FOUND : toPoll(reply);
    });
    this.polls.forget(pollId);
    return result;
  }

  setPollStatus(
    pollId: string,
    from: PollStatus[],
    to: PollStatus,
  ): Promise<{ poll: Poll; closed: Poll[] } | Missing | Conflict | "other_session"> {
    return this.inPollRoom(pollId, async (R) => {
      const keys = [`${R}poll:${pollId}`, `${R}polls`, `${R}room`];
      const reply = await this.run(S.setPollStatus, keys, [R, pollId, to, ...from]);
      if (reply === NOT_FOUND || reply === "conflict" || reply === "other_session") return reply;
      const [poll, closed] = toList(reply);
      return { poll: toPoll(poll), closed: toList(closed).map(toPoll) };
    });
  }

  castBallot(
    pollId: string,
    participantId: string,
    choice: Choice,
    keys: string[],
    answer?: NewAnswer,
  ): Promise<TallySnapshot | Missing | "not_open"> {
    return this.inPollRoom(pollId, async (R) => {
      const kept = answer ? [answer.id, answerJson({ ...answer, hidden: false })] : ["", ""];
      const args = [participantId, ballotJson(choice, keys), ...kept, ...keys];
      const reply = await this.run(S.castBallot, this.pollKeys(R, pollId), args);
      return reply === NOT_FOUND || reply === "not_open" ? reply : toSnapshot(reply);
    });
  }

  async answer(pollId: string, answerId: string): Promise<StoredAnswer | null> {
    const found = await this.inPollRoom(pollId, async (R) => {
      const json = await this.redis.hget(`${R}answers:${pollId}`, answerId);
      return json === null ? NOT_FOUND : toStoredAnswer(json);
    });
    return found === NOT_FOUND ? null : found;
  }

  setAnswerHidden(pollId: string, answerId: string, hidden: boolean): Promise<TallySnapshot | Missing> {
    return this.inPollRoom(pollId, async (R) => {
      const reply = await this.run(S.setAnswerHidden, this.pollKeys(R, pollId), [answerId, bool(hidden)]);
      return reply === NOT_FOUND ? NOT_FOUND : toSnapshot(reply);
    });
  }

  resetPoll(pollId: string): Promise<TallySnapshot | Missing> {
    return this.inPollRoom(pollId, async (R) => {
      const reply = await this.run(S.resetPoll, this.pollKeys(R, pollId));
      return reply === NOT_FOUND ? NOT_FOUND : toSnapshot(reply);
    });
  }

  async tally(pollId: string): Promise<TallySnapshot | null> {
    const snap = await this.inPollRoom(pollId, async (R) => {
      const reply = await this.run(S.tally, this.pollKeys(R, pollId));
      return reply === null ? NOT_FOUND : toSnapshot(reply);
    });
    return snap === NOT_FOUND ? null : snap;
  }

  // Questions

  async findAsk(roomCode: string, participantId: string, clientId: string): Promise<QuestionRecord | null> {
    const R = this.k.room(roomCode);
    const reply = await this.run(S.findAsk, [`${R}asks`], [R, askField(participantId, clientId)]);
    return reply === null ? null : toQuestion(reply);
  }

  async ask(
    question: QuestionRecord,
    requireQaOpen: boolean,
  ): Promise<{ question: QuestionRecord; created: boolean } | Missing | "closed"> {
    const R = this.k.room(question.roomCode);
    const keys = [`${R}room`, `${R}asks`, `${R}questions`, `${R}n`, `${R}q:${question.id}`, this.k.questionRoom(question.id)];
    const field = question.clientId === null ? "" : askField(question.participantId, question.clientId);
    const args = [R, bool(requireQaOpen), field, question.id, question.roomCode, ...questionFields(question)];
    const reply = await this.run(S.ask, keys, args);
    if (reply === NOT_FOUND || reply === "closed") return reply;
    const [created, stored] = toList(reply);
    const result = { question: toQuestion(stored), created: Number(created) === 1 };
    this.questions.remember(result.question.id, result.question.roomCode);
    return result;
  }

  async getQuestion(questionId: string): Promise<QuestionRecord | null> {
    const q = await this.inQuestionRoom(questionId, async (R) => {
      const reply = await this.run(S.getQuestion, [`${R}q:${questionId}`, `${R}up:${questionId}`], [R, questionId]);
      return reply === null ? NOT_FOUND : toQuestion(reply);
    });
    return q === NOT_FOUND ? null : q;
  }

  setUpvote(
    questionId: string,
    participantId: string,
    on: boolean,
    allowed: QuestionStatus[],
  ): Promise<QuestionRecord | Missing | Conflict> {
    return this.inQuestionRoom(questionId, async (R) => {
      const keys = [`${R}q:${questionId}`, `${R}up:${questionId}`];
      const reply = await this.run(S.setUpvote, keys, [R, questionId, participantId, bool(on), ...allowed]);
      return reply === NOT_FOUND || reply === "conflict" ? reply : toQuestion(reply);
    });
  }

  updateQuestion(
    questionId: string,
    expected: QuestionState,
    next: QuestionState,
  ): Promise<{ question: QuestionRecord; unhighlighted: QuestionRecord[] } | Missing | Conflict> {
    return this.inQuestionRoom(questionId, async (R) => {
      const keys = [`${R}q:${questionId}`, `${R}questions`];
      const args = [R, questionId, expected.status, bool(expected.highlighted), next.status, bool(next.highlighted)];
      const reply = await this.run(S.updateQuestion, keys, args);
      if (reply === NOT_FOUND || reply === "conflict") return reply;
      const [question, cleared] = toList(reply);
      return { question: toQuestion(question), unhighlighted: toList(cleared).map(toQuestion) };
    });
  }

  mergeQuestion(
    questionId: string,
    intoId: string,
    from: QuestionStatus[],
    intoFrom: QuestionStatus[],
  ): Promise<{ question: QuestionRecord; into: QuestionRecord } | Missing | Conflict | "bad_target"> {
    return this.inQuestionRoom(questionId, async (R) => {
      // The target's keys are built in the question's room: a question of another room is simply absent there.
      const keys = [`${R}q:${questionId}`, `${R}up:${questionId}`, `${R}q:${intoId}`, `${R}up:${intoId}`];
      const reply = await this.run(S.mergeQuestion, keys, [R, questionId, intoId, from.join(","), intoFrom.join(",")]);
      if (reply === NOT_FOUND || reply === "conflict" || reply === "bad_target") return reply;
      const [question, into] = toList(reply);
      return { question: toQuestion(question), into: toQuestion(into) };
    });
  }

  annotateQuestion(questionId: string, notes: QuestionNotes): Promise<QuestionRecord | Missing> {
    return this.inQuestionRoom(questionId, async (R) => {
      const pairs: string[] = [];
      if (notes.reply !== undefined) pairs.push("reply", notes.reply ?? "", "repliedAt", notes.repliedAt ?? "");
      // An empty list is stored as "[]", never removed: "" means "absent" to the script.
      if (notes.labels !== undefined) pairs.push("labels", JSON.stringify(notes.labels));
      const keys = [`${R}q:${questionId}`, `${R}up:${questionId}`];
      const reply = await this.run(S.annotateQuestion, keys, [R, questionId, ...pairs]);
      return reply === NOT_FOUND ? reply : toQuestion(reply);
    });
  }

  // Reactions

  async addReactions(code: string, counts: ReactionTally): Promise<void> {
    const entries = Object.entries(counts).filter(([, n]) => n > 0);
    if (entries.length === 0) return;
    const R = this.k.room(code);
    // One atomic step; a room erased meanwhile gets no totals back (its hash would be an orphan).
    await this.run(S.addReactions, [`${R}room`, `${R}reactions`], entries.flat());
  }

  async reactionTotals(code: string): Promise<ReactionTally> {
    const totals: ReactionTally = {};
    for (const [, emoji, n] of await this.sessionReactions(code)) totals[emoji] = (totals[emoji] ?? 0) + n;
    return totals;
  }

  /** [session ('' for none), emoji, total] of the room's reaction fields. */
  private async sessionReactions(code: string): Promise<[string, string, number][]> {
    const fields = await this.redis.hgetall(`${this.k.room(code)}reactions`);
    return Object.entries(fields).map(([field, n]) => {
      const cut = field.lastIndexOf("\n");
      return [cut < 0 ? "" : field.slice(0, cut), field.slice(cut + 1), Number(n)];
    });
  }

  // Report

  async recordActivity(code: string, batches: ActivityBatch[]): Promise<void> {
    if (batches.length === 0) return;
    const R = this.k.room(code);
    const args = batches.flatMap((b) => [b.minute, b.participants, b.votes, b.questions, b.reactions, b.seen.length, ...b.seen]);
    await this.run(S.recordActivity, [`${R}room`, `${R}activity`, `${R}seen`], args);
  }

  async activity(code: string): Promise<SessionActivity[]> {
    const R = this.k.room(code);
    const [minutes, seen, erased, reactions] = await Promise.all([
      this.redis.hgetall(`${R}activity`),
      this.redis.smembers(`${R}seen`),
      this.redis.hgetall(`${R}seenerased`),
      this.sessionReactions(code),
    ]);
    return toActivity(minutes, seen, erased, reactions);
  }

  // Keys, bans, audit, retention

  async rotateKey(eventId: string, keyHash: string): Promise<"ok" | Missing> {
    const reply = await this.run(S.rotateKey, [this.k.event(eventId)], [this.k.prefix, keyHash]);
    return reply === "ok" ? "ok" : NOT_FOUND;
  }

  async createRoomKey(key: NewRoomKey, max: number): Promise<RoomKeyRecord | Missing | "full"> {
    const R = this.k.room(key.roomCode);
    const keys = [
      `${R}room`,
      `${R}keys`,
      `${R}n`,
      `${R}rk:${key.id}`,
      this.k.roomKeyHash(key.keyHash),
      this.k.roomKeyRoom(key.id),
    ];
    const fields = ["id", key.id, "role", key.role, "roomCode", key.roomCode, "label", key.label, "createdAt", key.createdAt];
    const reply = await this.run(S.createRoomKey, keys, [max, key.id, key.roomCode, key.keyHash, ...fields]);
    return reply === NOT_FOUND || reply === "full" ? reply : toRoomKey(reply);
  }

  async listRoomKeys(code: string): Promise<RoomKeyRecord[]> {
    const R = this.k.room(code);
    return toList(await this.run(S.listHashes, [`${R}keys`], [`${R}rk:`])).map(toRoomKey);
  }

  async getRoomKey(keyId: string): Promise<RoomKeyRecord | null> {
    const code = await this.redis.get(this.k.roomKeyRoom(keyId));
    if (!code) return null;
    const reply = await this.redis.hgetall(`${this.k.room(code)}rk:${keyId}`);
    return Object.keys(reply).length === 0 ? null : toRoomKey(Object.entries(reply).flat());
  }

  async findRoomKey(keyHash: string): Promise<RoomKeyRecord | null> {
    const found = await this.redis.get(this.k.roomKeyHash(keyHash));
    const [code, keyId] = found?.split(":") ?? [];
    if (!code || !keyId) return null;
    const reply = await this.redis.hgetall(`${this.k.room(code)}rk:${keyId}`);
    // Deleted in between (the index goes in the same step as the hash): it opens nothing.
    return Object.keys(reply).length === 0 ? null : toRoomKey(Object.entries(reply).flat());
  }

  async deleteRoomKey(keyId: string): Promise<RoomKeyRecord | Missing> {
    const code = await this.redis.get(this.k.roomKeyRoom(keyId));
    if (!code) return NOT_FOUND;
    const R = this.k.room(code);
    const reply = await this.run(
      S.deleteRoomKey,
      [`${R}keys`, `${R}rk:${keyId}`, this.k.roomKeyRoom(keyId)],
      [this.k.prefix, keyId],
    );
    return reply === NOT_FOUND ? NOT_FOUND : toRoomKey(reply);
  }

  async addMessage(code: string, message: BackstageMessage, keep: number): Promise<"ok" | Missing> {
    const R = this.k.room(code);
    const json = JSON.stringify({ id: message.id, text: message.text, at: message.at });
    // The same bounded append as the audit log: refused for an unknown room, the oldest dropped past `keep`.
    const reply = await this.run(S.appendAudit, [`${R}room`, `${R}messages`], [json, keep]);
    return reply === NOT_FOUND ? NOT_FOUND : "ok";
  }

  async messages(code: string): Promise<BackstageMessage[]> {
    return (await this.redis.lrange(`${this.k.room(code)}messages`, 0, -1)).map(toMessage);
  }

  async setBan(code: string, participantId: string, on: boolean): Promise<boolean | Missing> {
    const R = this.k.room(code);
    const reply = await this.run(S.setBan, [`${R}room`, `${R}bans`], [participantId, bool(on)]);
    return reply === NOT_FOUND ? NOT_FOUND : Number(reply) === 1;
  }

  async isBanned(code: string, participantId: string): Promise<boolean> {
    return (await this.redis.sismember(`${this.k.room(code)}bans`, participantId)) === 1;
  }

  async appendAudit(code: string, entry: AuditEntry): Promise<void> {
    const R = this.k.room(code);
    const json = JSON.stringify({ at: entry.at, actor: entry.actor, action: entry.action, targetId: entry.targetId });
    await this.run(S.appendAudit, [`${R}room`, `${R}audit`], [json, AUDIT_LIMIT]);
  }

  async auditLog(code: string): Promise<AuditEntry[]> {
    return (await this.redis.lrange(`${this.k.room(code)}audit`, 0, -1)).map(toAuditEntry);
  }

  async setRetention(eventId: string, retentionDays: number, expiresAt: string): Promise<"ok" | Missing> {
    const args = [retentionDays, expiresAt, Date.parse(expiresAt)];
    const reply = await this.run(S.setRetention, [this.k.event(eventId), this.k.retention()], args);
    return reply === "ok" ? "ok" : NOT_FOUND;
  }

  async expiredEvents(now: string): Promise<string[]> {
    return this.redis.zrangebyscore(this.k.retention(), "-inf", Date.parse(now));
  }

  async eraseParticipants(eventId: string): Promise<Erasure | Missing> {
    const reply = await this.run(S.eraseParticipants, [this.k.event(eventId), this.k.eventRooms(eventId)], [this.k.prefix]);
    if (reply === NOT_FOUND) return NOT_FOUND;
    const [ballots, upvotes, questions, bans] = toList(reply).map(Number);
    return { ballots: ballots ?? 0, upvotes: upvotes ?? 0, questions: questions ?? 0, bans: bans ?? 0 };
  }

  // Reads

  async roomData(code: string): Promise<RoomData | null> {
    const R = this.k.room(code);
    const reply = await this.run(S.roomData, [`${R}room`, `${R}polls`, `${R}questions`, `${R}sessions`], [R]);
    return reply === null ? null : toRoomData(reply);
  }

  async participantData(code: string, participantId: string): Promise<ParticipantData> {
    const R = this.k.room(code);
    const reply = await this.run(S.participantData, [`${R}polls`, `${R}questions`], [R, participantId]);
    return toParticipantData(reply);
  }
}

/** Connects to Redis and waits until it is ready: commands fail fast afterwards while it is down. */
export async function openRedisStore(url: string, options: RedisStoreOptions = {}): Promise<RedisStore> {
  const keyPrefix = options.keyPrefix ?? "t:";
  if (/[{}]/.test(keyPrefix)) throw new Error("The Redis key prefix must not contain braces.");
  return new RedisStore(await connectRedis(url, options.connectTimeout ?? 10_000), keyPrefix);
}
