// Use cases of Q&A: asking and upvoting (participants), moderating (moderators).
import { ERR } from "../../shared/error-catalogue.js";
import type { BanResult, Question, SimilarQuestions, Upvotes } from "../../shared/model.js";
import { askBody, labelsBody, moderateBody, noBody, parse, replyBody, similarQuery, upvoteBody } from "../../shared/schemas.js";
import { isPublicStatus } from "../../shared/visibility.js";
import { isFlagged } from "../core/blocklist.js";
import { applyMove, canUpvote, MERGE_TARGETS, MODERATION, type QuestionRecord, toPublicQuestion } from "../core/questions.js";
import { newId } from "../core/rooms.js";
import type { QuestionNotes, RoomRecord } from "../store/store.js";
import { type Actor, refuseBanned, SPEAKER_ACTIONS, spend, staffCheck } from "./access.js";
import type { ActivityRecorder } from "./activity-recorder.js";
import { record } from "./audit.js";
import type { Caller } from "./caller.js";
import { type Deps, isoNow } from "./deps.js";
import { loadRoom } from "./views.js";

/** A compare-and-set may lose against another moderator's action; a few fresh tries settle it. */
const CAS_ATTEMPTS = 5;

export class QuestionService {
  constructor(
    private readonly deps: Deps,
    private readonly activity: ActivityRecorder,
  ) {}

  /** Asks a question; a retry with the same clientId answers the first one (created: false). */
  async ask(code: string, body: unknown, caller: Caller = {}): Promise<{ question: Question; created: boolean }> {
    const room = await this.deps.store.getRoom(code);
    if (!room) throw ERR.unknownRoom();
    const input = parse(askBody, body);
    const clientId = input.clientId ?? null;
    if (clientId) {
      const earlier = await this.deps.store.findAsk(room.code, input.participantId, clientId);
      if (earlier) return { question: toPublicQuestion(earlier), created: false };
    }
    await refuseBanned(this.deps, room.code, input.participantId);
    if (!room.qaOpen) throw ERR.qaClosed();
    await spend(this.deps, "ask", input.participantId, caller);
    const author = input.author ?? "";
    // A blocklisted word (built-in or the event's own) holds the question for a moderator even
    // without pre-moderation.
    const held =
      room.premoderation || isFlagged({ text: input.text, author }, await this.deps.store.eventBlocklist(room.eventId));
    const record: QuestionRecord = {
      id: newId(),
      roomCode: room.code,
      text: input.text,
      author,
      status: held ? "pending" : "live",
      upvotes: 0,
      highlighted: false,
      createdAt: isoNow(this.deps),
      participantId: input.participantId,
      clientId,
      sessionId: room.sessionId, // the store sets the room's current session as it inserts
      reply: null,
      repliedAt: null,
      labels: [],
    };
    const result = await this.deps.store.ask(record, true);
    if (result === "not_found") throw ERR.unknownRoom();
    if (result === "closed") throw ERR.qaClosed();
    if (result.created) {
      this.activity.count(room.code, "questions", 1, input.participantId);
      this.deps.similar.invalidate(room.code);
      const shown = isPublicStatus(result.question.status) && result.question.sessionId === room.sessionId;
      this.deps.outbox.question(room.code, result.question, shown);
    }
    return { question: toPublicQuestion(result.question), created: result.created };
  }

  /**
   * Public questions of the room that ask what `text` asks, for a phone to offer an upvote
   * instead of a duplicate. The room's index is read from the store when it may be stale
   * (similar-questions.ts); nothing leaves the server to compute it.
   */
  async similar(code: string, query: unknown): Promise<SimilarQuestions> {
    if (!this.deps.similar.isFresh(code)) {
      const data = await loadRoom(this.deps, code);
      this.deps.similar.sync(code, data.questions.map(toPublicQuestion), data.room.sessionId);
    }
    const { text } = parse(similarQuery, query);
    return { questions: this.deps.similar.publicSimilar(code, text) };
  }

  /** Over a socket, `onlyRoom` keeps it to the socket's room. */
  async upvote(questionId: string, body: unknown, on: boolean, onlyRoom?: string, caller: Caller = {}): Promise<Upvotes> {
    const question = await this.deps.store.getQuestion(questionId);
    if (!question || (onlyRoom && question.roomCode !== onlyRoom)) throw ERR.unknownQuestion();
    const { participantId } = parse(upvoteBody, body);
    await refuseBanned(this.deps, question.roomCode, participantId);
    if (!canUpvote(question.status, on)) throw cannotUpvote(on);
    await spend(this.deps, "upvote", participantId, caller);
    const allowed = on ? (["live"] as const) : (["live", "answered"] as const);
    const updated = await this.deps.store.setUpvote(questionId, participantId, on, [...allowed]);
    if (updated === "not_found") throw ERR.unknownQuestion();
    if (updated === "conflict") throw cannotUpvote(on);
    this.activity.seen(updated.roomCode, participantId);
    if (updated.upvotes !== question.upvotes) {
      const room = await this.deps.store.getRoom(updated.roomCode);
      this.deps.outbox.question(updated.roomCode, updated, updated.sessionId === (room?.sessionId ?? null));
    }
    return { id: updated.id, upvotes: updated.upvotes };
  }

  /** A question with its room, or null. */
  private async find(questionId: string) {
    const question = await this.deps.store.getQuestion(questionId);
    const room = question && (await this.deps.store.getRoom(question.roomCode));
    return question && room ? { item: { question, room }, eventId: room.eventId, roomCode: room.code } : null;
  }

  async moderate(actor: Actor, questionId: string, body: unknown): Promise<Question> {
    const { question: first, room } = staffCheck(actor, await this.find(questionId), ERR.unknownQuestion);
    const { action, into } = parse(moderateBody, body);
    if (actor.role === "speaker" && !SPEAKER_ACTIONS.includes(action)) throw ERR.speakerForbidden();
    if (action === "merge") return this.merge(actor, first, room, into ?? "");
    const move = MODERATION[action];
    let current: QuestionRecord | null = first;
    for (let attempt = 0; attempt < CAS_ATTEMPTS && current; attempt++) {
      if (!move.from.includes(current.status)) throw ERR.cannotModerate(action, current.status);
      const next = applyMove(current, move);
      const expected = { status: current.status, highlighted: current.highlighted };
      const result = await this.deps.store.updateQuestion(questionId, expected, {
        status: next.status,
        highlighted: next.highlighted,
      });
      if (result === "not_found") break;
      if (result !== "conflict") {
        this.deps.similar.invalidate(room.code);
        const wasPublic = isPublicStatus(current.status);
        // The public hears of the room's current session's questions only.
        const shown = (q: QuestionRecord) => q.sessionId === room.sessionId;
        const toPublic = (wasPublic || isPublicStatus(result.question.status)) && shown(result.question);
        this.deps.outbox.question(room.code, result.question, toPublic);
        for (const other of result.unhighlighted)
          this.deps.outbox.question(room.code, other, isPublicStatus(other.status) && shown(other));
        await record(this.deps, room.code, actor, `question:${action}`, questionId);
        return toPublicQuestion(result.question);
      }
      current = await this.deps.store.getQuestion(questionId);
    }
    if (!current) throw ERR.unknownQuestion();
    throw ERR.questionChanged();
  }

  /**
   * Merges a duplicate into a live or answered question of the same room: one atomic store
   * command, so two moderators merging the same pair at once give one success and one 409.
   */
  private async merge(actor: Actor, question: QuestionRecord, room: RoomRecord, intoId: string): Promise<Question> {
    const { from } = MODERATION.merge;
    if (!from.includes(question.status)) throw ERR.cannotModerate("merge", question.status);
    if (intoId === question.id) throw ERR.cannotMergeInto();
    const result = await this.deps.store.mergeQuestion(question.id, intoId, from, MERGE_TARGETS);
    if (result === "not_found") throw ERR.unknownQuestion();
    if (result === "bad_target") throw ERR.cannotMergeInto();
    if (result === "conflict") {
      const now = await this.deps.store.getQuestion(question.id);
      if (!now) throw ERR.unknownQuestion();
      throw ERR.cannotModerate("merge", now.status);
    }
    this.deps.similar.invalidate(room.code);
    const shown = (q: QuestionRecord) => q.sessionId === room.sessionId;
    // The public hears of the merged one too, so that phones drop it.
    this.deps.outbox.question(room.code, result.question, isPublicStatus(question.status) && shown(question));
    this.deps.outbox.question(room.code, result.into, isPublicStatus(result.into.status) && shown(result.into));
    await record(this.deps, room.code, actor, "question:merge", question.id);
    return toPublicQuestion(result.question);
  }

  /** Sets (or, with an empty text, removes) the written reply to a question. */
  async reply(actor: Actor, questionId: string, body: unknown): Promise<Question> {
    const { room } = staffCheck(actor, await this.find(questionId), ERR.unknownQuestion);
    const { text } = parse(replyBody, body);
    const notes = text === "" ? { reply: null, repliedAt: null } : { reply: text, repliedAt: isoNow(this.deps) };
    return this.annotate(actor, room, questionId, notes, "question:reply");
  }

  /** Replaces a question's labels. */
  async setLabels(actor: Actor, questionId: string, body: unknown): Promise<Question> {
    const { room } = staffCheck(actor, await this.find(questionId), ERR.unknownQuestion);
    const { labels } = parse(labelsBody, body);
    return this.annotate(actor, room, questionId, { labels }, "question:labels");
  }

  /** Stores a reply or labels and tells whoever sees the question: the public when it is public. */
  private async annotate(
    actor: Actor,
    room: RoomRecord,
    questionId: string,
    notes: QuestionNotes,
    action: string,
  ): Promise<Question> {
    const updated = await this.deps.store.annotateQuestion(questionId, notes);
    if (updated === "not_found") throw ERR.unknownQuestion();
    const shown = isPublicStatus(updated.status) && updated.sessionId === room.sessionId;
    this.deps.outbox.question(room.code, updated, shown);
    await record(this.deps, room.code, actor, action, questionId);
    return toPublicQuestion(updated);
  }

  /**
   * Bans (or lifts the ban of) the author of a question in the question's room. Moderators never
   * see participant ids: they point at a question, the server finds its author.
   */
  async ban(actor: Actor, questionId: string, on: boolean, body: unknown): Promise<BanResult> {
    const { question, room } = staffCheck(actor, await this.find(questionId), ERR.unknownQuestion);
    parse(noBody, body);
    if (question.participantId === "") throw ERR.authorForgotten();
    const changed = await this.deps.store.setBan(room.code, question.participantId, on);
    if (changed === "not_found") throw ERR.unknownQuestion();
    if (changed) await record(this.deps, room.code, actor, on ? "participant:ban" : "participant:unban", questionId);
    return { questionId, banned: on };
  }
}

const cannotUpvote = (on: boolean) => (on ? ERR.cannotUpvote() : ERR.noMoreUpvotes());
