// Open answers: a text of 1–280 characters, kept one by one (not counted per key). A participant's
// new ballot replaces its answer; moderators may hide an answer from the public.
import { LIMITS } from "../limits.js";
import type { OpenAnswer } from "../model.js";
import type { PollKindRules, StoredAnswer } from "./kind.js";
import { noOptions, textAnswer } from "./rules.js";

/** An answer as the results carry it: `hidden: true` only where it is (moderators see those). */
export const toOpenAnswer = (a: StoredAnswer): OpenAnswer =>
  a.hidden
    ? { id: a.id, text: a.text, createdAt: a.createdAt, hidden: true }
    : { id: a.id, text: a.text, createdAt: a.createdAt };

export const open: PollKindRules = {
  ...noOptions("open"),
  resultsVisible: true,
  keepsAnswers: true,
  normalizeChoice: (_poll, choice) =>
    textAnswer(choice, LIMITS.openAnswer, (text) => text.trim(), { en: "a text", fr: "un texte" }),
  // Nothing is counted per key: the answers are the results.
  tallyKeys: () => [],
  labels: () => [],
  figures: (_poll, _tally, answers) => ({ answers: answers.slice(0, LIMITS.topAnswers).map(toOpenAnswer) }),
  csvRows: (_poll, results) => (results?.answers ?? []).filter((a) => !a.hidden).map((a) => [a.text, 1]),
};
