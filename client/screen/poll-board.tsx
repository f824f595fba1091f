// A poll for the back of the room: its kind's big results (client/poll-kinds), or its options while
// results are hidden; the number of participants is announced as it changes.
import type { PollView } from "../../shared/model";
import { POLL_KINDS } from "../../shared/poll-kinds";
import { Countdown } from "../lib/countdown";
import { resultsOf } from "../lib/room-state";
import { CLIENT_KINDS, type ResultLabels } from "../poll-kinds";
import { t, tn } from "./strings";

const labels = (): ResultLabels => ({
  voters: (n) => tn("voters", n),
  votes: (n) => tn("votes", n),
  noAnswer: t("noVotes"),
});

/** What the line under the title says: a quiz names its stage. */
const stateLine = (poll: PollView): string => {
  if (poll.closesAt) return poll.status === "closed" ? t("quizClosed") : t("quizOpen");
  return poll.status === "closed" ? t("pollClosed") : t("pollOpen");
};

const secondsLabel = (n: number): string => (n === 0 ? t("timeUp") : tn("secondsLeft", n));

export function PollBoard({ poll, offsetMs }: { poll: PollView; offsetMs: number }) {
  const results = resultsOf(poll);
  const { Board } = CLIENT_KINDS[poll.kind];
  const counting = poll.status === "open" && poll.closesAt !== undefined;
  return (
    <section class={poll.closesAt ? "poll-board quiz" : "poll-board"} aria-labelledby="poll-title">
      {counting && poll.closesAt && (
        <Countdown closesAt={poll.closesAt} timeLimit={poll.timeLimit ?? 30} offsetMs={offsetMs} label={secondsLabel} />
      )}
      <div class="poll-head">
        <h2 id="poll-title" class="poll-title">
          {poll.title}
        </h2>
        <p class={`poll-state ${poll.status}`}>
          {stateLine(poll)}
          {results && (
            <span role="status" class="voters">
              {" · "}
              {tn("voters", results.voters)}
            </span>
          )}
        </p>
      </div>
      {!results ? (
        <ul class={poll.closesAt ? "options-only quiz-options" : "options-only"}>
          {POLL_KINDS[poll.kind].labels(poll).map((o, i) => (
            <li key={i}>{o}</li>
          ))}
          {/* A quiz's results are its reveal, at the close: nothing to say meanwhile. */}
          {!poll.closesAt && <li class="hint">{t("resultsHidden")}</li>}
        </ul>
      ) : (
        <Board poll={poll} results={results} labels={labels()} maxWords={40} />
      )}
    </section>
  );
}
