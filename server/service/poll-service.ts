// Use cases of polls: building them (moderators) and voting (participants).
import { ERR } from "../../shared/error-catalogue.js";
import type { Poll, Results } from "../../shared/model.js";
import { POLL_KINDS } from "../../shared/poll-kinds/index.js";
import { noBody, parse, pollCreateBody, pollUpdateBody, voteBody } from "../../shared/schemas.js";
import { isPublicPoll } from "../../shared/visibility.js";
import {
  ballotKeys,
  buildResults,
  checkOptions,
  defaultResultsVisible,
  keepsAnswers,
  normalizeChoice,
  POLL_MOVES,
  type PollMove,
} from "../core/polls.js";
import { closesAt, isTimed } from "../core/quiz.js";
import { newId, resultsFor } from "../core/rooms.js";
import type { PollPatch, RoomRecord } from "../store/store.js";
import { type Actor, mayModerate, type Owned, refuseBanned, requireKey, spend, staffCheck } from "./access.js";
import type { ActivityRecorder } from "./activity-recorder.js";
import { record } from "./audit.js";
import type { Caller } from "./caller.js";
import { type Deps, isoNow } from "./deps.js";
import type { EventService } from "./event-service.js";
import type { QuizService } from "./quiz-service.js";

/** A quiz's right answers and time limit, checked by its kind; nothing for other kinds. */
function timedSettings(poll: Pick<Poll, "kind">, options: string[], input: PollPatch): Pick<Poll, "correct" | "timeLimit"> {
  const rules = POLL_KINDS[poll.kind].timed;
  return rules ? rules.settings(options, input.correct, input.timeLimit) : {};
}

export class PollService {
  constructor(
    private readonly deps: Deps,
    private readonly events: EventService,
    /** Marks a poll's results as changed, for the coalesced broadcast. */
    private readonly dirty: (code: string, pollId: string) => void,
    private readonly quiz: QuizService,
    /** A quiz was opened on this node: the quiz clock closes it when its time is up. */
    private readonly opened: (poll: Poll) => void,
    private readonly activity: ActivityRecorder,
  ) {}

  async create(actor: Actor, code: string, body: unknown): Promise<Poll> {
    const room = await this.events.staffRoom(actor, code);
    const input = parse(pollCreateBody, body);
    let sessionId = room.sessionId;
    if (input.sessionId !== undefined) {
      const session = await this.deps.store.getSession(input.sessionId);
      if (!session || session.roomCode !== room.code) throw ERR.sessionOfOtherRoom();
      sessionId = session.id;
    }
    const options = checkOptions(input.kind, input.options);
    const poll: Poll = {
      id: newId(),
      roomCode: room.code,
      title: input.title,
      kind: input.kind,
      options,
      status: "draft",
      resultsVisible: input.resultsVisible ?? defaultResultsVisible(input.kind),
      createdAt: isoNow(this.deps),
      sessionId,
      ...timedSettings(input, options, input),
    };
    await this.deps.store.createPoll(poll);
    this.deps.outbox.poll(room.code, poll);
    await record(this.deps, room.code, actor, "poll:create", poll.id);
    return poll;
  }

  /** A poll with its room and the event it belongs to, or null. */
  private async find(pollId: string): Promise<(Owned<Poll> & { room: RoomRecord }) | null> {
    const poll = await this.deps.store.getPoll(pollId);
    const room = poll && (await this.deps.store.getRoom(poll.roomCode));
    return poll && room ? { item: poll, room, eventId: room.eventId, roomCode: room.code } : null;
  }

  /** The poll a moderator acts on, after the key, lookup and event checks. */
  private async staffPoll(actor: Actor, pollId: string): Promise<Poll> {
    return staffCheck(actor, await this.find(pollId), ERR.unknownPoll);
  }

  async update(actor: Actor, pollId: string, body: unknown): Promise<Poll> {
    const found = await this.find(pollId);
    const poll = staffCheck(actor, found, ERR.unknownPoll);
    const { correct, timeLimit, ...patch }: PollPatch = parse(pollUpdateBody, body);
    if (patch.options !== undefined) patch.options = checkOptions(poll.kind, patch.options);
    // A quiz's right answers and time limit are checked against the options it will have.
    const timed = isTimed(poll) && (correct !== undefined || timeLimit !== undefined || patch.options !== undefined);
    if (timed) {
      const settings = { correct: correct ?? poll.correct, timeLimit: timeLimit ?? poll.timeLimit };
      Object.assign(patch, timedSettings(poll, patch.options ?? poll.options, settings));
    }
    const draftOnly = patch.title !== undefined || patch.options !== undefined || timed;
    const updated = await this.deps.store.updatePoll(pollId, patch, draftOnly);
    if (updated === "not_found") throw ERR.unknownPoll();
    if (updated === "conflict") throw ERR.pollNotDraft();
    // The public hears of a poll of the room's current session only.
    this.deps.outbox.poll(updated.roomCode, updated, updated.sessionId === found?.room.sessionId);
    if (updated.resultsVisible !== poll.resultsVisible) this.dirty(updated.roomCode, pollId);
    await record(this.deps, updated.roomCode, actor, "poll:update", pollId);
    return updated;
  }

  async remove(actor: Actor, pollId: string, body: unknown): Promise<void> {
    const poll = await this.staffPoll(actor, pollId);
    parse(noBody, body);
    if ((await this.deps.store.deletePoll(pollId)) === "not_found") throw ERR.unknownPoll();
    this.deps.outbox.resync(poll.roomCode);
    await record(this.deps, poll.roomCode, actor, "poll:delete", pollId);
  }

  async move(actor: Actor, pollId: string, move: PollMove, body: unknown): Promise<Poll> {
    const poll = await this.staffPoll(actor, pollId);
    parse(noBody, body);
    const timed = isTimed(poll);
    const { to } = POLL_MOVES[move];
    // A closed quiz is never opened again: its scores are counted.
    const from = timed && move === "open" ? POLL_MOVES.open.from.filter((s) => s !== "closed") : POLL_MOVES[move].from;
    const now = this.deps.now();
    const timing =
      timed && move === "open" ? { openedAt: now.toISOString(), closesAt: closesAt(now, poll.timeLimit ?? 0) } : undefined;
    const result = await this.deps.store.setPollStatus(pollId, from, to, timing);
    if (result === "not_found") throw ERR.unknownPoll();
    if (result === "conflict") {
      if (timed && move === "open" && poll.status === "closed") throw ERR.quizClosedForGood();
      throw move === "open" ? ERR.cannotOpenPoll() : ERR.cannotClosePoll();
    }
    if (result === "other_session") throw ERR.pollOfOtherSession();
    const shown = await this.quiz.closed(result.poll.roomCode, [...result.closed, result.poll]);
    if (timing) this.opened(result.poll);
    await record(this.deps, result.poll.roomCode, actor, `poll:${move}`, pollId);
    return shown.at(-1) ?? result.poll;
  }

  /**
   * The quiz clock's close of a due quiz: the same compare-and-set as a moderator's, so of several
   * nodes only one closes it (true) and tells the room.
   */
  async autoClose(pollId: string): Promise<boolean> {
    const result = await this.deps.store.setPollStatus(pollId, ["open"], "closed");
    if (typeof result !== "object") return false;
    await this.quiz.closed(result.poll.roomCode, [result.poll]);
    return true;
  }

  async reset(actor: Actor, pollId: string, body: unknown): Promise<Results> {
    const poll = await this.staffPoll(actor, pollId);
    parse(noBody, body);
    if (isTimed(poll) && poll.status === "closed") throw ERR.quizClosedForGood();
    const tally = await this.deps.store.resetPoll(pollId);
    if (tally === "not_found") throw ERR.unknownPoll();
    this.dirty(poll.roomCode, pollId);
    await record(this.deps, poll.roomCode, actor, "poll:reset", pollId);
    return buildResults(poll, tally);
  }

  /** A participant's ballot; over a socket, `onlyRoom` keeps it to the socket's room. */
  async vote(pollId: string, body: unknown, onlyRoom?: string, caller: Caller = {}): Promise<Results> {
    const poll = await this.deps.store.getPoll(pollId);
    if (!poll || !isPublicPoll(poll) || (onlyRoom && poll.roomCode !== onlyRoom)) throw ERR.unknownPoll();
    const input = parse(voteBody, body);
    const choice = normalizeChoice(poll, input.choice);
    await refuseBanned(this.deps, poll.roomCode, input.participantId);
    if (poll.status !== "open") throw ERR.pollNotOpen();
    if (poll.closesAt !== undefined && isoNow(this.deps) > poll.closesAt) throw ERR.quizTimeUp();
    await spend(this.deps, "vote", input.participantId, caller);
    // A kind that keeps answers (open) gives its text a fresh id; the store keeps the old one for the same text.
    const answer = keepsAnswers(poll.kind) ? { id: newId(), text: String(choice), createdAt: isoNow(this.deps) } : undefined;
    // A quiz ballot is final and timed by the server's clock as it is stored: its points count from there.
    const timed = isTimed(poll) ? { at: isoNow(this.deps) } : undefined;
    const tally = await this.deps.store.castBallot(pollId, input.participantId, choice, ballotKeys(poll, choice), answer, timed);
    if (tally === "not_found") throw ERR.unknownPoll();
    if (tally === "not_open") throw ERR.pollNotOpen();
    if (tally === "late") throw ERR.quizTimeUp();
    if (tally === "conflict") throw ERR.quizAnswerFinal();
    this.activity.count(poll.roomCode, "votes", 1, input.participantId);
    this.dirty(poll.roomCode, pollId);
    return resultsFor(poll, buildResults(poll, tally), "public");
  }

  /**
   * Hides an answer of an open poll from the public, or shows it again; idempotent. The answer is
   * looked up with the poll, before the event check, as the contract orders 404 before 403.
   */
  async setAnswerHidden(actor: Actor, pollId: string, answerId: string, hidden: boolean, body: unknown): Promise<Results> {
    requireKey(actor);
    const found = await this.find(pollId);
    const answer = found && (await this.deps.store.answer(pollId, answerId));
    const poll = staffCheck(actor, answer ? found : null, found ? ERR.unknownAnswer : ERR.unknownPoll);
    parse(noBody, body);
    const tally = await this.deps.store.setAnswerHidden(pollId, answerId, hidden);
    if (tally === "not_found") throw ERR.unknownAnswer();
    this.dirty(poll.roomCode, pollId);
    await record(this.deps, poll.roomCode, actor, hidden ? "answer:hide" : "answer:show", answerId);
    return buildResults(poll, tally);
  }

  async results(actor: Actor, pollId: string): Promise<Results> {
    const found = await this.find(pollId);
    if (!found) throw ERR.unknownPoll();
    const poll = found.item;
    const moderator = mayModerate(actor, found.eventId, poll.roomCode);
    if (!moderator && !isPublicPoll(poll)) throw ERR.unknownPoll();
    if (!moderator && !poll.resultsVisible) throw ERR.resultsHidden();
    const tally = await this.deps.store.tally(pollId);
    if (!tally) throw ERR.unknownPoll();
    return resultsFor(poll, buildResults(poll, tally), moderator ? "moderator" : "public");
  }
}
