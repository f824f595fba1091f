// A word cloud: a short text, trimmed and case-folded, counted per folded text.
import { foldWord, LIMITS } from "../limits.js";
import type { PollKindRules } from "./kind.js";
import { noOptions, textAnswer } from "./rules.js";

export const wordcloud: PollKindRules = {
  ...noOptions("wordcloud"),
  resultsVisible: true,
  normalizeChoice: (_poll, choice) => textAnswer(choice, LIMITS.word, foldWord, { en: "a word", fr: "un mot" }),
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
