// Ranking: a ballot orders every option. Borda count: the option at position p of n gets n − 1 − p
// points, counted as that many occurrences of its key, so the stores need nothing new.
import type { PollKindRules } from "./kind.js";
import { countsOf, invalid, isIndexList, labelRows, optionLabels, optionsBetween } from "./rules.js";

export const ranking: PollKindRules = {
  ...optionsBetween(2, 10, "A ranking poll", "Un classement"),
  resultsVisible: true,
  normalizeChoice(poll, choice) {
    const n = poll.options.length;
    if (!isIndexList(choice)) {
      throw invalid("The ranking must be a list of option numbers.", "Le classement doit être une liste de numéros d’options.");
    }
    if (choice.some((i) => i < 0 || i >= n)) {
      throw invalid("This option does not exist in the poll.", "Cette option n’existe pas dans le sondage.");
    }
    if (new Set(choice).size !== choice.length) {
      throw invalid("Each option can be ranked only once.", "Chaque option ne peut être classée qu’une fois.");
    }
    if (choice.length !== n) {
      throw invalid(
        `Rank every option: all ${n} of them, in your order.`,
        `Classez toutes les options, les ${n}, dans votre ordre.`,
      );
    }
    // The ordering as given is the stored form.
    return [...choice];
  },
  tallyKeys(choice) {
    const order = choice as number[];
    return order.flatMap((option, p) => Array<string>(order.length - 1 - p).fill(String(option)));
  },
  labels: optionLabels,
  figures: (poll, tally) => ({ counts: countsOf(poll.options, tally) }),
  csvRows: (poll, results) => labelRows(poll.options, results),
};
