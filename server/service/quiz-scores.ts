// Quiz scores of a room's current session, computed from the stored ballots of its closed quizzes
// and kept briefly: when a quiz closes, every phone's fresh state asks for its rank at once, and
// that must cost one computation, not one per phone.
import type { Poll } from "../../shared/model.js";
import { isTimed, type QuizScores, scoreQuizzes, type TimedBallotRecord } from "../core/quiz.js";
import type { Store } from "../store/store.js";

/** How long computed scores serve: a nickname set on another node shows within this time. */
export const SCORES_TTL_MS = 1000;

interface Entry {
  /** The closed quizzes the scores were computed over: another closing makes the entry stale at once. */
  key: string;
  at: number;
  scores: Promise<QuizScores>;
}

/** The closed timed polls of a room that count: those of its current session. */
export const countedQuizzes = (polls: Poll[], sessionId: string | null): Poll[] =>
  polls.filter((p) => isTimed(p) && p.status === "closed" && p.sessionId === sessionId);

export class ScoreBoard {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs = SCORES_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The scores over `quizzes` (closed quizzes of the room's current session). */
  scores(store: Pick<Store, "timedBallots" | "nicknames">, code: string, quizzes: Poll[]): Promise<QuizScores> {
    const key = quizzes.map((p) => p.id).join(",");
    const entry = this.entries.get(code);
    if (entry && entry.key === key && this.now() - entry.at < this.ttlMs) return entry.scores;
    const scores = computeScores(store, code, quizzes);
    this.entries.set(code, { key, at: this.now(), scores });
    // A failed read is not kept: the next caller tries again.
    scores.catch(() => {
      if (this.entries.get(code)?.scores === scores) this.entries.delete(code);
    });
    return scores;
  }

  /** A nickname changed in the room (on this node). */
  invalidate(code: string): void {
    this.entries.delete(code);
  }

  /** Forgets rooms nobody asked for lately. */
  sweep(): void {
    const old = this.now() - this.ttlMs;
    for (const [code, entry] of this.entries) if (entry.at < old) this.entries.delete(code);
  }
}

/** The scores over `quizzes` read from the store now, without the cache (the report). */
export async function computeScores(
  store: Pick<Store, "timedBallots" | "nicknames">,
  code: string,
  quizzes: Poll[],
): Promise<QuizScores> {
  const nicknames = quizzes.length > 0 ? await store.nicknames(code) : {};
  const ballots: Record<string, TimedBallotRecord[]> = {};
  for (const poll of quizzes) ballots[poll.id] = await store.timedBallots(poll.id);
  return scoreQuizzes(quizzes, ballots, nicknames);
}
