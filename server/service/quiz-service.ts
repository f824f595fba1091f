// Use cases of quizzes besides ballots: nicknames, the leaderboard, and what follows a quiz's
// closing, whoever closed it (a moderator, the opening of another poll, the quiz clock, a session start).

import { ERR } from "../../shared/error-catalogue.js";
import type { Leaderboard, Nickname, Poll, ServerClock } from "../../shared/model.js";
import { nicknameBody, noBody, parse } from "../../shared/schemas.js";
import { foldNickname, isTimed, suggestNickname, topEntries } from "../core/quiz.js";
import { refuseBanned, spend } from "./access.js";
import type { Caller } from "./caller.js";
import { type Deps, isoNow } from "./deps.js";
import { loadRoom, roomScores } from "./views.js";

export class QuizService {
  constructor(
    private readonly deps: Deps,
    /** Marks a poll's results as changed, for the coalesced broadcast. */
    private readonly dirty: (code: string, pollId: string) => void,
  ) {}

  /**
   * Sets a participant's nickname in a room. Over a socket the room is the socket's, checked at
   * its handshake (`knownRoom`); over HTTP the code is looked up first (404).
   */
  async nickname(code: string, body: unknown, knownRoom = false, caller: Caller = {}): Promise<Nickname> {
    if (!knownRoom && !(await this.deps.store.getRoom(code))) throw ERR.unknownRoom();
    const { participantId, nickname } = parse(nicknameBody, body);
    await refuseBanned(this.deps, code, participantId);
    await spend(this.deps, "vote", participantId, caller);
    const result = await this.deps.store.setNickname(code, participantId, nickname, foldNickname(nickname));
    if (result === "not_found") throw ERR.unknownRoom();
    if (result === "taken") {
      const taken = new Set(Object.values(await this.deps.store.nicknames(code)).map(foldNickname));
      throw ERR.nicknameTaken(suggestNickname(nickname, taken));
    }
    this.deps.scores.invalidate(code);
    return { nickname };
  }

  /** The server's time: pages count a quiz down from `closesAt` with the offset it gives. */
  clock(body: unknown): ServerClock {
    parse(noBody, body);
    return { now: isoNow(this.deps) };
  }

  async leaderboard(code: string): Promise<Leaderboard> {
    const data = await loadRoom(this.deps, code);
    const { standings } = await roomScores(this.deps, data);
    return { entries: topEntries(standings), players: standings.length };
  }

  /**
   * A closed quiz shows its results: hidden while it ran (the distribution would give the answer
   * away), they are the reveal. Answers the poll as it now is, for the `poll` event.
   */
  async reveal(poll: Poll): Promise<Poll> {
    if (!isTimed(poll) || poll.status !== "closed") return poll;
    if (poll.resultsVisible) return poll;
    const shown = await this.deps.store.updatePoll(poll.id, { resultsVisible: true }, false);
    if (typeof shown !== "object") return poll;
    this.dirty(poll.roomCode, poll.id);
    return shown;
  }

  /**
   * What follows polls changing status in one move, whoever moved them (a moderator, the opening
   * of another poll, the quiz clock, the start of a session): each closed quiz's results revealed,
   * every poll to the room, then, when a quiz closed, the leaderboard and each phone a fresh state
   * with its points, total and rank. Called once per move, by the node whose move won. `resync`
   * asks for the fresh states even when no quiz closed (a session start changes every state).
   * Answers the polls as sent.
   */
  async closed(code: string, polls: Poll[], opts: { toPublic?: boolean; resync?: boolean } = {}): Promise<Poll[]> {
    const shown: Poll[] = [];
    for (const poll of polls) shown.push(await this.reveal(poll));
    for (const poll of shown) this.deps.outbox.poll(code, poll, opts.toPublic ?? true);
    const quizClosed = shown.some((p) => isTimed(p) && p.status === "closed");
    if (quizClosed) this.deps.outbox.leaderboard(code, await this.leaderboard(code));
    if (quizClosed || opts.resync) this.deps.outbox.resync(code);
    return shown;
  }
}
