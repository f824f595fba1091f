// Pieces several kinds draw with: bars with figures (phone and console), big bars (screen).
import type { ComponentChildren } from "preact";
import { fmtPercent, getLang } from "../lib/i18n";
import type { ResultLabels } from "./kind";

export const percent = (count: number, total: number): number => (total > 0 ? Math.round((count / total) * 100) : 0);

export interface Bar {
  key: string;
  label: string;
  count: number;
  /** Width of the bar, 0–100. */
  pct: number;
}

/** Bars with their counts and percentages of `total`, in the order given. */
export const countBars = (labels: string[], counts: number[] | undefined, total: number): Bar[] =>
  labels.map((label, i) => {
    const count = counts?.[i] ?? 0;
    return { key: `${i}-${label}`, label, count, pct: percent(count, total) };
  });

/** Phone and console bars; `figures` writes a bar's numbers. */
export function Bars({ bars, figures }: { bars: Bar[]; figures: (bar: Bar) => string }) {
  return (
    <ul class="bars">
      {bars.map((bar) => (
        <li key={bar.key}>
          <div class="bar-label">
            <span class="option">{bar.label}</span>
            <span class="count">{figures(bar)}</span>
          </div>
          <div class="bar-track" aria-hidden="true">
            <div class="bar-fill" style={{ transform: `scaleX(${bar.pct / 100})` }} />
          </div>
        </li>
      ))}
    </ul>
  );
}

/** Bars read aloud: "label: figures; label: figures". */
export const barsSentence = (bars: Bar[], figures: (bar: Bar) => string): string =>
  bars.map((bar) => `${bar.label}${colon()}${figures(bar)}`).join(listSep());

/** French puts a narrow no-break space before a colon or a semicolon; English does not. */
export const colon = (): string => (getLang() === "fr" ? "\u202f: " : ": ");
export const listSep = (): string => (getLang() === "fr" ? "\u202f; " : "; ");

/** Votes and percentage, as a screen reader says them. */
export const spokenVotes =
  (labels: ResultLabels) =>
  (bar: Bar): string =>
    `${labels.votes(bar.count)}, ${fmtPercent(bar.pct)}`;

/** Votes and percentage, as the phone and console write them. */
export const votesAndPercent =
  (labels: ResultLabels) =>
  (bar: Bar): string =>
    `${labels.votes(bar.count)} · ${fmtPercent(bar.pct)}`;

/** The screen's bars, then a waiting line while nobody voted. */
export function BigBars({
  bars,
  voters,
  labels,
  figures,
}: {
  bars: Bar[];
  voters: number;
  labels: ResultLabels;
  figures: (bar: Bar) => ComponentChildren;
}) {
  return (
    <>
      <ul class="big-bars">
        {bars.map((bar) => (
          <li key={bar.key} data-count={bar.count}>
            <div class="big-label">
              <span class="option">{bar.label}</span>
              <span class="figures">{figures(bar)}</span>
            </div>
            <div class="big-track" aria-hidden="true">
              <div class="big-fill" style={{ transform: `scaleX(${bar.pct / 100})` }} />
            </div>
          </li>
        ))}
      </ul>
      {voters === 0 && <p class="hint waiting">{labels.noAnswer}</p>}
    </>
  );
}

/** Percentage first, votes after, as the screen writes them. */
export const bigVotes = (labels: ResultLabels) => (bar: Bar) => (
  <>
    <strong>{fmtPercent(bar.pct)}</strong> <span class="count">({labels.votes(bar.count)})</span>
  </>
);
