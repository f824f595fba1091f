// Results of a poll on the phone and in the console: the number of voters, then the figures its
// kind draws (client/poll-kinds).
import type { ComponentChildren } from "preact";
import type { OpenAnswer, Poll, Results } from "../../shared/model";
import { CLIENT_KINDS, type ResultLabels } from "../poll-kinds";

export type { ResultLabels };

export function ResultsView({
  poll,
  results,
  labels,
  maxWords = 12,
  live = false,
  onToggle,
}: {
  poll: Poll;
  results: Results;
  labels: ResultLabels;
  maxWords?: number;
  /** Announces the number of voters as it changes. */
  live?: boolean;
  /** The console's Hide / Show of an open answer. */
  onToggle?: (answer: OpenAnswer) => void;
}) {
  const liveAttrs = live ? ({ "aria-live": "polite", "aria-atomic": "true" } as const) : {};
  const Voters = ({ extra }: { extra?: ComponentChildren }) => (
    <p class="voters" {...liveAttrs}>
      {labels.voters(results.voters)}
      {extra}
    </p>
  );
  const { Results: Figures } = CLIENT_KINDS[poll.kind];
  return (
    <div class="results">
      <Figures poll={poll} results={results} labels={labels} maxWords={maxWords} Voters={Voters} onToggle={onToggle} />
    </div>
  );
}
