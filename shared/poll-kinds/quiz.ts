// Quiz: one option among 2–6, some of them right; a time limit (5–300 s) counted from the opening.
// A ballot is final and scores `round(1000 × (1 − t / (2 × timeLimit)))` when right, t the seconds
// from the opening to the ballot's commit on the server: an instant answer 1000, the last second 500.
import { LIMITS } from "../limits.js";
import type { Choice } from "../model.js";
import type { PollKindRules, TimedRules } from "./kind.js";
import { invalid, optionsBetween } from "./rules.js";
import { single } from "./single.js";

const timed: TimedRules = {
  settings(options, correct, timeLimit) {
    if (correct === undefined || correct.length === 0) {
      throw invalid(
        "A quiz needs its right answer: correct, a list of option numbers.",
        "Un quiz demande sa bonne réponse : correct, une liste de numéros d'options.",
      );
    }
    if (correct.some((i) => !Number.isInteger(i) || i < 0 || i >= options.length) || new Set(correct).size !== correct.length) {
      throw invalid(
        "Each right answer must be a different option of the quiz.",
        "Chaque bonne réponse doit être une option différente du quiz.",
      );
    }
    const seconds = timeLimit ?? LIMITS.quizDefaultSeconds;
    if (!Number.isInteger(seconds) || seconds < LIMITS.quizMinSeconds || seconds > LIMITS.quizMaxSeconds) {
      throw invalid(
        `The time limit must be ${LIMITS.quizMinSeconds} to ${LIMITS.quizMaxSeconds} seconds.`,
        `Le temps imparti doit être de ${LIMITS.quizMinSeconds} à ${LIMITS.quizMaxSeconds} secondes.`,
      );
    }
    return { correct: [...correct].sort((a, b) => a - b), timeLimit: seconds };
  },
  points: (poll, choice, seconds) => quizPoints(poll.correct ?? [], poll.timeLimit ?? LIMITS.quizDefaultSeconds, choice, seconds),
};

/** The points of a ballot: 0 when wrong; when right, from 1000 at once down to 500 at the time limit. */
export function quizPoints(correct: number[], timeLimit: number, choice: Choice, seconds: number): number {
  const index = Array.isArray(choice) ? choice[0] : undefined;
  if (index === undefined || !correct.includes(index)) return 0;
  const t = Math.min(Math.max(seconds, 0), timeLimit);
  return Math.round(LIMITS.quizMaxPoints * (1 - t / (2 * timeLimit)));
}

export const quiz: PollKindRules = {
  ...single,
  ...optionsBetween(LIMITS.quizMinOptions, LIMITS.quizMaxOptions, "A quiz", "Un quiz"),
  // The distribution would give the answer away: shown once the moderator says so.
  resultsVisible: false,
  timed,
};
