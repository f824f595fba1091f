// The Store: one method per mutation of the contract, each atomic in its store and
// returning what changed, plus a few reads. No SQL or Redis types cross this line,
// and no rule either: the service decides with server/core and the store applies
// the decision atomically (compare-and-set where a rule depends on current state).

import type {
  AuditEntry,
  BackstageMessage,
  Choice,
  Poll,
  PollStatus,
  QuestionStatus,
  RoomInfo,
  RoomKey,
  Screen,
  SessionStatus,
} from "../../shared/model.js";
import type { StoredAnswer, TallySnapshot } from "../core/polls.js";
import type { QuestionRecord } from "../core/questions.js";
import type { SessionRecord } from "../core/sessions.js";

export interface RoomRecord extends Omit<RoomInfo, "session"> {
  id: string;
  eventId: string;
  createdAt: string;
  /** The id of the room's current session (the last one started), null when none. */
  sessionId: string | null;
}

/** A session as stored: its public shape, when it was made and when its status last changed. */
export type { SessionRecord } from "../core/sessions.js";

export interface SessionPatch {
  title?: string;
  speakers?: string[];
  startsAt?: string | null;
  endsAt?: string | null;
}

/** A programme import as one write: rooms to add, sessions to add (in new or existing rooms), sessions to update. */
export interface ProgrammeWrite {
  createdAt: string;
  /** Each with its pre-moderation (the event's setting for rooms added later). */
  rooms: NewRoom[];
  sessions: SessionRecord[];
  updates: { id: string; speakers: string[]; endsAt: string | null }[];
}

/** Why a programme write was refused (nothing written). */
export type ProgrammeRefusal = Missing | "rooms_full" | "sessions_full" | "code_taken" | Conflict;

/** What a session's start or end changed, in one atomic step. */
export interface SessionMove {
  session: SessionRecord;
  /** Sessions of the room that were live and were ended by this start. */
  ended: SessionRecord[];
  /** Open polls of the room that do not belong to the started session, closed by this start. */
  closed: Poll[];
}

export interface EventRecord {
  id: string;
  /** The event's code, in the same namespace as room codes. */
  code: string;
  title: string;
  timeZone: string;
  autoSessions: boolean;
  /** The pre-moderation setting given to rooms added to the event. */
  premoderation: boolean;
  /** The event's own blocklist words. */
  blocklist: string[];
  createdAt: string;
  /** Days participant ids are kept, null when they are kept until the event is erased. */
  retentionDays: number | null;
  rooms: RoomRecord[];
}

export interface NewRoom {
  id: string;
  code: string;
  name: string;
  /** Its starting pre-moderation setting (false when absent). */
  premoderation?: boolean;
}

export interface NewEvent {
  id: string;
  /** Refused ("code_taken") when any event or room already has it. */
  code: string;
  title: string;
  /** sha256 of the moderator key, hex; the key itself is never stored. */
  keyHash: string;
  createdAt: string;
  /** The event's default for rooms added later (false when absent); `rooms` carry their own. */
  premoderation?: boolean;
  rooms: NewRoom[];
  /** Days participant ids are kept (see core/retention.ts); absent: kept until the event is erased. */
  retentionDays?: number;
  /** When they are erased (ISO); set together with `retentionDays`. */
  expiresAt?: string;
}

export type { AuditEntry } from "../../shared/model.js";

/** What erasing an event's participant ids removed. */
export interface Erasure {
  ballots: number;
  upvotes: number;
  questions: number;
  bans: number;
}

export interface EventPatch {
  title?: string;
  premoderation?: boolean;
  timeZone?: string;
  autoSessions?: boolean;
  blocklist?: string[];
}

export interface RoomSettingsPatch {
  premoderation?: boolean;
  qaOpen?: boolean;
  screen?: Screen;
}

export interface PollPatch {
  title?: string;
  options?: string[];
  resultsVisible?: boolean;
}

/** Everything of a room, for state, moderation views and exports. */
export interface RoomData {
  room: RoomRecord;
  /** Oldest first. */
  polls: Poll[];
  /** Tallies of every poll, by poll id. */
  tallies: Record<string, TallySnapshot>;
  /** Every question, whatever its status, in no particular order. */
  questions: QuestionRecord[];
  /** Every session of the room, in creation order. */
  sessions: SessionRecord[];
}

/** What one participant did in a room. */
export interface ParticipantData {
  /** Stored choices by poll id. */
  ballots: Record<string, Choice>;
  upvoted: string[];
}

export interface QuestionState {
  status: QuestionStatus;
  highlighted: boolean;
}

/** What moderators write on a question besides its state; absent fields stay as they are. */
export interface QuestionNotes {
  reply?: string | null;
  repliedAt?: string | null;
  labels?: string[];
}

export type Missing = "not_found";

/** A room key as stored: never the key, and the event its room belongs to. */
export interface RoomKeyRecord extends RoomKey {
  eventId: string;
}

/** A new room key: sha256 of the key, hex (the key itself is never stored). */
export interface NewRoomKey extends RoomKey {
  keyHash: string;
}

/** A ballot's text kept as an answer (`open` polls): the service gives its id and time. */
export interface NewAnswer {
  id: string;
  text: string;
  createdAt: string;
}

/** Reactions by emoji: counts added in one step, or totals read. */
export type ReactionTally = Record<string, number>;

/** What one node counted in one room during one minute (the report's timeline), added in one step. */
export interface ActivityBatch {
  /** The minute's start, ISO (seconds and milliseconds zero). */
  minute: string;
  /** The highest participant count seen in the minute: kept as a maximum, since every node reports it. */
  participants: number;
  votes: number;
  questions: number;
  reactions: number;
  /** Participant ids seen in the minute: each counts once toward its session's distinct total. */
  seen: string[];
}

/** One minute of a session's timeline. */
export interface ActivityPoint {
  /** The minute's start, ISO. */
  at: string;
  participants: number;
  votes: number;
  questions: number;
  reactions: number;
}

/** What was recorded for one session of a room (sessionId null: while the room had none). */
export interface SessionActivity {
  sessionId: string | null;
  /** Minutes in which something happened, oldest first. */
  timeline: ActivityPoint[];
  /** Distinct participants seen (those erased by retention still count). */
  distinct: number;
  /** Reaction totals by emoji. */
  reactions: ReactionTally;
}

/** Entries kept per room in the audit log: years of hand-made moderation, bounded against a runaway script. */
export const AUDIT_LIMIT = 10_000;
export type Conflict = "conflict";

export interface Store {
  /** "redis" or "sqlite": shown by /readyz and logs. */
  readonly kind: string;
  /** True when the store can serve now. */
  ready(): boolean;
  close(): Promise<void>;

  // Events and rooms
  /** Returns "code_taken" (and writes nothing) when its code or a room code is already an event's or a room's. */
  createEvent(event: NewEvent): Promise<"ok" | "code_taken">;
  getEvent(eventId: string): Promise<EventRecord | null>;
  /** The event's own blocklist words (none for an unknown event): one light read for each question asked. */
  eventBlocklist(eventId: string): Promise<string[]>;
  eventIdForKey(keyHash: string): Promise<string | null>;
  /** The event a code names: the event's own code or one of its rooms' codes. */
  eventIdForCode(code: string): Promise<string | null>;
  /** Adds a room unless the event already has `maxRooms`. */
  addRoom(
    eventId: string,
    room: NewRoom,
    createdAt: string,
    maxRooms: number,
  ): Promise<RoomRecord | Missing | "full" | "code_taken">;
  /** Changes the event's title (its rooms show the new one) or its rooms' default pre-moderation. */
  updateEvent(eventId: string, patch: EventPatch): Promise<EventRecord | Missing>;
  /** Erases the event and everything in it; returns the codes of its rooms. */
  deleteEvent(eventId: string): Promise<string[] | Missing>;
  getRoom(code: string): Promise<RoomRecord | null>;
  updateRoom(code: string, patch: RoomSettingsPatch): Promise<RoomRecord | Missing>;

  // Sessions
  /** Adds a session unless the room already has `max`. */
  createSession(session: SessionRecord, max: number): Promise<"ok" | Missing | "full">;
  getSession(sessionId: string): Promise<SessionRecord | null>;
  /** A room's sessions, in creation order. */
  listSessions(code: string): Promise<SessionRecord[]>;
  updateSession(sessionId: string, patch: SessionPatch): Promise<SessionRecord | Missing>;
  /**
   * Deletes a session unless it is live (conflict): its polls and questions stay in the room with
   * no session, and a room whose current session it was has none.
   */
  deleteSession(sessionId: string): Promise<SessionRecord | Missing | Conflict>;
  /**
   * Compare-and-set of a session's status: conflict unless it is in `from`. Moving to `live`
   * makes it the room's current session, ends the room's other live sessions and closes the
   * room's open polls of other sessions, all in the same step.
   */
  setSessionStatus(
    sessionId: string,
    from: SessionStatus[],
    to: SessionStatus,
    at: string,
  ): Promise<SessionMove | Missing | Conflict>;
  /**
   * Writes an import all or nothing: refused when the event is gone, when it would pass `maxRooms`
   * rooms or a room `maxSessions` sessions, when a new room's code is taken, or when a session to
   * update is gone (conflict).
   */
  importProgramme(
    eventId: string,
    write: ProgrammeWrite,
    maxRooms: number,
    maxSessions: number,
  ): Promise<"ok" | ProgrammeRefusal>;
  /** Ids of the events whose sessions start and end by themselves (autoSessions on). */
  autoSessionEvents(): Promise<string[]>;

  // Polls
  /** `poll.sessionId` must be a session of its room, or null. */
  createPoll(poll: Poll): Promise<void>;
  getPoll(pollId: string): Promise<Poll | null>;
  /** Applies the patch; with `draftOnly`, refuses (conflict) unless the poll is a draft. */
  updatePoll(pollId: string, patch: PollPatch, draftOnly: boolean): Promise<Poll | Missing | Conflict>;
  deletePoll(pollId: string): Promise<Poll | Missing>;
  /**
   * Moves a poll from one of `from` to `to` (else conflict). Opening a poll closes
   * every other open poll of its room in the same step; those are returned in `closed`.
   * A poll that does not belong to its room's current session cannot be opened ("other_session").
   */
  setPollStatus(
    pollId: string,
    from: PollStatus[],
    to: PollStatus,
  ): Promise<{ poll: Poll; closed: Poll[] } | Missing | Conflict | "other_session">;
  /**
   * Stores the participant's ballot (replacing a previous one) if the poll is open:
   * decrements the old ballot's tally keys, increments `keys`, bumps `seq`. With `answer`, the
   * ballot's text is kept as the participant's answer, replacing its previous one (which leaves
   * the answers); an answer of the same text is kept as it was (its id, time and hidden flag).
   */
  castBallot(
    pollId: string,
    participantId: string,
    choice: Choice,
    keys: string[],
    answer?: NewAnswer,
  ): Promise<TallySnapshot | Missing | "not_open">;
  /** One kept answer of a poll, or null. */
  answer(pollId: string, answerId: string): Promise<StoredAnswer | null>;
  /** Hides or shows a kept answer and bumps `seq`; not_found when the poll or the answer is gone. */
  setAnswerHidden(pollId: string, answerId: string, hidden: boolean): Promise<TallySnapshot | Missing>;
  /** Removes every ballot of the poll and bumps `seq`. */
  resetPoll(pollId: string): Promise<TallySnapshot | Missing>;
  /** A word cloud's tally may hold only its 100 largest counts (all the results show); `answers` the newest 100. */
  tally(pollId: string): Promise<TallySnapshot | null>;

  // Questions
  /** The question a participant already asked with this clientId in this room, if any. */
  findAsk(roomCode: string, participantId: string, clientId: string): Promise<QuestionRecord | null>;
  /**
   * Inserts the question unless the same (room, participant, clientId) exists (then returns
   * it with created=false). With `requireQaOpen`, refuses ("closed") while the room's Q&A is closed.
   * The question belongs to the room's current session at that moment, whatever `sessionId` says.
   */
  ask(
    question: QuestionRecord,
    requireQaOpen: boolean,
  ): Promise<{ question: QuestionRecord; created: boolean } | Missing | "closed">;
  getQuestion(questionId: string): Promise<QuestionRecord | null>;
  /** Sets or withdraws one participant's upvote if the question's status is in `allowed`; idempotent. */
  setUpvote(
    questionId: string,
    participantId: string,
    on: boolean,
    allowed: QuestionStatus[],
  ): Promise<QuestionRecord | Missing | Conflict>;
  /**
   * Compare-and-set of a question's status and highlight: conflict unless it is still in
   * `expected`. Highlighting clears any other highlighted question of the room in the same step;
   * those are returned in `unhighlighted`.
   */
  updateQuestion(
    questionId: string,
    expected: QuestionState,
    next: QuestionState,
  ): Promise<{ question: QuestionRecord; unhighlighted: QuestionRecord[] } | Missing | Conflict>;
  /**
   * Merges a question into another of its room in one atomic step: unless the question's status
   * is in `from` (conflict), or the target is itself, of another room, missing or not in
   * `intoFrom` (bad_target), the question becomes merged (unhighlighted, `mergedInto`) and the
   * target's upvoters become the union of both questions' upvoters and the question's asker.
   */
  mergeQuestion(
    questionId: string,
    intoId: string,
    from: QuestionStatus[],
    intoFrom: QuestionStatus[],
  ): Promise<{ question: QuestionRecord; into: QuestionRecord } | Missing | Conflict | "bad_target">;
  /** Sets a question's reply and/or labels, whatever its status (a last write wins). */
  annotateQuestion(questionId: string, notes: QuestionNotes): Promise<QuestionRecord | Missing>;

  // Reactions: counted per room and session, never stored one by one.
  /**
   * Adds counts to the totals of the room's current session (of the room itself while it has
   * none); an unknown room is ignored (it was erased meanwhile).
   */
  addReactions(code: string, counts: ReactionTally): Promise<void>;
  /** The room's totals, all sessions together. */
  reactionTotals(code: string): Promise<ReactionTally>;

  // Report: activity counted in memory and added per minute, never one row per vote.
  /**
   * Adds each batch to the room's current session (to the room itself while it has none):
   * counters are added, `participants` kept as the highest, `seen` ids added to the session's
   * distinct set. An unknown room is ignored (it was erased meanwhile).
   */
  recordActivity(code: string, batches: ActivityBatch[]): Promise<void>;
  /** Everything recorded for the room, one entry per session that has any, in no particular order. */
  activity(code: string): Promise<SessionActivity[]>;

  // Keys, bans, audit, retention
  /** Replaces the event's moderator key hash: the old key stops opening anything at once. */
  rotateKey(eventId: string, keyHash: string): Promise<"ok" | Missing>;
  /** Adds a key for one room (its `roomCode`) unless the room already has `max`. */
  createRoomKey(key: NewRoomKey, max: number): Promise<RoomKeyRecord | Missing | "full">;
  /** A room's keys, oldest first. */
  listRoomKeys(code: string): Promise<RoomKeyRecord[]>;
  getRoomKey(keyId: string): Promise<RoomKeyRecord | null>;
  /** The room key whose hash this is, or null: what a bearer token opens when it is no event's key. */
  findRoomKey(keyHash: string): Promise<RoomKeyRecord | null>;
  /** Removes a room key: from this step on it opens nothing. */
  deleteRoomKey(keyId: string): Promise<RoomKeyRecord | Missing>;
  /** Appends a backstage message to the room's, keeping the newest `keep`. */
  addMessage(code: string, message: BackstageMessage, keep: number): Promise<"ok" | Missing>;
  /** The room's kept backstage messages, oldest first. */
  messages(code: string): Promise<BackstageMessage[]>;
  /** Bans (or lifts the ban of) a participant in a room; true when that changed something. */
  setBan(code: string, participantId: string, on: boolean): Promise<boolean | Missing>;
  isBanned(code: string, participantId: string): Promise<boolean>;
  /** Appends to the room's audit log (the oldest entries past AUDIT_LIMIT are dropped). */
  appendAudit(code: string, entry: AuditEntry): Promise<void>;
  /** The room's audit log, oldest first. */
  auditLog(code: string): Promise<AuditEntry[]>;
  /** Sets how long the event keeps participant ids and when they are erased (ISO). */
  setRetention(eventId: string, retentionDays: number, expiresAt: string): Promise<"ok" | Missing>;
  /** Ids of the events whose `expiresAt` is at or before `now` (ISO). */
  expiredEvents(now: string): Promise<string[]>;
  /**
   * Erases what identifies participants in every room of the event: ballots (tallies and voter
   * counts stay), upvoters (upvote counts stay), questions' participant and client ids, bans,
   * the report's distinct sets (their counts stay).
   * Idempotent.
   */
  eraseParticipants(eventId: string): Promise<Erasure | Missing>;

  // Reads
  roomData(code: string): Promise<RoomData | null>;
  participantData(code: string, participantId: string): Promise<ParticipantData>;
}
