// The open poll: its ballot, the person's answer and its fate, live results when visible.
import type { Choice, PollView, RoomState } from "../../shared/model";
import type { Action } from "../lib/offline-queue";
import { ResultsView } from "../lib/results-view";
import { resultsOf } from "../lib/room-state";
import type { Link } from "../lib/socket";
import { CLIENT_KINDS } from "../poll-kinds";
import { hasQuiz, NicknameForm, QuizClock, QuizOutcome } from "./quiz-parts";
import { resultLabels, resultsSummary } from "./results-summary";
import type { AudienceSession } from "./session";
import { t } from "./strings";

function lastClosedWithResults(state: RoomState): PollView | undefined {
  for (let i = state.polls.length - 1; i >= 0; i--) {
    const p = state.polls[i]!;
    if (p.status === "closed" && p.results) return p;
  }
  return undefined;
}

export function PollPanel({
  state,
  outbox,
  link,
  session,
  say,
  offsetMs,
  players,
}: {
  state: RoomState;
  outbox: readonly Action[];
  link: Link;
  session: AudienceSession;
  /** Speaks a sentence through the page's polite live region. */
  say: (text: string) => void;
  /** This phone's clock to the server's, for a quiz's countdown. */
  offsetMs: number;
  /** Ranked quiz players, from the last leaderboard (null before any). */
  players: number | null;
}) {
  const poll = state.polls.find((p) => p.status === "open");
  const quizzing = hasQuiz(state) && <NicknameForm session={session} state={state} />;
  if (!poll) {
    const closed = lastClosedWithResults(state);
    return (
      <section aria-labelledby="poll-title" class="stack">
        <h2 id="poll-title" class="vh">
          {t("tabPoll")}
        </h2>
        <p class="empty-state">{t("noPoll")}</p>
        {closed?.results && (
          <div class="card">
            <p class="badge">{t("pollClosed")}</p>
            <h3>{closed.title}</h3>
            <QuizOutcome poll={closed} state={state} players={players} />
            <ResultsView poll={closed} results={closed.results} labels={resultLabels()} />
          </div>
        )}
        {quizzing}
      </section>
    );
  }

  const kind = CLIENT_KINDS[poll.kind];
  const results = resultsOf(poll);
  const queued = outbox.find((a): a is Extract<Action, { kind: "vote" }> => a.kind === "vote" && a.pollId === poll.id);
  const stored = state.me?.ballots[poll.id];
  const current: Choice | undefined = queued?.choice ?? stored;
  const status = queued
    ? link === "online"
      ? t("voteSending")
      : t("votePending")
    : stored !== undefined
      ? typeof stored === "string"
        ? t("votedWord", { word: stored })
        : poll.closesAt
          ? t("quizFinal")
          : t("voted")
      : "";

  return (
    <section aria-labelledby="poll-title" class="stack">
      <div>
        <h2 id="poll-title" class="poll-title">
          {poll.title}
        </h2>
        <p class="hint" id="poll-hint">
          {kind.hint()}
        </p>
        <QuizClock poll={poll} offsetMs={offsetMs} />
      </div>
      <kind.Ballot
        key={poll.id}
        poll={poll}
        current={current}
        onVote={(choice) => session.act({ kind: "vote", pollId: poll.id, choice })}
      />
      <p class={`vote-status${status ? (queued ? " notice" : " notice ok") : ""}`} role="status">
        {status}
      </p>
      {quizzing}
      <section aria-labelledby="results-title" class="card">
        <h3 id="results-title">{t("results")}</h3>
        {results ? (
          <>
            <ResultsView poll={poll} results={results} labels={resultLabels()} />
            <button type="button" class="btn read-results" onClick={() => say(resultsSummary(poll, results))}>
              {t("readResults")}
            </button>
          </>
        ) : (
          <p class="hint">{t("resultsHidden")}</p>
        )}
      </section>
    </section>
  );
}
