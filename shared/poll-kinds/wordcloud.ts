// A word cloud: a short text, trimmed and case-folded, counted per folded text.
import { codePoints, foldWord, LIMITS } from "../limits.js";
import type { PollKindRules } from "./kind.js";
import { invalid, noOptions } from "./rules.js";

export const wordcloud: PollKindRules = {
  ...noOptions("wordcloud"),
  resultsVisible: true,
  normalizeChoice(_poll, choice) {
    if (typeof choice !== "string") throw invalid("The answer must be a word.", "La réponse doit être un mot.");
    const word = foldWord(choice);
    const length = codePoints(word);
    if (length < 1 || length > LIMITS.word) {
      throw invalid(
        `The answer must be 1 to ${LIMITS.word} characters.`,
        `La réponse doit faire de 1 à ${LIMITS.word} caractères.`,
      );
    }
    return word;
  },
  tallyKeys: (choice) => [String(choice)],
  labels: () => [],
  // Most frequent first, ties in alphabetical order; a word nobody counts any more is left out.
  figures: (_poll, tally) => ({
    words: Object.entries(tally)
      .filter(([, count]) => count > 0)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, LIMITS.topWords)
      .map(([text, count]) => ({ text, count })),
  }),
  csvRows: (_poll, results) => (results?.words ?? []).map((w) => [w.text, w.count]),
};
