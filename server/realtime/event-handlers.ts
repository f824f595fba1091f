// What each Socket.IO event of the protocol table does: the same use case as its HTTP twin, with
// the room and the participant taken from the handshake. The field that names the resource
// (`pollId`, `questionId`) is read first; the rest of the payload is the body, which the service
// parses after the resource and role checks, in the contract's order, as over HTTP.
import { ERR } from "../../shared/error-catalogue.js";
import type { ClientEventName, EventAnswer } from "../../shared/protocol.js";
import type { Caller } from "../service/caller.js";
import type { Tribune } from "../service/tribune.js";
import type { SocketData } from "./socket-data.js";

export interface SocketCall extends SocketData {
  tribune: Tribune;
  /** Who is calling: the address the per-address ceiling counts. */
  caller: Caller;
}

type EventHandlers = { [E in ClientEventName]: (call: SocketCall, payload: unknown) => Promise<EventAnswer<E>> };

const REF_MAX = 64;

function fields(payload: unknown): Record<string, unknown> {
  return payload !== null && typeof payload === "object" && !Array.isArray(payload) ? (payload as Record<string, unknown>) : {};
}

/** The id a payload names its resource by; a message without one is malformed. */
function ref(payload: unknown, field: string): string {
  const value = fields(payload)[field];
  if (typeof value !== "string" || value.length === 0 || value.length > REF_MAX) throw ERR.invalidField(field, "is required");
  return value;
}

/** The payload without its reference field: the body the service parses. */
function body(payload: unknown, field: string): Record<string, unknown> {
  const { [field]: _ref, ...rest } = fields(payload);
  return rest;
}

/** An answer action's body: the payload without the poll and the answer it names. */
function answerBody(payload: unknown): Record<string, unknown> {
  const { pollId: _poll, answerId: _answer, ...rest } = fields(payload);
  return rest;
}

/** A participant's body: what it sent, and who it is from the handshake. */
const asParticipant = (call: SocketCall, payload: Record<string, unknown>) => ({ ...payload, participantId: call.participantId });

export const EVENT_HANDLERS: EventHandlers = {
  vote: (c, p) => c.tribune.polls.vote(ref(p, "pollId"), asParticipant(c, body(p, "pollId")), c.code, c.caller),
  ask: async (c, p) => (await c.tribune.questions.ask(c.code, asParticipant(c, fields(p)), c.caller)).question,
  upvote: (c, p) => {
    const id = ref(p, "questionId");
    const { on, ...rest } = body(p, "questionId");
    if (typeof on !== "boolean") throw ERR.invalidField("on", "must be true or false");
    return c.tribune.questions.upvote(id, asParticipant(c, rest), on, c.code, c.caller);
  },
  react: async (c, p) => {
    await c.tribune.reactions.react(c.code, asParticipant(c, fields(p)), true);
    return null;
  },
  clock: async (c, p) => c.tribune.quiz.clock(p),
  nickname: (c, p) => c.tribune.quiz.nickname(c.code, asParticipant(c, fields(p)), true, c.caller),
  "answer:hide": (c, p) => c.tribune.polls.setAnswerHidden(c.actor, ref(p, "pollId"), ref(p, "answerId"), true, answerBody(p)),
  "answer:show": (c, p) => c.tribune.polls.setAnswerHidden(c.actor, ref(p, "pollId"), ref(p, "answerId"), false, answerBody(p)),
  "poll:create": (c, p) => c.tribune.polls.create(c.actor, c.code, p),
  "poll:update": (c, p) => c.tribune.polls.update(c.actor, ref(p, "pollId"), body(p, "pollId")),
  "poll:delete": async (c, p) => {
    await c.tribune.polls.remove(c.actor, ref(p, "pollId"), body(p, "pollId"));
    return null;
  },
  "poll:open": (c, p) => c.tribune.polls.move(c.actor, ref(p, "pollId"), "open", body(p, "pollId")),
  "poll:close": (c, p) => c.tribune.polls.move(c.actor, ref(p, "pollId"), "close", body(p, "pollId")),
  "poll:reset": (c, p) => c.tribune.polls.reset(c.actor, ref(p, "pollId"), body(p, "pollId")),
  "question:moderate": (c, p) => c.tribune.questions.moderate(c.actor, ref(p, "questionId"), body(p, "questionId")),
  "question:reply": (c, p) => c.tribune.questions.reply(c.actor, ref(p, "questionId"), body(p, "questionId")),
  "question:update": (c, p) => c.tribune.questions.setLabels(c.actor, ref(p, "questionId"), body(p, "questionId")),
  "question:ban": (c, p) => {
    const { on, ...rest } = body(p, "questionId");
    if (on !== undefined && typeof on !== "boolean") throw ERR.invalidField("on", "must be true or false");
    return c.tribune.questions.ban(c.actor, ref(p, "questionId"), on ?? true, rest);
  },
  "room:update": (c, p) => c.tribune.events.updateRoom(c.actor, c.code, p),
  "room:message": (c, p) => c.tribune.backstage.message(c.actor, c.code, p),
  "session:create": (c, p) => c.tribune.sessions.create(c.actor, c.code, p),
  "session:update": (c, p) => c.tribune.sessions.update(c.actor, ref(p, "sessionId"), body(p, "sessionId")),
  "session:delete": async (c, p) => {
    await c.tribune.sessions.remove(c.actor, ref(p, "sessionId"), body(p, "sessionId"));
    return null;
  },
  "session:start": (c, p) => c.tribune.sessions.move(c.actor, ref(p, "sessionId"), "start", body(p, "sessionId")),
  "session:end": (c, p) => c.tribune.sessions.move(c.actor, ref(p, "sessionId"), "end", body(p, "sessionId")),
};
