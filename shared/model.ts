// The shapes every client and the server agree on (see docs/api.md).
/** The poll kinds, in the order the poll builder offers them; each has its rules in shared/poll-kinds. */
export const POLL_KIND_NAMES = ["single", "multiple", "scale", "wordcloud", "ranking", "open", "quiz"] as const;
export type PollKind = (typeof POLL_KIND_NAMES)[number];
export type PollStatus = "draft" | "open" | "closed";
export type QuestionStatus = "pending" | "live" | "answered" | "rejected" | "archived" | "merged";
export type ModerationAction = "approve" | "reject" | "answer" | "highlight" | "unhighlight" | "archive" | "merge";
export type ScreenMode = "auto" | "join" | "poll" | "question" | "questions" | "leaderboard";
export type SessionStatus = "upcoming" | "live" | "ended";

/** A ballot in its stored form, given by its kind (shared/poll-kinds): option indexes, a value or a text. */
export type Choice = number[] | number | string;

export interface Poll {
  id: string;
  roomCode: string;
  title: string;
  kind: PollKind;
  options: string[];
  status: PollStatus;
  resultsVisible: boolean;
  createdAt: string;
  /** The session it belongs to; null: the room's items outside any session. */
  sessionId: string | null;
  /** Quiz: the right option indexes; moderators always see them, the public once the quiz is closed. */
  correct?: number[];
  /** Quiz: seconds to answer once opened. */
  timeLimit?: number;
  /** Quiz: when it was opened and when it closes by itself (ISO, the server's clock). */
  openedAt?: string;
  closesAt?: string;
}

export interface WordCount {
  text: string;
  count: number;
}

/** One answer of an `open` poll; `hidden` only in a moderator's view, on answers hidden from the public. */
export interface OpenAnswer {
  id: string;
  text: string;
  createdAt: string;
  hidden?: true;
}

export interface Results {
  pollId: string;
  voters: number;
  counts?: number[];
  words?: WordCount[];
  /** `open` polls: the newest answers first. */
  answers?: OpenAnswer[];
  seq: number;
}

/** The reactions a participant may send, in the order the phone shows them. */
export const REACTIONS = ["👏", "❤️", "😂", "😮", "👍", "🎉"] as const;
export type Reaction = (typeof REACTIONS)[number];

/** `reactions` event: how many of each emoji since the previous message. */
export interface ReactionCounts {
  counts: Partial<Record<Reaction, number>>;
}

/** The answer of `POST /api/rooms/:code/reactions`. */
export interface Reacted {
  ok: true;
}

export interface Question {
  id: string;
  roomCode: string;
  text: string;
  author: string;
  status: QuestionStatus;
  upvotes: number;
  highlighted: boolean;
  createdAt: string;
  sessionId: string | null;
  /** The moderators' written answer, public where the question is; null when there is none. */
  reply: string | null;
  repliedAt: string | null;
  /** Up to 5 short labels set by moderators (topics, "for the panel"…). */
  labels: string[];
  /** A merged question only: the question it was merged into (its upvotes went there). */
  mergedInto?: string;
  /** Moderation view only: ids of up to 3 other questions of the room (not archived) asking the same thing. */
  similar?: string[];
  /** Moderation view only: its text or author holds a blocklisted word (it was held as pending). */
  flagged?: boolean;
}

/** GET /api/rooms/:code/similar: public questions that ask what a phone is about to ask. */
export interface SimilarQuestions {
  questions: Question[];
}

/** A talk or slot of a room's programme; the room's current one scopes what the public sees. */
export interface Session {
  id: string;
  roomCode: string;
  title: string;
  speakers: string[];
  startsAt: string | null;
  endsAt: string | null;
  status: SessionStatus;
}

export interface Screen {
  mode: ScreenMode;
  pollId?: string;
}

export interface RoomInfo {
  code: string;
  name: string;
  eventTitle: string;
  premoderation: boolean;
  qaOpen: boolean;
  screen: Screen;
  /** The room's current session: the public sees its polls and questions only. */
  session: Session | null;
}

export interface PollView extends Poll {
  results?: Results;
}

export interface Me {
  ballots: Record<string, Choice>;
  upvoted: string[];
  questions: Question[];
  /** The participant's nickname in the room (quiz), null until chosen. */
  nickname?: string | null;
  /** Its total over the current session's closed quizzes, and its rank (null when not ranked). */
  score?: number;
  rank?: number | null;
  /** Points of each closed quiz of the current session it answered, by poll id. */
  points?: Record<string, number>;
}

export interface RoomState {
  room: RoomInfo;
  polls: PollView[];
  questions: Question[];
  participants: number;
  me?: Me;
  /** For moderators and the speaker: the room's last backstage messages, oldest first. */
  messages?: BackstageMessage[];
}

/** Socket `clock`: the server's time (ISO), for pages to count a quiz down from `closesAt`. */
export interface ServerClock {
  now: string;
}

/** `POST /api/rooms/:code/nickname` and socket `nickname`. */
export interface Nickname {
  nickname: string;
}

export interface LeaderboardEntry {
  rank: number;
  nickname: string;
  score: number;
}

/** The 10 best totals over the current session's closed quizzes; `players` counts every ranked participant. */
export interface Leaderboard {
  entries: LeaderboardEntry[];
  players: number;
}

export interface RoomSummary {
  id: string;
  name: string;
  code: string;
}

export interface EventCreated {
  id: string;
  /** The event's own code: `/<code>` opens its programme. */
  code: string;
  title: string;
  moderatorKey: string;
  rooms: RoomSummary[];
}

export interface EventView {
  id: string;
  code: string;
  title: string;
  /** IANA time zone of the programme's local times. */
  timeZone: string;
  /** When true, the server starts and ends sessions at their times. */
  autoSessions: boolean;
  /** Pre-moderation of rooms added from now on. */
  premoderation: boolean;
  /** The event's own blocklist words, checked with the built-in list. */
  blocklist: string[];
  /** Days participant ids are kept (null: until the event is erased). */
  retentionDays: number | null;
  rooms: (RoomSummary & { participants: number })[];
}

export interface Upvotes {
  id: string;
  upvotes: number;
}

/**
 * What a key opens, as `GET /api/session` tells a console: the organizer, every room of one
 * event (the event's key), or one room (`roomCode`: a room key, for a moderator or a speaker).
 */
export type KeyHolder =
  | { role: "organizer" }
  | { role: "moderator"; eventId: string; roomCode?: string }
  | { role: "speaker"; eventId: string; roomCode: string };

/** Who a room key is for: a moderator of that room only, or its speaker. */
export const ROOM_KEY_ROLES = ["moderator", "speaker"] as const;
export type RoomKeyRole = (typeof ROOM_KEY_ROLES)[number];

/** A room key as `GET /api/rooms/:code/keys` lists it: never the key itself. */
export interface RoomKey {
  id: string;
  role: RoomKeyRole;
  roomCode: string;
  label: string;
  createdAt: string;
}

/** A new room key: the key is in this answer and nowhere else, ever. */
export interface RoomKeyCreated {
  id: string;
  role: RoomKeyRole;
  roomCode: string;
  label: string;
  key: string;
}

/** A backstage message from the moderators to the speaker: never shown to the public. */
export interface BackstageMessage {
  id: string;
  text: string;
  at: string;
}

export interface EventCreatedWithRetention extends EventCreated {
  retentionDays: number;
}

export interface RotatedKey {
  id: string;
  moderatorKey: string;
}

/** What a moderator learns of a ban: the question it went through, never the participant id. */
export interface BanResult {
  questionId: string;
  banned: boolean;
}

/** One moderator action, as the audit log keeps it: who by role only, never a key or a participant id. */
export interface AuditEntry {
  at: string;
  actor: "organizer" | "moderator" | "speaker";
  /** e.g. "poll:open", "question:approve", "participant:ban", "key:rotate". */
  action: string;
  /** The poll, question, room code or event the action was about. */
  targetId: string;
}

export interface AuditLog {
  code: string;
  entries: AuditEntry[];
}

export interface PublicRoomInfo extends RoomInfo {
  /** Where phones join this room: the QR code's target. */
  joinUrl: string;
}

/** A room's polls, results and questions for the organizer's records, without participant ids. */
export interface RoomExport {
  exportedAt: string;
  room: PublicRoomInfo;
  polls: (Poll & { results: Results | null })[];
  questions: Question[];
  /** Moderator actions in the room, oldest first. */
  audit: AuditEntry[];
  /** The report's figures of the same sessions (GET /api/rooms/:code/report). */
  report: SessionReport[];
}

/** One minute of a report's timeline in which something happened. */
export interface TimelinePoint {
  /** The minute's start (ISO). */
  at: string;
  /** The highest number of connected participants heard in that minute. */
  participants: number;
  votes: number;
  questions: number;
  reactions: number;
}

/** What one session of a room (or the room's items of no session) amounted to. */
export interface SessionReport {
  session: Session | null;
  participants: { peak: number; distinct: number };
  timeline: TimelinePoint[];
  /** Every poll that was opened (no drafts), oldest first, with its results (hidden answers left out). */
  polls: (Poll & { results: Results })[];
  questions: { asked: number; answered: number; merged: number; top: Question[] };
  /** Reaction totals by emoji. */
  reactions: Record<string, number>;
  /**
   * The session's quiz leaderboard over its closed quizzes (null when it had none): the top 10
   * by nickname. Nicknames are erased with the participant ids at the end of the retention, and
   * the board is then empty (`entries: []`, `players: 0`).
   */
  leaderboard: Leaderboard | null;
}

/** GET /api/rooms/:code/report: a room's minutes, session by session. No participant id, ever. */
export interface RoomReport {
  room: { code: string; name: string; eventTitle: string };
  generatedAt: string;
  sessions: SessionReport[];
}

/** GET /api/events/:id/report: every room's report. */
export interface EventReport {
  event: { id: string; code: string; title: string; timeZone: string };
  generatedAt: string;
  rooms: RoomReport[];
}

export interface Health {
  status: "ok";
}

export interface Readiness {
  status: "ready" | "unavailable";
  store: string;
  adapter?: "connected" | "disconnected";
}

/** GET /api/site: who runs this server and its default retention, for the privacy and accessibility pages. */
export interface SiteInfo {
  organizationName: string | null;
  privacyContact: string | null;
  /** Days an event keeps participant ids when its organizer set no other retention. */
  defaultRetentionDays: number;
}

/** GET /api/programme/:code: an event's rooms, what is on now and next, and every session. */
export interface Programme {
  /**
   * `url`: the programme's address (PUBLIC_URL/<event code>), what its poster's QR code opens;
   * `retentionDays`: how long the event keeps participant ids (null: until it is erased), for the privacy notice.
   */
  event: { code: string; title: string; timeZone: string; url: string; retentionDays: number | null };
  rooms: ProgrammeRoom[];
  /** By startsAt (sessions without one last), then room name. */
  sessions: Session[];
}

/** What a programme import changed (or, as a dry run, would change). */
export interface ProgrammeImport {
  rooms: { created: number; existing: number };
  sessions: { created: number; updated: number; unchanged: number };
  /** Each session of the file, in its order, with what the import does to it: what a preview shows. */
  lines: ProgrammeImportLine[];
}

export interface ProgrammeImportLine {
  /** CSV: the line of the file (header = 1); frab: the talk's position. */
  line: number;
  room: string;
  title: string;
  speakers: string[];
  startsAt: string | null;
  endsAt: string | null;
  change: "create" | "update" | "unchanged";
  /** The room does not exist yet: the import creates it. */
  newRoom: boolean;
}

export interface ProgrammeRoom {
  code: string;
  name: string;
  participants: number;
  /** The room's current session. */
  session: Session | null;
  /** The room's earliest upcoming session. */
  next: Session | null;
}
