// A scale from 1 to 5: a whole number, one tally key per value.
import { LIMITS } from "../limits.js";
import type { PollKindRules } from "./kind.js";
import { countsOf, invalid, labelRows, noOptions } from "./rules.js";

const VALUES = Array.from({ length: LIMITS.scaleMax }, (_, i) => String(i + 1));

export const scale: PollKindRules = {
  ...noOptions("scale"),
  resultsVisible: true,
  normalizeChoice(_poll, choice) {
    if (typeof choice !== "number" || !Number.isInteger(choice) || choice < 1 || choice > LIMITS.scaleMax) {
      throw invalid("The answer must be a whole number from 1 to 5.", "La réponse doit être un nombre entier de 1 à 5.");
    }
    return choice;
  },
  tallyKeys: (choice) => [String(choice)],
  labels: () => VALUES,
  // Value v is counted at key "v", so counts[i] is the value i + 1.
  figures: (_poll, tally) => ({ counts: countsOf(VALUES, tally, (i) => VALUES[i]!) }),
  csvRows: (_poll, results) => labelRows(VALUES, results),
};
