// Building blocks the poll kinds share: option bounds, index lists, counts per label.
import { AppError } from "../errors.js";
import { codePoints } from "../limits.js";
import type { Results } from "../model.js";
import { frenchTypography } from "../typography.js";
import type { PollKindRules, PollShape, Tally } from "./kind.js";

/**
 * The `invalid` refusal of a ballot or an option list, in both languages. A kind's refusals stay in
 * its module (adding a kind touches its own files); every other error is in shared/error-catalogue.ts.
 */
export const invalid = (en: string, fr: string) => new AppError("invalid", { en, fr: frenchTypography(fr) });

/** Options between `min` and `max`, named in the refusal by `en` / `fr` (“A ranking poll”). */
export function optionsBetween(
  min: number,
  max: number,
  en: string,
  fr: string,
): Pick<PollKindRules, "options" | "checkOptions"> {
  return {
    options: { min, max },
    checkOptions(options) {
      const list = options ?? [];
      if (list.length < min || list.length > max) {
        throw invalid(`${en} needs ${min} to ${max} options.`, `${fr} demande de ${min} à ${max} options.`);
      }
      return list;
    },
  };
}

/** A kind without options (the refusal names it as `kind`). */
export function noOptions(kind: string): Pick<PollKindRules, "options" | "checkOptions"> {
  return {
    options: null,
    checkOptions(options) {
      if (options && options.length > 0) {
        throw invalid(`A ${kind} poll takes no options.`, `Un sondage de type ${kind} ne prend pas d'options.`);
      }
      return [];
    },
  };
}

/**
 * A text answer: trimmed (and folded, for counting), 1 to `max` characters; `noun` names it in the
 * refusal of anything else ("a word", "a text").
 */
export function textAnswer(choice: unknown, max: number, fold: (text: string) => string, noun: { en: string; fr: string }) {
  if (typeof choice !== "string") throw invalid(`The answer must be ${noun.en}.`, `La réponse doit être ${noun.fr}.`);
  const text = fold(choice);
  const length = codePoints(text);
  if (length < 1 || length > max) {
    throw invalid(`The answer must be 1 to ${max} characters.`, `La réponse doit faire de 1 à ${max} caractères.`);
  }
  return text;
}

/** True for an array of whole numbers. */
export const isIndexList = (choice: unknown): choice is number[] =>
  Array.isArray(choice) && choice.every((i) => Number.isInteger(i));

/** True when every index names an option of the poll. */
export const allExist = (poll: PollShape, indexes: number[]): boolean => indexes.every((i) => i >= 0 && i < poll.options.length);

export const optionLabels = (poll: PollShape): string[] => poll.options;

/** One count per label, read from the tally at keys "0", "1"… (or `key(i)`); zero when absent. */
export function countsOf(labels: string[], tally: Tally, key: (i: number) => string = String): number[] {
  return labels.map((_, i) => tally[key(i)] ?? 0);
}

/** One export row per label with its count. */
export function labelRows(labels: string[], results: Results | null): [string, number][] {
  return labels.map((label, i) => [label, results?.counts?.[i] ?? 0]);
}
