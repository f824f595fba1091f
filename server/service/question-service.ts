// Use cases of Q&A: asking and upvoting (participants), moderating (moderators).
import { fail } from "../../shared/errors.js";
import type { Question, Upvotes } from "../../shared/model.js";
import { askBody, moderateBody, parse, upvoteBody } from "../../shared/schemas.js";
import { applyMove, canUpvote, isPublicStatus, MODERATION, type QuestionRecord, toPublicQuestion } from "../core/questions.js";
import { newId } from "../core/rooms.js";
import { type Actor, refuseBanned, requireEvent, requireKey, spend } from "./access.js";
import { record } from "./audit.js";
import { type Deps, isoNow } from "./deps.js";
import { unknownQuestion, unknownRoom } from "./views.js";

const qaClosed = () => fail("conflict", "Questions are closed in this room.", "Les questions sont fermées dans cette salle.");

/** A compare-and-set may lose against another moderator's action; a few fresh tries settle it. */
const CAS_ATTEMPTS = 5;

export class QuestionService {
  constructor(private readonly deps: Deps) {}

  /** Asks a question; a retry with the same clientId answers the first one (created: false). */
  async ask(code: string, body: unknown): Promise<{ question: Question; created: boolean }> {
    const room = await this.deps.store.getRoom(code);
    if (!room) throw unknownRoom();
    const input = parse(askBody, body);
    const clientId = input.clientId ?? null;
    if (clientId) {
      const earlier = await this.deps.store.findAsk(room.code, input.participantId, clientId);
      if (earlier) return { question: toPublicQuestion(earlier), created: false };
    }
    await refuseBanned(this.deps, room.code, input.participantId);
    if (!room.qaOpen) throw qaClosed();
    await spend(this.deps, "ask", input.participantId);
    const record: QuestionRecord = {
      id: newId(),
      roomCode: room.code,
      text: input.text,
      author: input.author ?? "",
      status: room.premoderation ? "pending" : "live",
      upvotes: 0,
      highlighted: false,
      createdAt: isoNow(this.deps),
      participantId: input.participantId,
      clientId,
    };
    const result = await this.deps.store.ask(record, true);
    if (result === "not_found") throw unknownRoom();
    if (result === "closed") throw qaClosed();
    if (result.created) this.deps.outbox.question(room.code, result.question, isPublicStatus(result.question.status));
    return { question: toPublicQuestion(result.question), created: result.created };
  }

  /** Over a socket, `onlyRoom` keeps it to the socket's room. */
  async upvote(questionId: string, body: unknown, on: boolean, onlyRoom?: string): Promise<Upvotes> {
    const question = await this.deps.store.getQuestion(questionId);
    if (!question || (onlyRoom && question.roomCode !== onlyRoom)) throw unknownQuestion();
    const { participantId } = parse(upvoteBody, body);
    await refuseBanned(this.deps, question.roomCode, participantId);
    if (!canUpvote(question.status, on)) throw cannotUpvote(on);
    await spend(this.deps, "upvote", participantId);
    const allowed = on ? (["live"] as const) : (["live", "answered"] as const);
    const updated = await this.deps.store.setUpvote(questionId, participantId, on, [...allowed]);
    if (updated === "not_found") throw unknownQuestion();
    if (updated === "conflict") throw cannotUpvote(on);
    if (updated.upvotes !== question.upvotes) this.deps.outbox.question(updated.roomCode, updated, true);
    return { id: updated.id, upvotes: updated.upvotes };
  }

  async moderate(actor: Actor, questionId: string, body: unknown): Promise<Question> {
    requireKey(actor);
    const first = await this.deps.store.getQuestion(questionId);
    const room = first && (await this.deps.store.getRoom(first.roomCode));
    if (!first || !room) throw unknownQuestion();
    requireEvent(actor, room.eventId);
    const { action } = parse(moderateBody, body);
    const move = MODERATION[action];
    let current: QuestionRecord | null = first;
    for (let attempt = 0; attempt < CAS_ATTEMPTS && current; attempt++) {
      if (!move.from.includes(current.status)) throw cannotModerate(action, current.status);
      const next = applyMove(current, move);
      const expected = { status: current.status, highlighted: current.highlighted };
      const result = await this.deps.store.updateQuestion(questionId, expected, {
        status: next.status,
        highlighted: next.highlighted,
      });
      if (result === "not_found") break;
      if (result !== "conflict") {
        const wasPublic = isPublicStatus(current.status);
        this.deps.outbox.question(room.code, result.question, wasPublic || isPublicStatus(result.question.status));
        for (const other of result.unhighlighted) this.deps.outbox.question(room.code, other, isPublicStatus(other.status));
        await record(this.deps, room.code, actor, `question:${action}`, questionId);
        return toPublicQuestion(result.question);
      }
      current = await this.deps.store.getQuestion(questionId);
    }
    if (!current) throw unknownQuestion();
    throw fail("conflict", "The question changed meanwhile. Try again.", "La question a changé entre-temps. Réessayez.");
  }
}

/** What a moderator learns of a ban: the question it went through, never the participant id. */
export interface BanResult {
  questionId: string;
  banned: boolean;
}

/**
 * Bans (or lifts the ban of) the author of a question in the question's room. Moderators never
 * see participant ids: they point at a question, the server finds its author.
 */
export async function banAuthor(deps: Deps, actor: Actor, questionId: string, on: boolean): Promise<BanResult> {
  requireKey(actor);
  const question = await deps.store.getQuestion(questionId);
  const room = question && (await deps.store.getRoom(question.roomCode));
  if (!question || !room) throw unknownQuestion();
  requireEvent(actor, room.eventId);
  if (question.participantId === "") {
    throw fail(
      "conflict",
      "The author of this question can no longer be told apart: the event's retention has passed.",
      "L'auteur de cette question ne peut plus être identifié : la durée de conservation de l'événement est passée.",
    );
  }
  const changed = await deps.store.setBan(room.code, question.participantId, on);
  if (changed === "not_found") throw unknownQuestion();
  if (changed) await record(deps, room.code, actor, on ? "participant:ban" : "participant:unban", questionId);
  return { questionId, banned: on };
}

function cannotUpvote(on: boolean) {
  return on
    ? fail("conflict", "Only live questions can be upvoted.", "Seules les questions en ligne peuvent recevoir un vote.")
    : fail("conflict", "This question no longer takes upvotes.", "Cette question ne reçoit plus de votes.");
}

function cannotModerate(action: string, status: string) {
  return fail(
    "conflict",
    `A ${status} question cannot be given '${action}'.`,
    `L'action '${action}' est impossible sur une question à l'état '${status}'.`,
  );
}
