// A scale from 1 to 5: five large buttons; results as five bars (columns on the screen) and an average.
import { fmt, fmtPercent, translator } from "../lib/i18n";
import type { BallotProps, ClientPollKind } from "./kind";
import { Bars, barsSentence, countBars, percent, spokenVotes, votesAndPercent } from "./parts";

const { t } = translator({
  en: {
    name: "Scale from 1 to 5",
    hint: "Choose from 1 (not at all) to 5 (completely).",
    low: "1: not at all",
    high: "5: completely",
    average: "average {value} / 5",
    averageTitle: "Average",
    outOf: "out of 5",
  },
  fr: {
    name: "Échelle de 1 à 5",
    hint: "Choisissez de 1 (pas du tout) à 5 (tout à fait).",
    low: "1\u202f: pas du tout",
    high: "5\u202f: tout à fait",
    average: "moyenne {value} / 5",
    averageTitle: "Moyenne",
    outOf: "sur 5",
  },
});

const VALUES = ["1", "2", "3", "4", "5"];

/** Average of a 1–5 scale from its five counts, one decimal, or null without votes. */
export function scaleAverage(counts: number[]): number | null {
  let sum = 0;
  let n = 0;
  counts.forEach((c, i) => {
    sum += c * (i + 1);
    n += c;
  });
  return n ? Math.round((sum / n) * 10) / 10 : null;
}

function Ballot({ poll, current, onVote }: BallotProps) {
  return (
    <div>
      <fieldset class="scale" aria-describedby="poll-hint">
        <legend class="vh">{poll.title}</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <button key={n} type="button" class="choice" aria-pressed={current === n} onClick={() => onVote(n)}>
            {n}
          </button>
        ))}
      </fieldset>
      <p class="scale-ends hint" aria-hidden="true">
        <span>{t("low")}</span>
        <span>{t("high")}</span>
      </p>
    </div>
  );
}

export const scale: ClientPollKind = {
  name: () => t("name"),
  hint: () => t("hint"),
  Ballot,
  Results: ({ results, labels, Voters }) => {
    const average = scaleAverage(results.counts ?? []);
    return (
      <>
        <Voters extra={average !== null && <> · {t("average", { value: fmt(average) })}</>} />
        <Bars bars={countBars(VALUES, results.counts, results.voters)} figures={votesAndPercent(labels)} />
      </>
    );
  },
  summary: (_poll, results, labels) => {
    const average = scaleAverage(results.counts ?? []);
    const bars = barsSentence(countBars(VALUES, results.counts, results.voters), spokenVotes(labels));
    return average === null ? bars : `${bars}. ${t("average", { value: fmt(average) })}`;
  },
  Board: ({ results, labels }) => {
    const average = scaleAverage(results.counts ?? []);
    return (
      <>
        <div class="scale-board">
          <div class="average">
            <span class="average-label">{t("averageTitle")}</span>
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
        {results.voters === 0 && <p class="hint waiting">{labels.noAnswer}</p>}
      </>
    );
  },
};
