// A poll for the back of the room: its kind's big results (client/poll-kinds), or its options while
// results are hidden; the number of participants is announced as it changes.
import type { PollView } from "../../shared/model";
import { POLL_KINDS } from "../../shared/poll-kinds";
import { resultsOf } from "../lib/room-state";
import { CLIENT_KINDS, type ResultLabels } from "../poll-kinds";
import { t, tn } from "./strings";

const labels = (): ResultLabels => ({
  voters: (n) => tn("voters", n),
  votes: (n) => tn("votes", n),
  noAnswer: t("noVotes"),
});

export function PollBoard({ poll }: { poll: PollView }) {
  const results = resultsOf(poll);
  const { Board } = CLIENT_KINDS[poll.kind];
  return (
    <section class="poll-board" aria-labelledby="poll-title">
      <div class="poll-head">
        <h2 id="poll-title" class="poll-title">
          {poll.title}
        </h2>
        <p class={`poll-state ${poll.status}`}>
          {poll.status === "closed" ? t("pollClosed") : t("pollOpen")}
          {results && (
            <span role="status" class="voters">
              {" · "}
              {tn("voters", results.voters)}
            </span>
          )}
        </p>
      </div>
      {!results ? (
        <ul class="options-only">
          {POLL_KINDS[poll.kind].labels(poll).map((o, i) => (
            <li key={i}>{o}</li>
          ))}
          <li class="hint">{t("resultsHidden")}</li>
        </ul>
      ) : (
        <Board poll={poll} results={results} labels={labels()} maxWords={40} />
      )}
    </section>
  );
}
