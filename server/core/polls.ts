// Pure rules of polls: ballots per kind, tallies, results, transitions.
import { fail } from "../../shared/errors.js";
import { codePoints, foldWord, LIMITS } from "../../shared/limits.js";
import type { Choice, Poll, PollKind, PollStatus, Results } from "../../shared/model.js";

/** A poll's tally: how many ballots hold each key (option index, scale value or folded word). */
export type Tally = Record<string, number>;

export interface TallySnapshot {
  tally: Tally;
  voters: number;
  seq: number;
}

/** Checks the options a poll of this kind may have; returns them as stored. */
export function checkOptions(kind: PollKind, options: string[] | undefined): string[] {
  if (kind === "single" || kind === "multiple") {
    const list = options ?? [];
    if (list.length < LIMITS.minOptions || list.length > LIMITS.maxOptions) {
      throw fail(
        "invalid",
        `A ${kind} choice poll needs ${LIMITS.minOptions} to ${LIMITS.maxOptions} options.`,
        `Un sondage à choix ${kind === "single" ? "unique" : "multiple"} demande de ${LIMITS.minOptions} à ${LIMITS.maxOptions} options.`,
      );
    }
    return list;
  }
  if (options && options.length > 0) {
    throw fail("invalid", `A ${kind} poll takes no options.`, `Un sondage de type ${kind} ne prend pas d'options.`);
  }
  return [];
}

/** Validates a ballot for a poll and returns it in its stored form (indexes sorted, words folded). */
export function normalizeChoice(poll: Pick<Poll, "kind" | "options">, choice: unknown): Choice {
  const bad = (en: string, fr: string) => fail("invalid", en, fr);
  switch (poll.kind) {
    case "single":
    case "multiple": {
      if (!Array.isArray(choice) || !choice.every((i) => Number.isInteger(i))) {
        throw bad("The choice must be a list of option numbers.", "Le choix doit être une liste de numéros d'options.");
      }
      const indexes = [...new Set(choice as number[])].sort((a, b) => a - b);
      if (indexes.length !== choice.length)
        throw bad("Each option can be chosen once.", "Chaque option ne peut être choisie qu'une fois.");
      if (poll.kind === "single" && indexes.length !== 1)
        throw bad("Choose exactly one option.", "Choisissez exactement une option.");
      if (indexes.length === 0) throw bad("Choose at least one option.", "Choisissez au moins une option.");
      if (indexes.some((i) => i < 0 || i >= poll.options.length)) {
        throw bad("This option does not exist in the poll.", "Cette option n'existe pas dans le sondage.");
      }
      return indexes;
    }
    case "scale":
      if (typeof choice !== "number" || !Number.isInteger(choice) || choice < 1 || choice > LIMITS.scaleMax) {
        throw bad("The answer must be a whole number from 1 to 5.", "La réponse doit être un nombre entier de 1 à 5.");
      }
      return choice;
    case "wordcloud": {
      if (typeof choice !== "string") throw bad("The answer must be a word.", "La réponse doit être un mot.");
      const word = foldWord(choice);
      const length = codePoints(word);
      if (length < 1 || length > LIMITS.word) {
        throw bad(
          `The answer must be 1 to ${LIMITS.word} characters.`,
          `La réponse doit faire de 1 à ${LIMITS.word} caractères.`,
        );
      }
      return word;
    }
  }
}

/** The tally keys one ballot counts toward. */
export function ballotKeys(choice: Choice): string[] {
  if (Array.isArray(choice)) return choice.map(String);
  return [String(choice)];
}

/** Builds the public shape of a poll's results from its tally. */
export function buildResults(poll: Pick<Poll, "id" | "kind" | "options">, snap: TallySnapshot): Results {
  const { tally, voters, seq } = snap;
  if (poll.kind === "wordcloud") {
    const words = Object.entries(tally)
      .filter(([, count]) => count > 0)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, LIMITS.topWords)
      .map(([text, count]) => ({ text, count }));
    return { pollId: poll.id, voters, words, seq };
  }
  const counts =
    poll.kind === "scale"
      ? Array.from({ length: LIMITS.scaleMax }, (_, i) => tally[String(i + 1)] ?? 0)
      : poll.options.map((_, i) => tally[String(i)] ?? 0);
  return { pollId: poll.id, voters, counts, seq };
}

/** Results as someone who may not see them gets them: the number of voters only. */
export function hideResults(results: Results): Results {
  return { pollId: results.pollId, voters: results.voters, seq: results.seq };
}

export type PollMove = "open" | "close";

/** The statuses a poll may leave for each move; any other move is a conflict. */
export const POLL_MOVES: Record<PollMove, { from: PollStatus[]; to: PollStatus }> = {
  open: { from: ["draft", "closed"], to: "open" },
  close: { from: ["open"], to: "closed" },
};
