// SQLite tables and statements of the embedded store, and the mapping of their rows to records.
// Tables follow the commands: a ballot row keeps the tally keys it counted toward, so
// replacing it can take exactly those back out without knowing the poll's rules.
import Database from "better-sqlite3";
import { DEFAULT_TIME_ZONE, LIMITS } from "../../shared/limits.js";
import type { Choice, Poll, PollKind, PollStatus, QuestionStatus, Screen, SessionStatus } from "../../shared/model.js";
import type { StoredAnswer } from "../core/polls.js";
import type { QuestionRecord } from "../core/questions.js";
import { RETENTION } from "../core/retention.js";
import { newRoomCode } from "../core/rooms.js";
import { ACTIVITY_DDL } from "./sqlite-activity.js";
import type { RoomKeyRecord, RoomRecord, SessionRecord } from "./store.js";

/** Bumped when the DDL changes; a file written by a newer version is refused rather than misread. */
export const SCHEMA_VERSION = 7;

// Children reference their parent with ON DELETE CASCADE so that erasing an event is one
// DELETE and nothing of it can be left behind. `ord` keeps insertion order, which timestamps
// alone cannot (two polls may be created in the same millisecond).
export const DDL = `
CREATE TABLE IF NOT EXISTS events (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  key_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  retention_days INTEGER,
  expires_at TEXT,
  premoderation INTEGER NOT NULL DEFAULT 0,
  code TEXT,
  time_zone TEXT NOT NULL DEFAULT '${DEFAULT_TIME_ZONE}',
  auto_sessions INTEGER NOT NULL DEFAULT 0,
  blocklist TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE IF NOT EXISTS rooms (
  ord INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  premoderation INTEGER NOT NULL DEFAULT 0,
  qa_open INTEGER NOT NULL DEFAULT 1,
  screen TEXT NOT NULL DEFAULT '{"mode":"auto"}',
  created_at TEXT NOT NULL,
  session_id TEXT
);
CREATE INDEX IF NOT EXISTS rooms_event ON rooms(event_id);
CREATE TABLE IF NOT EXISTS polls (
  ord INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  room_code TEXT NOT NULL REFERENCES rooms(code) ON DELETE CASCADE,
  title TEXT NOT NULL,
  kind TEXT NOT NULL,
  options TEXT NOT NULL,
  status TEXT NOT NULL,
  results_visible INTEGER NOT NULL,
  voters INTEGER NOT NULL DEFAULT 0,
  seq INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  session_id TEXT
);
CREATE INDEX IF NOT EXISTS polls_room ON polls(room_code, status);
CREATE TABLE IF NOT EXISTS ballots (
  poll_id TEXT NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
  participant_id TEXT NOT NULL,
  choice TEXT NOT NULL,
  keys TEXT NOT NULL,
  PRIMARY KEY (poll_id, participant_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS tallies (
  poll_id TEXT NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (poll_id, key)
) WITHOUT ROWID;
-- Word clouds read only their largest counts: a vote then costs the same at 10 words or 10,000.
CREATE INDEX IF NOT EXISTS tallies_top ON tallies(poll_id, count DESC, key);
-- An open poll's answers, one per participant (a new ballot replaces it); ord gives "newest".
-- participant_id becomes NULL when retention erases it; the answer stays.
CREATE TABLE IF NOT EXISTS answers (
  ord INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  poll_id TEXT NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
  participant_id TEXT,
  text TEXT NOT NULL,
  hidden INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  UNIQUE (poll_id, participant_id)
);
CREATE INDEX IF NOT EXISTS answers_poll ON answers(poll_id, ord);
-- Reaction totals, never reactions one by one. session_id '' is the room itself, until sessions
-- exist: then a session's totals are its own row.
CREATE TABLE IF NOT EXISTS reactions (
  room_code TEXT NOT NULL REFERENCES rooms(code) ON DELETE CASCADE,
  session_id TEXT NOT NULL DEFAULT '',
  emoji TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (room_code, session_id, emoji)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS questions (
  id TEXT PRIMARY KEY,
  room_code TEXT NOT NULL REFERENCES rooms(code) ON DELETE CASCADE,
  participant_id TEXT NOT NULL,
  client_id TEXT,
  text TEXT NOT NULL,
  author TEXT NOT NULL,
  status TEXT NOT NULL,
  highlighted INTEGER NOT NULL DEFAULT 0,
  upvotes INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  session_id TEXT,
  reply TEXT,
  replied_at TEXT,
  labels TEXT NOT NULL DEFAULT '[]',
  merged_into TEXT,
  UNIQUE (room_code, participant_id, client_id)
);
-- A room's programme; rooms.session_id names the current one, polls and questions the one they belong to.
CREATE TABLE IF NOT EXISTS sessions (
  ord INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  room_code TEXT NOT NULL REFERENCES rooms(code) ON DELETE CASCADE,
  title TEXT NOT NULL,
  speakers TEXT NOT NULL,
  starts_at TEXT,
  ends_at TEXT,
  status TEXT NOT NULL,
  created_at TEXT NOT NULL,
  status_at TEXT
);
CREATE INDEX IF NOT EXISTS sessions_room ON sessions(room_code, status);
CREATE TABLE IF NOT EXISTS upvotes (
  question_id TEXT NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
  participant_id TEXT NOT NULL,
  PRIMARY KEY (question_id, participant_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS bans (
  room_code TEXT NOT NULL REFERENCES rooms(code) ON DELETE CASCADE,
  participant_id TEXT NOT NULL,
  PRIMARY KEY (room_code, participant_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS audit (
  ord INTEGER PRIMARY KEY AUTOINCREMENT,
  room_code TEXT NOT NULL REFERENCES rooms(code) ON DELETE CASCADE,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  target_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_room ON audit(room_code, ord);
-- Keys for one room (a moderator's or a speaker's): only their hash, looked up by it.
CREATE TABLE IF NOT EXISTS room_keys (
  ord INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  room_code TEXT NOT NULL REFERENCES rooms(code) ON DELETE CASCADE,
  role TEXT NOT NULL,
  label TEXT NOT NULL,
  key_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS room_keys_room ON room_keys(room_code, ord);
-- Backstage messages to a room's speaker: the newest few, the older ones dropped as new ones come.
CREATE TABLE IF NOT EXISTS messages (
  ord INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  room_code TEXT NOT NULL REFERENCES rooms(code) ON DELETE CASCADE,
  text TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS messages_room ON messages(room_code, ord);
`;

/**
 * Schema 1 → 2: retention columns on events (new tables come with the DDL above). Events written
 * before retention existed get the default (30 days from their creation), so that they are swept too.
 * Schema 2 → 3: the event's default pre-moderation for rooms added later (off, as before).
 * Schema 3 → 4: open answers and reaction totals, new tables only (the DDL above makes them).
 * Schema 4 → 5: event codes (drawn here for older events, in the room codes' namespace), the
 * programme's time zone and autoSessions (off); sessions (their table comes with the DDL), the
 * room's current session and the session of each poll and question (none for older ones).
 * Schema 5 → 6: a question's reply, labels and the question it was merged into (none for older ones).
 * Schema 6 → 7: the event's own blocklist words (none for older events); the report's activity
 * and attendance tables, new tables only (ACTIVITY_DDL in sqlite-activity.ts, run with the DDL
 * above); reactions now go to the room's current session's row; room keys and backstage messages,
 * new tables only (the DDL above makes them, checked by name: CREATE TABLE IF NOT EXISTS).
 * Each step looks at the columns rather than at the version number, so a file at 3 takes both
 * steps in one open and a file at 4 only the last.
 */
function migrate(db: Database.Database): void {
  const columns = (db.pragma("table_info(events)") as { name: string }[]).map((c) => c.name);
  if (!columns.includes("retention_days")) {
    db.transaction(() => {
      db.exec("ALTER TABLE events ADD COLUMN retention_days INTEGER");
      db.exec("ALTER TABLE events ADD COLUMN expires_at TEXT");
      db.exec(
        `UPDATE events SET retention_days = ${RETENTION.defaultDays},
           expires_at = strftime('%Y-%m-%dT%H:%M:%fZ', created_at, '+${RETENTION.defaultDays} days')`,
      );
    })();
  }
  if (!columns.includes("premoderation")) db.exec("ALTER TABLE events ADD COLUMN premoderation INTEGER NOT NULL DEFAULT 0");
  if (!columns.includes("code")) {
    db.transaction(() => {
      db.exec("ALTER TABLE events ADD COLUMN code TEXT");
      db.exec(`ALTER TABLE events ADD COLUMN time_zone TEXT NOT NULL DEFAULT '${DEFAULT_TIME_ZONE}'`);
      db.exec("ALTER TABLE events ADD COLUMN auto_sessions INTEGER NOT NULL DEFAULT 0");
      const taken = db.prepare("SELECT 1 FROM rooms WHERE code = ? UNION ALL SELECT 1 FROM events WHERE code = ?");
      const setCode = db.prepare("UPDATE events SET code = ? WHERE id = ?");
      for (const { id } of db.prepare("SELECT id FROM events WHERE code IS NULL").all() as { id: string }[]) {
        let code = newRoomCode();
        while (taken.get(code, code)) code = newRoomCode();
        setCode.run(code, id);
      }
    })();
  }
  db.exec("CREATE UNIQUE INDEX IF NOT EXISTS events_code ON events(code)");
  for (const table of ["rooms", "polls", "questions"]) {
    const has = (db.pragma(`table_info(${table})`) as { name: string }[]).some((c) => c.name === "session_id");
    if (!has) db.exec(`ALTER TABLE ${table} ADD COLUMN session_id TEXT`);
  }
  db.exec("CREATE INDEX IF NOT EXISTS events_expiry ON events(expires_at)");
  const questionColumns = (db.pragma("table_info(questions)") as { name: string }[]).map((c) => c.name);
  if (!questionColumns.includes("reply")) {
    db.transaction(() => {
      db.exec("ALTER TABLE questions ADD COLUMN reply TEXT");
      db.exec("ALTER TABLE questions ADD COLUMN replied_at TEXT");
      db.exec("ALTER TABLE questions ADD COLUMN labels TEXT NOT NULL DEFAULT '[]'");
      db.exec("ALTER TABLE questions ADD COLUMN merged_into TEXT");
    })();
  }
  if (!columns.includes("blocklist")) db.exec("ALTER TABLE events ADD COLUMN blocklist TEXT NOT NULL DEFAULT '[]'");
}

export interface EventRow {
  id: string;
  title: string;
  created_at: string;
  premoderation: number;
  code: string;
  time_zone: string;
  auto_sessions: number;
  /** JSON array of the event's own blocklist words. */
  blocklist: string;
  retention_days: number | null;
}

export interface RoomRow {
  id: string;
  event_id: string;
  code: string;
  name: string;
  premoderation: number;
  qa_open: number;
  screen: string;
  created_at: string;
  event_title: string;
  session_id: string | null;
}

export interface SessionRow {
  id: string;
  room_code: string;
  title: string;
  speakers: string;
  starts_at: string | null;
  ends_at: string | null;
  status: string;
  created_at: string;
  status_at: string | null;
}

export interface PollRow {
  id: string;
  room_code: string;
  title: string;
  kind: string;
  options: string;
  status: string;
  results_visible: number;
  voters: number;
  seq: number;
  created_at: string;
  session_id: string | null;
}

export interface QuestionRow {
  id: string;
  room_code: string;
  participant_id: string;
  client_id: string | null;
  text: string;
  author: string;
  status: string;
  highlighted: number;
  upvotes: number;
  created_at: string;
  session_id: string | null;
  reply: string | null;
  replied_at: string | null;
  labels: string;
  merged_into: string | null;
}

export interface RoomKeyRow {
  id: string;
  room_code: string;
  event_id: string;
  role: string;
  label: string;
  created_at: string;
}

export const toRoomKey = (r: RoomKeyRow): RoomKeyRecord => ({
  id: r.id,
  role: r.role as RoomKeyRecord["role"],
  roomCode: r.room_code,
  label: r.label,
  createdAt: r.created_at,
  eventId: r.event_id,
});

export interface TallyRow {
  poll_id: string;
  key: string;
  count: number;
}

export interface AnswerRow {
  id: string;
  text: string;
  hidden: number;
  created_at: string;
}

export const toAnswer = (r: AnswerRow): StoredAnswer => ({
  id: r.id,
  text: r.text,
  createdAt: r.created_at,
  hidden: r.hidden === 1,
});

export interface BallotRow {
  poll_id: string;
  choice: string;
  keys: string;
}

export const toRoom = (r: RoomRow): RoomRecord => ({
  id: r.id,
  eventId: r.event_id,
  code: r.code,
  name: r.name,
  eventTitle: r.event_title,
  premoderation: r.premoderation === 1,
  qaOpen: r.qa_open === 1,
  screen: JSON.parse(r.screen) as Screen,
  createdAt: r.created_at,
  sessionId: r.session_id,
});

export const toSession = (r: SessionRow): SessionRecord => ({
  id: r.id,
  roomCode: r.room_code,
  title: r.title,
  speakers: JSON.parse(r.speakers) as string[],
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  status: r.status as SessionStatus,
  createdAt: r.created_at,
  statusAt: r.status_at,
});

export const toPoll = (r: PollRow): Poll => ({
  id: r.id,
  roomCode: r.room_code,
  title: r.title,
  kind: r.kind as PollKind,
  options: JSON.parse(r.options) as string[],
  status: r.status as PollStatus,
  resultsVisible: r.results_visible === 1,
  createdAt: r.created_at,
  sessionId: r.session_id,
});

export const toQuestion = (r: QuestionRow): QuestionRecord => ({
  id: r.id,
  roomCode: r.room_code,
  participantId: r.participant_id,
  clientId: r.client_id,
  text: r.text,
  author: r.author,
  status: r.status as QuestionStatus,
  highlighted: r.highlighted === 1,
  upvotes: r.upvotes,
  createdAt: r.created_at,
  sessionId: r.session_id,
  reply: r.reply,
  repliedAt: r.replied_at,
  labels: JSON.parse(r.labels) as string[],
  ...(r.merged_into === null ? {} : { mergedInto: r.merged_into }),
});

export const parseChoice = (json: string): Choice => JSON.parse(json) as Choice;

/** A screen stored without `pollId: undefined` noise, so it reads back exactly as it was set. */
export const screenJson = (screen: Screen): string =>
  JSON.stringify(screen.pollId === undefined ? { mode: screen.mode } : { mode: screen.mode, pollId: screen.pollId });

const ROOM_SELECT = "SELECT r.*, e.title AS event_title FROM rooms r JOIN events e ON e.id = r.event_id";
const ROOM_KEY_SELECT =
  "SELECT k.id, k.room_code, k.role, k.label, k.created_at, r.event_id FROM room_keys k JOIN rooms r ON r.code = k.room_code";

export function openDatabase(file: string): Database.Database {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  // An acknowledged vote, question or upvote must never be lost. In WAL mode, NORMAL already
  // survives a killed process (the WAL is in the OS cache), but not a power cut or kernel
  // panic on the venue laptop: the last commits may be missing from disk. FULL fsyncs the
  // WAL at every commit, so what was acked is on disk; a commit costs one fsync, which the
  // write rate of a congress (hundreds of votes per minute, not per millisecond) affords.
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  // Another process (a backup, an operator's sqlite3 shell) may hold the lock briefly.
  db.pragma("busy_timeout = 5000");
  const version = db.pragma("user_version", { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    db.close();
    throw new Error(`${file} was written by a newer Tribune (schema ${version}); upgrade Tribune to read it.`);
  }
  db.exec(DDL);
  db.exec(ACTIVITY_DDL);
  migrate(db);
  db.pragma(`user_version = ${SCHEMA_VERSION}`);
  return db;
}

/** Every statement of the store, prepared once when the file is opened. */
export function prepareAll(db: Database.Database) {
  const p = <R = unknown>(sql: string) => db.prepare<unknown[], R>(sql);
  return {
    insertEvent: p(
      `INSERT INTO events (id, title, key_hash, created_at, retention_days, expires_at, premoderation, code)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    updateEvent: p(
      "UPDATE events SET title = ?, premoderation = ?, time_zone = ?, auto_sessions = ?, blocklist = ? WHERE id = ?",
    ),
    eventBlocklist: p<{ blocklist: string }>("SELECT blocklist FROM events WHERE id = ?"),
    setKeyHash: p("UPDATE events SET key_hash = ? WHERE id = ?"),
    expiredEvents: p<{ id: string }>(
      "SELECT id FROM events WHERE expires_at IS NOT NULL AND expires_at <= ? ORDER BY expires_at",
    ),
    addBan: p("INSERT OR IGNORE INTO bans (room_code, participant_id) VALUES (?, ?)"),
    removeBan: p("DELETE FROM bans WHERE room_code = ? AND participant_id = ?"),
    isBanned: p<{ one: number }>("SELECT 1 AS one FROM bans WHERE room_code = ? AND participant_id = ?"),
    insertAudit: p("INSERT INTO audit (room_code, at, actor, action, target_id) VALUES (?, ?, ?, ?, ?)"),
    trimAudit: p(
      `DELETE FROM audit WHERE room_code = ? AND ord <= (
         SELECT ord FROM audit WHERE room_code = ? ORDER BY ord DESC LIMIT 1 OFFSET ?)`,
    ),
    auditOf: p<{ at: string; actor: string; action: string; target_id: string }>(
      "SELECT at, actor, action, target_id FROM audit WHERE room_code = ? ORDER BY ord",
    ),
    // Erasure of participant ids (retention): rooms of one event, by their event id.
    eraseBallots: p(
      `DELETE FROM ballots WHERE poll_id IN (
         SELECT p.id FROM polls p JOIN rooms r ON r.code = p.room_code WHERE r.event_id = ?)`,
    ),
    eraseUpvotes: p(
      `DELETE FROM upvotes WHERE question_id IN (
         SELECT q.id FROM questions q JOIN rooms r ON r.code = q.room_code WHERE r.event_id = ?)`,
    ),
    eraseAskers: p(
      `UPDATE questions SET participant_id = '', client_id = NULL
       WHERE (participant_id <> '' OR client_id IS NOT NULL) AND room_code IN (SELECT code FROM rooms WHERE event_id = ?)`,
    ),
    eraseBans: p("DELETE FROM bans WHERE room_code IN (SELECT code FROM rooms WHERE event_id = ?)"),
    getEvent: p<EventRow>("SELECT * FROM events WHERE id = ?"),
    insertRoomKey: p("INSERT INTO room_keys (id, room_code, role, label, key_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)"),
    countRoomKeys: p<{ n: number }>("SELECT count(*) AS n FROM room_keys WHERE room_code = ?"),
    roomKeysOf: p<RoomKeyRow>(`${ROOM_KEY_SELECT} WHERE k.room_code = ? ORDER BY k.ord`),
    getRoomKey: p<RoomKeyRow>(`${ROOM_KEY_SELECT} WHERE k.id = ?`),
    roomKeyForHash: p<RoomKeyRow>(`${ROOM_KEY_SELECT} WHERE k.key_hash = ?`),
    deleteRoomKey: p("DELETE FROM room_keys WHERE id = ?"),
    insertMessage: p("INSERT INTO messages (id, room_code, text, at) VALUES (?, ?, ?, ?)"),
    trimMessages: p(
      `DELETE FROM messages WHERE room_code = ? AND ord <= (
         SELECT ord FROM messages WHERE room_code = ? ORDER BY ord DESC LIMIT 1 OFFSET ?)`,
    ),
    messagesOf: p<{ id: string; text: string; at: string }>("SELECT id, text, at FROM messages WHERE room_code = ? ORDER BY ord"),
    setRetention: p("UPDATE events SET retention_days = ?, expires_at = ? WHERE id = ?"),
    eventForCode: p<{ id: string }>(
      "SELECT id FROM events WHERE code = ? UNION ALL SELECT event_id AS id FROM rooms WHERE code = ? LIMIT 1",
    ),
    eventForKey: p<{ id: string }>("SELECT id FROM events WHERE key_hash = ?"),
    deleteEvent: p("DELETE FROM events WHERE id = ?"),
    insertRoom: p("INSERT INTO rooms (id, event_id, code, name, premoderation, created_at) VALUES (?, ?, ?, ?, ?, ?)"),
    // One namespace for event and room codes: a code names one event or one room, never both.
    codeExists: p<{ one: number }>("SELECT 1 AS one FROM rooms WHERE code = ? UNION ALL SELECT 1 FROM events WHERE code = ?"),
    roomExists: p<{ one: number }>("SELECT 1 AS one FROM rooms WHERE code = ?"),
    countRooms: p<{ n: number }>("SELECT count(*) AS n FROM rooms WHERE event_id = ?"),
    roomsOfEvent: p<RoomRow>(`${ROOM_SELECT} WHERE r.event_id = ? ORDER BY r.ord`),
    getRoom: p<RoomRow>(`${ROOM_SELECT} WHERE r.code = ?`),
    updateRoom: p("UPDATE rooms SET premoderation = ?, qa_open = ?, screen = ? WHERE code = ?"),
    insertPoll: p(
      `INSERT INTO polls (id, room_code, title, kind, options, status, results_visible, created_at, session_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertSession: p(
      `INSERT INTO sessions (id, room_code, title, speakers, starts_at, ends_at, status, created_at, status_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    getSession: p<SessionRow>("SELECT * FROM sessions WHERE id = ?"),
    sessionsOfRoom: p<SessionRow>("SELECT * FROM sessions WHERE room_code = ? ORDER BY ord"),
    countSessions: p<{ n: number }>("SELECT count(*) AS n FROM sessions WHERE room_code = ?"),
    updateSession: p("UPDATE sessions SET title = ?, speakers = ?, starts_at = ?, ends_at = ? WHERE id = ?"),
    setSessionStatus: p("UPDATE sessions SET status = ?, status_at = ? WHERE id = ?"),
    liveOthers: p<SessionRow>("SELECT * FROM sessions WHERE room_code = ? AND status = 'live' AND id <> ? ORDER BY ord"),
    deleteSession: p("DELETE FROM sessions WHERE id = ?"),
    releasePolls: p("UPDATE polls SET session_id = NULL WHERE session_id = ?"),
    releaseQuestions: p("UPDATE questions SET session_id = NULL WHERE session_id = ?"),
    setCurrentSession: p("UPDATE rooms SET session_id = ? WHERE code = ?"),
    clearCurrentSession: p("UPDATE rooms SET session_id = NULL WHERE session_id = ?"),
    openPollsOfOtherSessions: p<PollRow>(
      "SELECT * FROM polls WHERE room_code = ? AND status = 'open' AND session_id IS NOT ? ORDER BY ord",
    ),
    autoSessionEvents: p<{ id: string }>("SELECT id FROM events WHERE auto_sessions = 1"),
    getPoll: p<PollRow>("SELECT * FROM polls WHERE id = ?"),
    pollsOfRoom: p<PollRow>("SELECT * FROM polls WHERE room_code = ? ORDER BY created_at, ord"),
    openPollsOfRoom: p<PollRow>("SELECT * FROM polls WHERE room_code = ? AND status = 'open' AND id <> ? ORDER BY ord"),
    updatePoll: p("UPDATE polls SET title = ?, options = ?, results_visible = ? WHERE id = ?"),
    setPollStatus: p("UPDATE polls SET status = ? WHERE id = ?"),
    setPollCounters: p("UPDATE polls SET voters = ?, seq = ? WHERE id = ?"),
    deletePoll: p("DELETE FROM polls WHERE id = ?"),
    getBallot: p<BallotRow>("SELECT * FROM ballots WHERE poll_id = ? AND participant_id = ?"),
    putBallot: p(
      `INSERT INTO ballots (poll_id, participant_id, choice, keys) VALUES (?, ?, ?, ?)
       ON CONFLICT (poll_id, participant_id) DO UPDATE SET choice = excluded.choice, keys = excluded.keys`,
    ),
    deleteBallots: p("DELETE FROM ballots WHERE poll_id = ?"),
    increment: p(
      `INSERT INTO tallies (poll_id, key, count) VALUES (?, ?, 1)
       ON CONFLICT (poll_id, key) DO UPDATE SET count = count + 1`,
    ),
    decrement: p("UPDATE tallies SET count = count - 1 WHERE poll_id = ? AND key = ?"),
    // A key nobody counts toward any more is dropped, so a tally only lists answers given.
    dropEmpty: p("DELETE FROM tallies WHERE poll_id = ? AND key = ? AND count <= 0"),
    deleteTallies: p("DELETE FROM tallies WHERE poll_id = ?"),
    // Every key of a choice or scale poll (at most 12); a word cloud's 100 most frequent words.
    tallyOf: p<TallyRow>(`SELECT * FROM tallies WHERE poll_id = ? ORDER BY count DESC, key LIMIT ${LIMITS.topWords}`),
    talliesOfRoom: p<TallyRow>("SELECT t.* FROM tallies t JOIN polls p ON p.id = t.poll_id WHERE p.room_code = ?"),
    ballotsOf: p<BallotRow>(
      `SELECT b.poll_id, b.choice, b.keys FROM polls p
       JOIN ballots b ON b.poll_id = p.id AND b.participant_id = ? WHERE p.room_code = ?`,
    ),
    upvotedBy: p<{ question_id: string }>(
      `SELECT u.question_id FROM questions q
       JOIN upvotes u ON u.question_id = q.id AND u.participant_id = ? WHERE q.room_code = ?`,
    ),
    answerOf: p<AnswerRow & { participant_id: string | null }>("SELECT * FROM answers WHERE poll_id = ? AND participant_id = ?"),
    getAnswer: p<AnswerRow>("SELECT * FROM answers WHERE poll_id = ? AND id = ?"),
    insertAnswer: p("INSERT INTO answers (id, poll_id, participant_id, text, created_at) VALUES (?, ?, ?, ?, ?)"),
    deleteAnswer: p("DELETE FROM answers WHERE poll_id = ? AND id = ?"),
    deleteAnswers: p("DELETE FROM answers WHERE poll_id = ?"),
    setAnswerHidden: p("UPDATE answers SET hidden = ? WHERE poll_id = ? AND id = ?"),
    newestAnswers: p<AnswerRow>(`SELECT * FROM answers WHERE poll_id = ? ORDER BY ord DESC LIMIT ${LIMITS.topAnswers}`),
    newestAnswersOfRoom: p<AnswerRow & { poll_id: string }>(
      `SELECT * FROM (
         SELECT a.*, row_number() OVER (PARTITION BY a.poll_id ORDER BY a.ord DESC) AS n
         FROM answers a JOIN polls p ON p.id = a.poll_id WHERE p.room_code = ?)
       WHERE n <= ${LIMITS.topAnswers} ORDER BY ord DESC`,
    ),
    eraseAnswerers: p(
      `UPDATE answers SET participant_id = NULL WHERE participant_id IS NOT NULL AND poll_id IN (
         SELECT p.id FROM polls p JOIN rooms r ON r.code = p.room_code WHERE r.event_id = ?)`,
    ),
    // The room's current session's row ('' while it has none); WHERE makes the upsert unambiguous.
    addReactions: p(
      `INSERT INTO reactions (room_code, session_id, emoji, count)
       SELECT code, COALESCE(session_id, ''), ?, ? FROM rooms WHERE code = ?
       ON CONFLICT (room_code, session_id, emoji) DO UPDATE SET count = count + excluded.count`,
    ),
    reactionsOf: p<{ emoji: string; count: number }>(
      "SELECT emoji, SUM(count) AS count FROM reactions WHERE room_code = ? GROUP BY emoji",
    ),
    findAsk: p<QuestionRow>("SELECT * FROM questions WHERE room_code = ? AND participant_id = ? AND client_id = ?"),
    insertQuestion: p(
      `INSERT INTO questions (id, room_code, participant_id, client_id, text, author, status, highlighted, upvotes, created_at, session_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    getQuestion: p<QuestionRow>("SELECT * FROM questions WHERE id = ?"),
    questionsOfRoom: p<QuestionRow>("SELECT * FROM questions WHERE room_code = ?"),
    highlightedOthers: p<QuestionRow>("SELECT * FROM questions WHERE room_code = ? AND highlighted = 1 AND id <> ?"),
    setQuestionState: p("UPDATE questions SET status = ?, highlighted = ? WHERE id = ?"),
    setReply: p("UPDATE questions SET reply = ?, replied_at = ? WHERE id = ?"),
    setLabels: p("UPDATE questions SET labels = ? WHERE id = ?"),
    setMerged: p("UPDATE questions SET status = 'merged', highlighted = 0, merged_into = ? WHERE id = ?"),
    upvotersOf: p<{ participant_id: string }>("SELECT participant_id FROM upvotes WHERE question_id = ?"),
    addUpvote: p("INSERT OR IGNORE INTO upvotes (question_id, participant_id) VALUES (?, ?)"),
    removeUpvote: p("DELETE FROM upvotes WHERE question_id = ? AND participant_id = ?"),
    bumpUpvotes: p("UPDATE questions SET upvotes = upvotes + ? WHERE id = ?"),
  };
}
