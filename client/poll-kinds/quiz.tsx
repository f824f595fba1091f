// Quiz: one answer, final, against the clock; once closed, the right answers are marked.
import type { Poll } from "../../shared/model";
import { translator } from "../lib/i18n";
import type { BallotProps, ClientPollKind, ResultsProps } from "./kind";
import { Bars, BigBars, barsSentence, bigVotes, countBars, spokenVotes, votesAndPercent } from "./parts";

const { t } = translator({
  en: {
    name: "Quiz",
    hint: "One answer, as fast as you can: it is final.",
    right: "right answer",
    rightIs: "Right answer: {options}.",
  },
  fr: {
    name: "Quiz",
    hint: "Une seule réponse, le plus vite possible : elle est définitive.",
    right: "bonne réponse",
    rightIs: "Bonne réponse : {options}.",
  },
});

function Ballot({ poll, current, onVote }: BallotProps) {
  const chosen = Array.isArray(current) ? current[0] : undefined;
  // Final: once chosen, the other options cannot be taken.
  const locked = chosen !== undefined || poll.status !== "open";
  return (
    <fieldset class="choices" aria-describedby="poll-hint">
      <legend class="vh">{poll.title}</legend>
      {poll.options.map((option, i) => (
        <button
          key={i}
          type="button"
          class="choice"
          aria-pressed={chosen === i}
          disabled={locked && chosen !== i}
          onClick={() => !locked && onVote([i])}
        >
          <span class="tick" aria-hidden="true" />
          {option}
        </button>
      ))}
    </fieldset>
  );
}

/** The options, the right ones marked with ✓ and named for screen readers once the quiz is closed. */
const quizLabels = (poll: Poll): string[] =>
  poll.options.map((o, i) => (poll.correct?.includes(i) ? `✓ ${o} (${t("right")})` : o));

const bars = (poll: Poll, results: ResultsProps["results"]) => countBars(quizLabels(poll), results.counts, results.voters);

export const quiz: ClientPollKind = {
  name: () => t("name"),
  hint: () => t("hint"),
  Ballot,
  summary: (poll, results, labels) => {
    const right = poll.correct?.map((i) => poll.options[i]).join(", ");
    const figures = barsSentence(countBars(poll.options, results.counts, results.voters), spokenVotes(labels));
    return right ? `${figures}. ${t("rightIs", { options: right })}` : figures;
  },
  Results: ({ poll, results, labels, Voters }) => (
    <>
      <Voters />
      <Bars bars={bars(poll, results)} figures={votesAndPercent(labels)} />
    </>
  ),
  Board: ({ poll, results, labels }) => (
    <BigBars bars={bars(poll, results)} voters={results.voters} labels={labels} figures={bigVotes(labels)} />
  ),
};
