// Everything this node tells a room about also makes its cached public state stale: this
// outbox drops the room's cache entry, then hands the call to the real outbox.
import type { BackstageMessage, Leaderboard, ReactionCounts, Results, RoomInfo } from "../../shared/model.js";
import type { QuestionRecord } from "../core/questions.js";
import type { Outbox } from "./ports.js";
import type { StateCache } from "./state-cache.js";

export class StateInvalidatingOutbox implements Outbox {
  constructor(
    private readonly inner: Outbox,
    private readonly states: Pick<StateCache, "invalidate">,
  ) {}

  poll(...args: Parameters<Outbox["poll"]>): void {
    this.states.invalidate(args[0]);
    // Forwarded as called: an absent `toPublic` stays absent (the inner outbox's default).
    this.inner.poll(...args);
  }

  question(code: string, question: QuestionRecord, toPublic: boolean): void {
    this.states.invalidate(code);
    this.inner.question(code, question, toPublic);
  }

  room(code: string, room: RoomInfo): void {
    this.states.invalidate(code);
    this.inner.room(code, room);
  }

  results(code: string, full: Results, forPublic: Results | null): void {
    this.states.invalidate(code);
    this.inner.results(code, full, forPublic);
  }

  resync(code: string): void {
    this.states.invalidate(code);
    this.inner.resync(code);
  }

  /** The leaderboard is not in the public state: nothing cached changes. */
  leaderboard(code: string, board: Leaderboard): void {
    this.inner.leaderboard(code, board);
  }

  participants(code: string, count: number): void {
    this.states.invalidate(code);
    this.inner.participants(code, count);
  }

  /** Reactions are not in any state: nothing cached changes. */
  reactions(code: string, counts: ReactionCounts): void {
    this.inner.reactions(code, counts);
  }

  shareReactions(code: string, counts: Record<string, number>): void {
    this.inner.shareReactions(code, counts);
  }

  disconnect(code: string): void {
    this.states.invalidate(code);
    this.inner.disconnect(code);
  }

  /** Names an event, not a room: nothing cached changes. */
  revoke(eventId: string): void {
    this.inner.revoke(eventId);
  }

  /** Names a key, not a room: nothing cached changes. */
  revokeKey(keyId: string): void {
    this.inner.revokeKey(keyId);
  }

  /** Messages are in no public state. */
  message(code: string, message: BackstageMessage): void {
    this.inner.message(code, message);
  }
}
