// Single and multiple choice: a set of option indexes, stored sorted, one tally key per index.
import { LIMITS } from "../limits.js";
import type { PollKindRules } from "./kind.js";
import { allExist, countsOf, invalid, isIndexList, labelRows, optionLabels, optionsBetween } from "./rules.js";

export function optionChoice(exactlyOne: boolean): PollKindRules {
  const name = exactlyOne
    ? { en: "A single choice poll", fr: "Un sondage à choix unique" }
    : { en: "A multiple choice poll", fr: "Un sondage à choix multiple" };
  return {
    ...optionsBetween(LIMITS.minOptions, LIMITS.maxOptions, name.en, name.fr),
    resultsVisible: true,
    normalizeChoice(poll, choice) {
      if (!isIndexList(choice)) {
        throw invalid("The choice must be a list of option numbers.", "Le choix doit être une liste de numéros d'options.");
      }
      const indexes = [...new Set(choice)].sort((a, b) => a - b);
      if (indexes.length !== choice.length)
        throw invalid("Each option can be chosen once.", "Chaque option ne peut être choisie qu'une fois.");
      if (exactlyOne && indexes.length !== 1) throw invalid("Choose exactly one option.", "Choisissez exactement une option.");
      if (indexes.length === 0) throw invalid("Choose at least one option.", "Choisissez au moins une option.");
      if (!allExist(poll, indexes)) {
        throw invalid("This option does not exist in the poll.", "Cette option n'existe pas dans le sondage.");
      }
      return indexes;
    },
    tallyKeys: (choice) => (choice as number[]).map(String),
    labels: optionLabels,
    figures: (poll, tally) => ({ counts: countsOf(poll.options, tally) }),
    csvRows: (poll, results) => labelRows(poll.options, results),
  };
}
