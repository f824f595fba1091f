// One zod schema per message body, shared by both doors (HTTP and Socket.IO); the protocol table (protocol.ts) names them.
import { z } from "zod";
import { ERR } from "./error-catalogue.js";
import type { AppError } from "./errors.js";
import { codePoints, LIMITS, PARTICIPANT_ID } from "./limits.js";
import { POLL_KIND_NAMES, REACTIONS, ROOM_KEY_ROLES } from "./model.js";

/**
 * A trimmed string whose length in code points is within [min, max]. The bounds are also given as
 * metadata, so the API documents (server/api-docs) show them: JSON Schema's lengths count code
 * points too, but a refinement does not appear in `z.toJSONSchema`.
 */
const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .refine((s) => codePoints(s) >= min && codePoints(s) <= max, {
      message: min === max ? `must be ${min} characters` : `must be ${min} to ${max} characters`,
    })
    .meta({ minLength: min, maxLength: max });

const id = z.string().min(1).max(64);

export const participantId = z.string().regex(PARTICIPANT_ID, { message: "must be 16 to 64 characters of A-Z a-z 0-9 _ -" });

export const pollKind = z.enum(POLL_KIND_NAMES);
export const moderationAction = z.enum(["approve", "reject", "answer", "highlight", "unhighlight", "archive", "merge"]);
/** `merge` names the question it merges into; the other actions take nothing more. */
const moderationFields = { action: moderationAction, into: id.optional() };
const mergeNamesInto = (m: { action: string; into?: string }) => m.action !== "merge" || m.into !== undefined;
const intoRequired = { message: "into is required to merge", path: ["into"] };
export const screenSchema = z.object({
  mode: z.enum(["auto", "join", "poll", "question", "questions"]),
  pollId: id.optional(),
});

export const optionsSchema = z.array(text(1, LIMITS.optionText)).max(LIMITS.maxOptions);

/** A ballot as sent; it is checked against the poll's kind by the core. */
export const choiceSchema = z.union([
  z
    .array(
      z
        .number()
        .int()
        .min(0)
        .max(LIMITS.maxOptions - 1),
    )
    .min(1)
    .max(LIMITS.maxOptions),
  z.number().int(),
  // Any text kind's longest answer, with room for the spaces trimming removes.
  z.string().max(LIMITS.openAnswer * 4),
]);

export const createEventBody = z.object({
  title: text(1, LIMITS.eventTitle),
  /** Days participant ids are kept (1–365, 30 when absent; see server/core/retention.ts). */
  retentionDays: z.number().int().min(LIMITS.minRetentionDays).max(LIMITS.maxRetentionDays).optional(),
  rooms: z
    .array(z.object({ name: text(1, LIMITS.roomName) }))
    .min(1)
    .max(LIMITS.roomsPerEvent),
  /** The pre-moderation of the event's rooms, and of rooms added later (false when absent). */
  premoderation: z.boolean().optional(),
});

/** True when the runtime knows this IANA time zone name. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat(undefined, { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** PATCH /api/events/:id: `premoderation` is the setting of rooms added later. */
export const eventPatchBody = z.object({
  title: text(1, LIMITS.eventTitle).optional(),
  premoderation: z.boolean().optional(),
  timeZone: z
    .string()
    .min(1)
    .max(64)
    .refine(isTimeZone, { message: "must be an IANA time zone name such as Europe/Paris" })
    .optional(),
  autoSessions: z.boolean().optional(),
  /** The event's own blocklist words (whole words or phrases), replacing the previous ones. */
  blocklist: z
    .array(text(1, LIMITS.blocklistWord).refine((w) => /[\p{L}\p{N}]/u.test(w), { message: "must hold a letter or a digit" }))
    .max(LIMITS.blocklistWords, { message: `must be at most ${LIMITS.blocklistWords} words` })
    .optional(),
  /** Organizer token only (see server/core/retention.ts). */
  retentionDays: z.number().int().min(LIMITS.minRetentionDays).max(LIMITS.maxRetentionDays).optional(),
});

export const addRoomBody = z.object({ name: text(1, LIMITS.roomName) });

export const roomPatchBody = z.object({
  premoderation: z.boolean().optional(),
  qaOpen: z.boolean().optional(),
  screen: screenSchema.optional(),
});

/** An ISO 8601 time (with its offset), kept as UTC with milliseconds; null clears it. */
const sessionTime = z
  .string()
  .max(40)
  .pipe(z.iso.datetime({ offset: true }))
  .transform((s) => new Date(s).toISOString())
  .nullable()
  .optional();

const sessionFields = {
  title: text(1, LIMITS.sessionTitle),
  speakers: z.array(text(1, LIMITS.speakerName)).max(LIMITS.speakers).optional(),
  startsAt: sessionTime,
  endsAt: sessionTime,
};
/** `endsAt` after `startsAt` is checked by the service, on the session as it would become. */
export const sessionCreateBody = z.object(sessionFields);
export const sessionUpdateBody = z.object({ ...sessionFields, title: sessionFields.title.optional() });
export const sessionRef = z.object({ sessionId: id });
export const socketSessionUpdate = sessionUpdateBody.extend({ sessionId: id });

/** A programme file as text; its size is bounded by the route's body limit (1 MB). */
export const programmeImportBody = z.object({
  format: z.enum(["csv", "frab"]),
  data: z.string().min(1).max(LIMITS.programmeBytes),
  dryRun: z.boolean().optional(),
});

export const pollCreateBody = z.object({
  title: text(1, LIMITS.pollTitle),
  /** Another session of the room, to prepare a poll ahead; the room's current session when absent. */
  sessionId: id.optional(),
  kind: pollKind,
  options: optionsSchema.optional(),
  resultsVisible: z.boolean().optional(),
});

export const pollUpdateBody = z.object({
  title: text(1, LIMITS.pollTitle).optional(),
  options: optionsSchema.optional(),
  resultsVisible: z.boolean().optional(),
});

export const voteBody = z.object({ participantId, choice: choiceSchema });

export const askFields = {
  text: text(1, LIMITS.questionText),
  author: text(0, LIMITS.author).optional(),
  clientId: text(1, LIMITS.clientId).optional(),
};
export const askBody = z.object({ participantId, ...askFields });
export const upvoteBody = z.object({ participantId });
/** GET /api/rooms/:code/similar?text=… */
export const similarQuery = z.object({ text: text(1, LIMITS.questionText) });
/** Actions that take no body still refuse a hostile one (`__proto__` keys), at the body step. */
export const noBody = z.object({});
export const moderateBody = z.object(moderationFields).refine(mergeNamesInto, intoRequired);
/** `POST /api/questions/:id/reply`: an empty text removes the reply. */
export const replyBody = z.object({ text: text(0, LIMITS.reply) });
/** `PATCH /api/questions/:id`: the question's labels, replacing the previous ones. */
export const labelsBody = z.object({
  labels: z.array(text(1, LIMITS.label)).max(LIMITS.labels, { message: `must be at most ${LIMITS.labels} labels` }),
});
/** `POST /api/rooms/:code/keys`: a key for one room, for a moderator or a speaker. */
export const roomKeyBody = z.object({
  role: z.enum(ROOM_KEY_ROLES),
  label: text(0, LIMITS.keyLabel).optional(),
});
/** `POST /api/rooms/:code/messages` / `room:message`: a backstage message to the speaker. */
export const messageBody = z.object({ text: text(1, LIMITS.message) });
export const reaction = z.enum(REACTIONS, { message: `must be one of ${REACTIONS.join(" ")}` });
export const reactBody = z.object({ participantId, emoji: reaction });

// Socket.IO payloads: the participant and room come from the handshake.
export const pollRef = z.object({ pollId: id });
export const socketVote = z.object({ pollId: id, choice: choiceSchema });
export const socketAsk = z.object(askFields);
export const socketUpvote = z.object({ questionId: id, on: z.boolean() });
export const socketPollUpdate = pollUpdateBody.extend({ pollId: id });
export const socketModerate = z.object({ questionId: id, ...moderationFields }).refine(mergeNamesInto, intoRequired);
export const socketReply = replyBody.extend({ questionId: id });
export const socketLabels = labelsBody.extend({ questionId: id });
/** `question:ban` `{questionId, on?}`: `on` false lifts the ban (true when absent). */
export const socketReact = z.object({ emoji: reaction });
/** `answer:hide` / `answer:show`: an answer of an `open` poll. */
export const answerRef = z.object({ pollId: id, answerId: id });
export const socketBan = z.object({ questionId: id, on: z.boolean().optional() });

export const handshakeAuth = z.union([
  z.object({ code: z.string().min(1).max(16), moderatorKey: z.string().min(1).max(256) }),
  z.object({ code: z.string().min(1).max(16), role: z.literal("screen") }),
  z.object({ code: z.string().min(1).max(16), participantId }),
]);

export type CreateEventBody = z.infer<typeof createEventBody>;
export type RoomPatch = z.infer<typeof roomPatchBody>;
export type EventPatch = z.infer<typeof eventPatchBody>;
export type PollCreate = z.infer<typeof pollCreateBody>;
export type PollUpdate = z.infer<typeof pollUpdateBody>;
export type AskInput = z.infer<typeof socketAsk>;
export type HandshakeAuth = z.infer<typeof handshakeAuth>;

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor"]);

/** True when a `__proto__` or `constructor` key appears at any depth. */
export function hasForbiddenKey(value: unknown, depth = 0): boolean {
  if (depth > 32) return true; // deeper than any message of the contract
  if (value === null || typeof value !== "object") return false;
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) return true;
    if (hasForbiddenKey((value as Record<string, unknown>)[key], depth + 1)) return true;
  }
  return false;
}

/** Marks a request body that was not valid JSON, so it is refused at the invalid-body step. */
export const MALFORMED = Symbol("malformed");

/** Parses a payload with its schema, or throws `invalid` with a sentence naming the field. */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  if (value === MALFORMED) throw ERR.malformedJson();
  if (hasForbiddenKey(value)) throw ERR.forbiddenKeys();
  // No body at all is an empty object (a PATCH that changes nothing); `null` is a wrong type.
  const result = schema.safeParse(value === undefined ? {} : value);
  if (result.success) return result.data;
  throw invalidFrom(result.error);
}

function invalidFrom(error: z.ZodError): AppError {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join(".") : "body";
  const detail = issue?.message ?? "is invalid";
  return ERR.invalidField(field, detail);
}
