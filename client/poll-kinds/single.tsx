// Single choice: tapping an option votes at once.
import { translator } from "../lib/i18n";
import type { BallotProps, ClientPollKind } from "./kind";
import { Bars, BigBars, barsSentence, bigVotes, countBars, spokenVotes, votesAndPercent } from "./parts";

const { t } = translator({
  en: { name: "Single choice", hint: "Choose one answer." },
  fr: { name: "Choix unique", hint: "Choisissez une réponse." },
});

function Ballot({ poll, current, onVote }: BallotProps) {
  const chosen = Array.isArray(current) ? current[0] : undefined;
  return (
    <fieldset class="choices" aria-describedby="poll-hint">
      <legend class="vh">{poll.title}</legend>
      {poll.options.map((option, i) => (
        <button key={i} type="button" class="choice" aria-pressed={chosen === i} onClick={() => onVote([i])}>
          <span class="tick" aria-hidden="true" />
          {option}
        </button>
      ))}
    </fieldset>
  );
}

/** The results of a choice poll, single or multiple: one bar per option, in the options' order. */
export const choiceResults: Pick<ClientPollKind, "Results" | "Board" | "summary"> = {
  summary: (poll, results, labels) => barsSentence(countBars(poll.options, results.counts, results.voters), spokenVotes(labels)),
  // Multiple choice: a person may pick several, so percentages are of voters, not of ticks.
  Results: ({ poll, results, labels, Voters }) => (
    <>
      <Voters />
      <Bars bars={countBars(poll.options, results.counts, results.voters)} figures={votesAndPercent(labels)} />
    </>
  ),
  Board: ({ poll, results, labels }) => (
    <BigBars
      bars={countBars(poll.options, results.counts, results.voters)}
      voters={results.voters}
      labels={labels}
      figures={bigVotes(labels)}
    />
  ),
};

export const single: ClientPollKind = { name: () => t("name"), hint: () => t("hint"), Ballot, ...choiceResults };
