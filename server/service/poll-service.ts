// Use cases of polls: building them (moderators) and voting (participants).
import { fail } from "../../shared/errors.js";
import type { Poll, Results } from "../../shared/model.js";
import { parse, pollCreateBody, pollUpdateBody, voteBody } from "../../shared/protocol.js";
import {
  ballotKeys,
  buildResults,
  checkOptions,
  defaultResultsVisible,
  isPublicPoll,
  normalizeChoice,
  POLL_MOVES,
  type PollMove,
} from "../core/polls.js";
import { newId, resultsFor } from "../core/rooms.js";
import { type Actor, mayModerate, refuseBanned, requireEvent, requireKey, spend } from "./access.js";
import { record } from "./audit.js";
import { type Deps, isoNow } from "./deps.js";
import type { EventService } from "./event-service.js";
import { unknownPoll } from "./views.js";

const notOpen = () => fail("conflict", "This poll is not open for votes.", "Ce sondage n'est pas ouvert au vote.");

export class PollService {
  constructor(
    private readonly deps: Deps,
    private readonly events: EventService,
    /** Marks a poll's results as changed, for the coalesced broadcast. */
    private readonly dirty: (code: string, pollId: string) => void,
  ) {}

  async create(actor: Actor, code: string, body: unknown): Promise<Poll> {
    const room = await this.events.staffRoom(actor, code);
    const input = parse(pollCreateBody, body);
    const poll: Poll = {
      id: newId(),
      roomCode: room.code,
      title: input.title,
      kind: input.kind,
      options: checkOptions(input.kind, input.options),
      status: "draft",
      resultsVisible: input.resultsVisible ?? defaultResultsVisible(input.kind),
      createdAt: isoNow(this.deps),
    };
    await this.deps.store.createPoll(poll);
    this.deps.outbox.poll(room.code, poll);
    await record(this.deps, room.code, actor, "poll:create", poll.id);
    return poll;
  }

  /** The poll a moderator acts on, after the key, lookup and event checks. */
  private async staffPoll(actor: Actor, pollId: string): Promise<Poll> {
    requireKey(actor);
    const poll = await this.deps.store.getPoll(pollId);
    const room = poll && (await this.deps.store.getRoom(poll.roomCode));
    if (!poll || !room) throw unknownPoll();
    requireEvent(actor, room.eventId);
    return poll;
  }

  async update(actor: Actor, pollId: string, body: unknown): Promise<Poll> {
    const poll = await this.staffPoll(actor, pollId);
    const patch = parse(pollUpdateBody, body);
    if (patch.options !== undefined) patch.options = checkOptions(poll.kind, patch.options);
    const draftOnly = patch.title !== undefined || patch.options !== undefined;
    const updated = await this.deps.store.updatePoll(pollId, patch, draftOnly);
    if (updated === "not_found") throw unknownPoll();
    if (updated === "conflict") {
      throw fail(
        "conflict",
        "Title and options can only change while the poll is a draft.",
        "Le titre et les options ne changent que tant que le sondage est un brouillon.",
      );
    }
    this.deps.outbox.poll(updated.roomCode, updated);
    if (updated.resultsVisible !== poll.resultsVisible) this.dirty(updated.roomCode, pollId);
    await record(this.deps, updated.roomCode, actor, "poll:update", pollId);
    return updated;
  }

  async remove(actor: Actor, pollId: string): Promise<void> {
    const poll = await this.staffPoll(actor, pollId);
    if ((await this.deps.store.deletePoll(pollId)) === "not_found") throw unknownPoll();
    this.deps.outbox.resync(poll.roomCode);
    await record(this.deps, poll.roomCode, actor, "poll:delete", pollId);
  }

  async move(actor: Actor, pollId: string, move: PollMove): Promise<Poll> {
    await this.staffPoll(actor, pollId);
    const { from, to } = POLL_MOVES[move];
    const result = await this.deps.store.setPollStatus(pollId, from, to);
    if (result === "not_found") throw unknownPoll();
    if (result === "conflict") {
      throw fail(
        "conflict",
        move === "open" ? "Only a draft or closed poll can be opened." : "Only an open poll can be closed.",
        move === "open" ? "Seul un brouillon ou un sondage fermé peut être ouvert." : "Seul un sondage ouvert peut être fermé.",
      );
    }
    for (const closed of result.closed) this.deps.outbox.poll(closed.roomCode, closed);
    this.deps.outbox.poll(result.poll.roomCode, result.poll);
    await record(this.deps, result.poll.roomCode, actor, `poll:${move}`, pollId);
    return result.poll;
  }

  async reset(actor: Actor, pollId: string): Promise<Results> {
    const poll = await this.staffPoll(actor, pollId);
    const tally = await this.deps.store.resetPoll(pollId);
    if (tally === "not_found") throw unknownPoll();
    this.dirty(poll.roomCode, pollId);
    await record(this.deps, poll.roomCode, actor, "poll:reset", pollId);
    return buildResults(poll, tally);
  }

  /** A participant's ballot; over a socket, `onlyRoom` keeps it to the socket's room. */
  async vote(pollId: string, body: unknown, onlyRoom?: string): Promise<Results> {
    const poll = await this.deps.store.getPoll(pollId);
    if (!poll || !isPublicPoll(poll) || (onlyRoom && poll.roomCode !== onlyRoom)) throw unknownPoll();
    const input = parse(voteBody, body);
    const choice = normalizeChoice(poll, input.choice);
    await refuseBanned(this.deps, poll.roomCode, input.participantId);
    if (poll.status !== "open") throw notOpen();
    await spend(this.deps, "vote", input.participantId);
    const tally = await this.deps.store.castBallot(pollId, input.participantId, choice, ballotKeys(poll, choice));
    if (tally === "not_found") throw unknownPoll();
    if (tally === "not_open") throw notOpen();
    this.dirty(poll.roomCode, pollId);
    return resultsFor(poll, buildResults(poll, tally), "public");
  }

  async results(actor: Actor, pollId: string): Promise<Results> {
    const poll = await this.deps.store.getPoll(pollId);
    const room = poll && (await this.deps.store.getRoom(poll.roomCode));
    if (!poll || !room) throw unknownPoll();
    const moderator = mayModerate(actor, room.eventId);
    if (!moderator && !isPublicPoll(poll)) throw unknownPoll();
    if (!moderator && !poll.resultsVisible) {
      throw fail(
        "forbidden",
        "The results of this poll are hidden for now.",
        "Les résultats de ce sondage sont masqués pour le moment.",
      );
    }
    const tally = await this.deps.store.tally(pollId);
    if (!tally) throw unknownPoll();
    return buildResults(poll, tally);
  }
}
