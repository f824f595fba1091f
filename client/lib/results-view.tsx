// Results of a poll as bars with counts and percentages (phone and console), or top words.
import type { Poll, Results } from "../../shared/model";
import { fmt, fmtPercent } from "./i18n";

export interface ResultLabels {
  voters: (n: number) => string;
  average: (value: string) => string;
  votes: (n: number) => string;
  noAnswer: string;
}

export const percent = (count: number, total: number): number => (total > 0 ? Math.round((count / total) * 100) : 0);

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

export function optionLabels(poll: Poll): string[] {
  return poll.kind === "scale" ? ["1", "2", "3", "4", "5"] : poll.options;
}

export function ResultsView({
  poll,
  results,
  labels,
  maxWords = 12,
  live = false,
}: {
  poll: Poll;
  results: Results;
  labels: ResultLabels;
  maxWords?: number;
  /** Announces the number of voters as it changes. */
  live?: boolean;
}) {
  const total = results.voters;
  const liveAttrs = live ? ({ "aria-live": "polite", "aria-atomic": "true" } as const) : {};
  if (poll.kind === "wordcloud") {
    const words = (results.words ?? []).slice(0, maxWords);
    return (
      <div class="results">
        <p class="voters" {...liveAttrs}>
          {labels.voters(total)}
        </p>
        {words.length === 0 ? (
          <p class="hint">{labels.noAnswer}</p>
        ) : (
          <ol class="words-list">
            {words.map((w) => (
              <li key={w.text}>
                <span class="word">{w.text}</span> <span class="count">{labels.votes(w.count)}</span>
              </li>
            ))}
          </ol>
        )}
      </div>
    );
  }
  const counts = results.counts ?? [];
  // Multiple choice: a person may pick several, so percentages are of voters, not of ticks.
  const average = poll.kind === "scale" ? scaleAverage(counts) : null;
  return (
    <div class="results">
      <p class="voters" {...liveAttrs}>
        {labels.voters(total)}
        {average !== null && <> · {labels.average(fmt(average))}</>}
      </p>
      <ul class="bars">
        {optionLabels(poll).map((label, i) => {
          const count = counts[i] ?? 0;
          const pct = percent(count, total);
          return (
            <li key={`${i}-${label}`}>
              <div class="bar-label">
                <span class="option">{label}</span>
                <span class="count">
                  {labels.votes(count)} · {fmtPercent(pct)}
                </span>
              </div>
              <div class="bar-track" aria-hidden="true">
                <div class="bar-fill" style={{ transform: `scaleX(${pct / 100})` }} />
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
