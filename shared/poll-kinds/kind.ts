// What one poll kind must say about itself. Pure and free of the schema library: the audience
// page uses these rules too (to store a ballot the way the server does) and has a weight budget.
import type { Choice, OpenAnswer, Poll, Results } from "../model.js";

/** A poll's tally: how many times ballots hold each key (option index, scale value or folded word). */
export type Tally = Record<string, number>;

/** An answer kept one by one (an `open` poll's), as the stores hold it. */
export interface StoredAnswer {
  id: string;
  text: string;
  createdAt: string;
  hidden: boolean;
}

export interface TallySnapshot {
  tally: Tally;
  voters: number;
  seq: number;
  /** Kinds that keep answers: the newest (at most LIMITS.topAnswers), newest first, hidden ones too. */
  answers?: StoredAnswer[];
}

/** What the rules of a kind read of a poll. */
export type PollShape = Pick<Poll, "options">;

/** The figures of a kind's results: one count per label, or the top words. */
export type Figures = Pick<Results, "counts"> | Pick<Results, "words"> | { answers: OpenAnswer[] };

export interface PollKindRules {
  /** How many options a poll of this kind takes, or null when it takes none. */
  options: { min: number; max: number } | null;
  /** `resultsVisible` when the moderator does not say. */
  resultsVisible: boolean;
  /** Checks the options given at creation or in an edit; returns them as stored. Throws `invalid`. */
  checkOptions(options: string[] | undefined): string[];
  /** Checks a ballot as sent and returns its stored form. Throws `invalid` with a sentence. */
  normalizeChoice(poll: PollShape, choice: unknown): Choice;
  /**
   * The tally keys a stored ballot counts toward. A key may repeat: both stores add one per
   * occurrence and take as many back when the ballot is replaced.
   */
  tallyKeys(choice: Choice, poll: PollShape): string[];
  /** The labels of `counts`, in order (none for a kind that counts words). */
  labels(poll: PollShape): string[];
  /** The results' figures from a tally (and, for a kind that keeps them, its newest answers). */
  figures(poll: PollShape, tally: Tally, answers: StoredAnswer[]): Figures;
  /** True for a kind whose ballots are texts kept one by one (the stores keep them as answers). */
  keepsAnswers?: true;
  /** A kind whose ballots are final and timed, and score points (quiz); absent for the others. */
  timed?: TimedRules;
  /** Export rows (label, count) of a poll's results; `null` results are hidden or absent. */
  csvRows(poll: PollShape, results: Results | null): [label: string, count: number][];
}

/** What a timed kind (quiz) adds: its right answers and time limit, and the points of a ballot. */
export interface TimedRules {
  /** Checks `correct` and `timeLimit` against the options; returns them as stored. Throws `invalid`. */
  settings(options: string[], correct: number[] | undefined, timeLimit: number | undefined): Required<TimedSettings>;
  /** Points of a stored ballot committed `seconds` after the poll opened (0 when wrong). */
  points(poll: TimedSettings, choice: Choice, seconds: number): number;
}

export type TimedSettings = Pick<Poll, "correct" | "timeLimit">;
