// A poll for the back of the room: big bars with counts and percentages, the scale's average,
// or a word cloud; the number of participants is announced as it changes.
import type { PollView } from "../../shared/model";
import { fmt, fmtPercent } from "../lib/i18n";
import { optionLabels, percent, scaleAverage } from "../lib/results-view";
import { resultsOf } from "../lib/room-state";
import { t, tn } from "./strings";
import { WordCloud } from "./word-cloud";

export function PollBoard({ poll }: { poll: PollView }) {
  const results = resultsOf(poll);
  const hasCounts = !!results?.counts;
  const average = poll.kind === "scale" && results?.counts ? scaleAverage(results.counts) : null;
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
          {optionLabels(poll).map((o, i) => (
            <li key={i}>{o}</li>
          ))}
          <li class="hint">{t("resultsHidden")}</li>
        </ul>
      ) : poll.kind === "wordcloud" ? (
        <WordCloud words={results.words ?? []} />
      ) : poll.kind === "scale" && hasCounts ? (
        <div class="scale-board">
          <div class="average">
            <span class="average-label">{t("average")}</span>
            <span class="average-value">{average === null ? "–" : fmt(average)}</span>
            <span class="average-label">{t("outOf")}</span>
          </div>
          <ol class="columns">
            {(results.counts ?? []).map((count, i) => {
              const pct = percent(count, results.voters);
              return (
                <li key={i} data-count={count}>
                  <span class="col-count">
                    {fmt(count)} <span class="pct">{fmtPercent(pct)}</span>
                  </span>
                  <span class="col-track" aria-hidden="true">
                    <span class="col-fill" style={{ transform: `scaleY(${pct / 100})` }} />
                  </span>
                  <span class="col-label">{i + 1}</span>
                </li>
              );
            })}
          </ol>
        </div>
      ) : (
        <ul class="big-bars">
          {poll.options.map((option, i) => {
            const count = results.counts?.[i] ?? 0;
            const pct = percent(count, results.voters);
            return (
              <li key={i} data-count={count}>
                <div class="big-label">
                  <span class="option">{option}</span>
                  <span class="figures">
                    <strong>{fmtPercent(pct)}</strong> <span class="count">({tn("votes", count)})</span>
                  </span>
                </div>
                <div class="big-track" aria-hidden="true">
                  <div class="big-fill" style={{ transform: `scaleX(${pct / 100})` }} />
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {results && results.voters === 0 && poll.kind !== "wordcloud" && <p class="hint waiting">{t("noVotes")}</p>}
    </section>
  );
}
