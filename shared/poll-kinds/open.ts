// Open answers: a text of 1–280 characters, kept one by one (not counted per key). A participant's
// new ballot replaces its answer; moderators may hide an answer from the public.
import { codePoints, LIMITS } from "../limits.js";
import type { OpenAnswer } from "../model.js";
import type { PollKindRules, StoredAnswer } from "./kind.js";
import { invalid, noOptions } from "./rules.js";

/** An answer as the results carry it: `hidden: true` only where it is (moderators see those). */
export const toOpenAnswer = (a: StoredAnswer): OpenAnswer =>
  a.hidden
    ? { id: a.id, text: a.text, createdAt: a.createdAt, hidden: true }
    : { id: a.id, text: a.text, createdAt: a.createdAt };

export const open: PollKindRules = {
  ...noOptions("open"),
  resultsVisible: true,
  keepsAnswers: true,
  normalizeChoice(_poll, choice) {
    if (typeof choice !== "string") throw invalid("The answer must be a text.", "La réponse doit être un texte.");
    const text = choice.trim();
    const length = codePoints(text);
    if (length < 1 || length > LIMITS.openAnswer) {
      throw invalid(
        `The answer must be 1 to ${LIMITS.openAnswer} characters.`,
        `La réponse doit faire de 1 à ${LIMITS.openAnswer} caractères.`,
      );
    }
    return text;
  },
  // Nothing is counted per key: the answers are the results.
  tallyKeys: () => [],
  labels: () => [],
  figures: (_poll, _tally, answers) => ({ answers: answers.slice(0, LIMITS.topAnswers).map(toOpenAnswer) }),
  csvRows: (_poll, results) => (results?.answers ?? []).filter((a) => !a.hidden).map((a) => [a.text, 1]),
};
