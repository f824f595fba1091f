// Key names of the Redis store and the mapping of its replies to the store's records
// (layout: see redis-lua.ts). Everything is stored as strings: booleans "1"/"0", JSON for
// options, screen and ballots.
import { DEFAULT_TIME_ZONE } from "../../shared/limits.js";
import type {
  BackstageMessage,
  Choice,
  Poll,
  PollKind,
  PollStatus,
  QuestionStatus,
  Screen,
  SessionStatus,
} from "../../shared/model.js";
import type { StoredAnswer, TallySnapshot } from "../core/polls.js";
import type { QuestionRecord } from "../core/questions.js";
import type { AuditEntry, EventRecord, ParticipantData, RoomData, RoomKeyRecord, RoomRecord, SessionRecord } from "./store.js";

export class Keys {
  constructor(readonly prefix: string) {}
  event = (id: string) => `${this.prefix}ev:{${id}}`;
  eventRooms = (id: string) => `${this.prefix}ev:{${id}}:rooms`;
  key = (keyHash: string) => `${this.prefix}key:${keyHash}`;
  /** An event code's event id; room codes are known by their room hash. */
  code = (code: string) => `${this.prefix}code:${code}`;
  autoSessions = () => `${this.prefix}autosessions`;
  pollRoom = (pollId: string) => `${this.prefix}pollroom:${pollId}`;
  questionRoom = (questionId: string) => `${this.prefix}qroom:${questionId}`;
  sessionRoom = (sessionId: string) => `${this.prefix}sroom:${sessionId}`;
  /** A room key's "<room code>:<key id>", by the key's hash. */
  roomKeyHash = (keyHash: string) => `${this.prefix}rkey:${keyHash}`;
  /** A room key's room code, by its id. */
  roomKeyRoom = (keyId: string) => `${this.prefix}rkroom:${keyId}`;
  /** Events by the time (ms) their participant ids expire. */
  retention = () => `${this.prefix}retention`;
  /** The base of every key of one room; `{code}` is its cluster hash tag. */
  room = (code: string) => `${this.prefix}{${code}}:`;
}

export const bool = (value: boolean): string => (value ? "1" : "0");

/** A screen stored without `pollId: undefined` noise, so it reads back exactly as it was set. */
export const screenJson = (screen: Screen): string =>
  JSON.stringify(screen.pollId === undefined ? { mode: screen.mode } : { mode: screen.mode, pollId: screen.pollId });

export class ReplyError extends Error {
  constructor(what: string) {
    super(`unexpected reply from Redis: ${what}`);
    this.name = "ReplyError";
  }
}

/** A flat [field, value, …] reply as an object. */
export function toMap(reply: unknown): Record<string, string> {
  if (!Array.isArray(reply)) throw new ReplyError("expected a hash");
  // fromEntries defines own properties, so a word like "__proto__" stays a plain key.
  const entries: [string, string][] = [];
  for (let i = 0; i + 1 < reply.length; i += 2) entries.push([String(reply[i]), String(reply[i + 1])]);
  return Object.fromEntries(entries);
}

export function toList(reply: unknown): unknown[] {
  if (!Array.isArray(reply)) throw new ReplyError("expected a list");
  return reply;
}

const field = (map: Record<string, string>, name: string): string => {
  const value = map[name];
  if (value === undefined) throw new ReplyError(`missing field ${name}`);
  return value;
};

export function toRoom(reply: unknown): RoomRecord {
  const m = toMap(reply);
  return {
    id: field(m, "id"),
    eventId: field(m, "eventId"),
    code: field(m, "code"),
    name: field(m, "name"),
    eventTitle: field(m, "eventTitle"),
    premoderation: field(m, "premoderation") === "1",
    qaOpen: field(m, "qaOpen") === "1",
    screen: JSON.parse(field(m, "screen")) as Screen,
    createdAt: field(m, "createdAt"),
    sessionId: orNull(m.sessionId),
  };
}

/** Optional ids and times are stored as "" (or absent) for null. */
const orNull = (value: string | undefined): string | null => (value === undefined || value === "" ? null : value);

/** The hash fields of a session, as [field, value, …]. */
export function sessionFields(s: SessionRecord): string[] {
  return [
    "id",
    s.id,
    "roomCode",
    s.roomCode,
    "title",
    s.title,
    "speakers",
    JSON.stringify(s.speakers),
    "startsAt",
    s.startsAt ?? "",
    "endsAt",
    s.endsAt ?? "",
    "status",
    s.status,
    "createdAt",
    s.createdAt,
    "statusAt",
    s.statusAt ?? "",
  ];
}

export function toSession(reply: unknown): SessionRecord {
  const m = toMap(reply);
  return {
    id: field(m, "id"),
    roomCode: field(m, "roomCode"),
    title: field(m, "title"),
    speakers: JSON.parse(field(m, "speakers")) as string[],
    startsAt: orNull(m.startsAt),
    endsAt: orNull(m.endsAt),
    status: field(m, "status") as SessionStatus,
    createdAt: field(m, "createdAt"),
    statusAt: orNull(m.statusAt),
  };
}

/** The hash fields of a poll, as [field, value, …]. */
export function pollFields(poll: Poll): string[] {
  return [
    "id",
    poll.id,
    "roomCode",
    poll.roomCode,
    "title",
    poll.title,
    "kind",
    poll.kind,
    "options",
    JSON.stringify(poll.options),
    "status",
    poll.status,
    "resultsVisible",
    bool(poll.resultsVisible),
    "createdAt",
    poll.createdAt,
    "sessionId",
    poll.sessionId ?? "",
  ];
}

export function toPoll(reply: unknown): Poll {
  const m = toMap(reply);
  return {
    id: field(m, "id"),
    roomCode: field(m, "roomCode"),
    title: field(m, "title"),
    kind: field(m, "kind") as PollKind,
    options: JSON.parse(field(m, "options")) as string[],
    status: field(m, "status") as PollStatus,
    resultsVisible: field(m, "resultsVisible") === "1",
    createdAt: field(m, "createdAt"),
    sessionId: orNull(m.sessionId),
  };
}

/** A {tally, voters, seq, answers?} reply. */
export function toSnapshot(reply: unknown): TallySnapshot {
  const [tally, voters, seq, answers] = toList(reply);
  return withAnswers({ tally: toTally(tally), voters: Number(voters), seq: Number(seq) }, answers);
}

/** The snapshot with its answers (a list of answer JSON, newest first) when there are any. */
function withAnswers(snap: TallySnapshot, answers: unknown): TallySnapshot {
  const list = answers === undefined ? [] : toList(answers).filter((a) => a !== null);
  return list.length > 0 ? { ...snap, answers: list.map(toStoredAnswer) } : snap;
}

/** The stored JSON of an answer, as a new answer's JSON is written. */
export const answerJson = (a: StoredAnswer): string =>
  JSON.stringify({ id: a.id, text: a.text, createdAt: a.createdAt, hidden: a.hidden });

export function toStoredAnswer(json: unknown): StoredAnswer {
  const a = JSON.parse(String(json)) as Partial<StoredAnswer>;
  if (typeof a.id !== "string" || typeof a.text !== "string" || typeof a.createdAt !== "string") {
    throw new ReplyError("malformed answer");
  }
  return { id: a.id, text: a.text, createdAt: a.createdAt, hidden: a.hidden === true };
}

export function toTally(reply: unknown): Record<string, number> {
  return Object.fromEntries(Object.entries(toMap(reply)).map(([key, count]) => [key, Number(count)]));
}

/** The hash fields of a question, as [field, value, …]; upvotes are the upvoters set, not a field. */
export function questionFields(q: QuestionRecord): string[] {
  const fields = [
    "id",
    q.id,
    "roomCode",
    q.roomCode,
    "participantId",
    q.participantId,
    "text",
    q.text,
    "author",
    q.author,
    "status",
    q.status,
    "highlighted",
    bool(q.highlighted),
    "createdAt",
    q.createdAt,
  ];
  if (q.clientId !== null) fields.push("clientId", q.clientId);
  return fields;
}

export function toQuestion(reply: unknown): QuestionRecord {
  const m = toMap(reply);
  return {
    id: field(m, "id"),
    roomCode: field(m, "roomCode"),
    participantId: field(m, "participantId"),
    clientId: m.clientId ?? null,
    text: field(m, "text"),
    author: field(m, "author"),
    status: field(m, "status") as QuestionStatus,
    upvotes: Number(field(m, "upvotes")),
    highlighted: field(m, "highlighted") === "1",
    createdAt: field(m, "createdAt"),
    sessionId: orNull(m.sessionId),
    reply: m.reply ?? null,
    repliedAt: m.repliedAt ?? null,
    labels: m.labels ? (JSON.parse(m.labels) as string[]) : [],
    ...(m.mergedInto ? { mergedInto: m.mergedInto } : {}),
  };
}

/** The stored form of a ballot: its choice and the tally keys it counted toward. */
export const ballotJson = (choice: Choice, keys: string[]): string => JSON.stringify({ choice, keys });

export const ballotChoice = (json: string): Choice => (JSON.parse(json) as { choice: Choice }).choice;

/** The field of the ask-idempotency hash; participant ids hold no newline. */
export const askField = (participantId: string, clientId: string): string => `${participantId}\n${clientId}`;

/** A GET_EVENT reply. */
/** An event's blocklist field: absent until the event's words are first set. */
export const blocklistOf = (value: string | null | undefined): string[] => (value ? (JSON.parse(value) as string[]) : []);

export function toEvent(reply: unknown): EventRecord {
  const [event, rooms] = toList(reply);
  const m = toMap(event);
  return {
    id: field(m, "id"),
    // Events stored before event codes existed have none: their programme is reached by a room code.
    code: m.code ?? "",
    title: field(m, "title"),
    timeZone: m.timeZone ?? DEFAULT_TIME_ZONE,
    autoSessions: m.autoSessions === "1",
    // Events stored before the field existed have no default pre-moderation: off.
    premoderation: m.premoderation === "1",
    blocklist: blocklistOf(m.blocklist),
    createdAt: field(m, "createdAt"),
    retentionDays: m.retentionDays ? Number(m.retentionDays) : null,
    rooms: toList(rooms).map(toRoom),
  };
}

/** A ROOM_DATA reply: room, polls oldest first with their tallies, questions. */
export function toRoomData(reply: unknown): RoomData {
  const [room, polls, questions, sessions] = toList(reply);
  const data: RoomData = {
    room: toRoom(room),
    polls: [],
    tallies: {},
    questions: toList(questions).map(toQuestion),
    sessions: toList(sessions).map(toSession),
  };
  for (const entry of toList(polls)) {
    const [hash, tally, voters, answers] = toList(entry);
    const poll = toPoll(hash);
    data.polls.push(poll);
    const snap = { tally: toTally(tally), voters: Number(voters), seq: Number(toMap(hash).seq ?? 0) };
    data.tallies[poll.id] = withAnswers(snap, answers);
  }
  return data;
}

/** A PARTICIPANT_DATA reply: [pollId, ballot JSON, …] and upvoted question ids. */
export function toParticipantData(reply: unknown): ParticipantData {
  const [ballots, upvoted] = toList(reply);
  const flat = toList(ballots);
  const data: ParticipantData = { ballots: {}, upvoted: toList(upvoted).map(String) };
  for (let i = 0; i + 1 < flat.length; i += 2) data.ballots[String(flat[i])] = ballotChoice(String(flat[i + 1]));
  return data;
}

/** An audit entry as stored in a room's audit list. */
export function toAuditEntry(json: unknown): AuditEntry {
  const e = JSON.parse(String(json)) as Partial<AuditEntry>;
  if (typeof e.at !== "string" || typeof e.action !== "string" || typeof e.targetId !== "string") {
    throw new ReplyError("malformed audit entry");
  }
  const actor = e.actor === "organizer" || e.actor === "speaker" ? e.actor : "moderator";
  return { at: e.at, actor, action: e.action, targetId: e.targetId };
}

export function toRoomKey(reply: unknown): RoomKeyRecord {
  const m = toMap(reply);
  return {
    id: field(m, "id"),
    role: field(m, "role") === "speaker" ? "speaker" : "moderator",
    roomCode: field(m, "roomCode"),
    label: m.label ?? "",
    createdAt: field(m, "createdAt"),
    eventId: field(m, "eventId"),
  };
}

export function toMessage(json: unknown): BackstageMessage {
  const e = JSON.parse(String(json)) as Partial<BackstageMessage>;
  if (typeof e.id !== "string" || typeof e.text !== "string" || typeof e.at !== "string") {
    throw new ReplyError("malformed message");
  }
  return { id: e.id, text: e.text, at: e.at };
}
