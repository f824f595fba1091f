// Bounds of the public contract, in one place so the client can check input
// without loading the schema library (the audience page has a weight budget).
export const LIMITS = {
  eventTitle: 200,
  roomName: 100,
  roomsPerEvent: 50,
  pollTitle: 200,
  optionText: 120,
  minOptions: 2,
  maxOptions: 12,
  scaleMax: 5,
  word: 40,
  questionText: 280,
  /** A moderator's reply to a question (empty removes it). */
  reply: 1000,
  /** A question's labels: how many, and the length of each. */
  labels: 5,
  label: 30,
  /** An event's own blocklist: how many words, and the length of each. */
  blocklistWords: 200,
  blocklistWord: 40,
  author: 40,
  clientId: 64,
  topWords: 100,
  /** An `open` poll's answer, and how many of the newest the results carry. */
  openAnswer: 280,
  topAnswers: 100,
  minRetentionDays: 1,
  maxRetentionDays: 365,
  sessionTitle: 200,
  speakers: 10,
  speakerName: 100,
  sessionsPerRoom: 200,
  /** Room keys (moderator or speaker) per room, and a key's label. */
  keysPerRoom: 50,
  keyLabel: 60,
  /** A backstage message to the speaker, and how many of the newest a room keeps. */
  message: 200,
  messagesKept: 20,
  /** The body of a programme import, the one route allowed more than the usual 16 KB. */
  programmeBytes: 1024 * 1024,
} as const;

/** The time zone of an event's programme until its organizer sets another. */
export const DEFAULT_TIME_ZONE = "Europe/Paris";

/** Participant ids are made by the device: 16–64 chars of A-Z a-z 0-9 _ - */
export const PARTICIPANT_ID = /^[A-Za-z0-9_-]{16,64}$/;

/** Room codes: 6 characters from an alphabet without look-alikes (no I, L, O, 0, 1). */
export const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const CODE_LENGTH = 6;
export const ROOM_CODE = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/;

/** Lengths count Unicode code points after trimming. */
export function codePoints(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** Word-cloud answers are counted trimmed and case-folded. */
export function foldWord(text: string): string {
  return text.trim().toLocaleLowerCase("und");
}

export function normalizeCode(code: string): string {
  return code.trim().toUpperCase();
}
