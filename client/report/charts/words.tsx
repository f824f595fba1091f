// A word cloud, laid out by the page: words sized by their count, in rows, most frequent first;
// and an open question's answers, listed (there is nothing to chart in free text).
import { fmt } from "../../lib/i18n";
import { t } from "../strings";
import type { ReportChart } from "./chart";
import { ChartFrame, FigureTable } from "./frame";

const W = 480;
const SHOWN = 40;

interface Placed {
  text: string;
  size: number;
  x: number;
  y: number;
}

/** Rows of words, left to right, a new row when the next word does not fit. Widths are estimated. */
function layout(words: { text: string; count: number }[]): { placed: Placed[]; height: number } {
  const most = Math.max(1, ...words.map((w) => w.count));
  const placed: Placed[] = [];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const word of words) {
    const size = Math.round(12 + 24 * Math.sqrt(word.count / most));
    const width = Math.min(W, word.text.length * size * 0.68 + 14);
    if (x + width > W && x > 0) {
      y += rowHeight + 6;
      x = 0;
      rowHeight = 0;
    }
    rowHeight = Math.max(rowHeight, size);
    placed.push({ text: word.text, size, x, y: y + size });
    x += width;
  }
  return { placed, height: y + rowHeight + 8 };
}

export const WordCloudChart: ReportChart = ({ poll }) => {
  const words = (poll.results.words ?? []).slice(0, SHOWN);
  if (words.length === 0) return <p class="hint">{t("noAnswer")}</p>;
  const { placed, height } = layout(words);
  return (
    <ChartFrame
      chart={
        <svg viewBox={`0 0 ${W} ${height}`} width="100%" role="img" aria-label={t("chartOf", { title: poll.title })}>
          {placed.map((w, i) => (
            <text key={w.text} x={w.x} y={w.y} font-size={w.size} class={`chart-word w${i % 3}`}>
              {w.text}
            </text>
          ))}
        </svg>
      }
      table={<FigureTable title={poll.title} head={[t("word"), t("count")]} rows={words.map((w) => [w.text, fmt(w.count)])} />}
    />
  );
};

export const OpenAnswersList: ReportChart = ({ poll }) => {
  const answers = poll.results.answers ?? [];
  if (answers.length === 0) return <p class="hint">{t("noAnswer")}</p>;
  return (
    <ul class="open-answers" aria-label={t("answers")}>
      {answers.map((a) => (
        <li key={a.id}>{a.text}</li>
      ))}
    </ul>
  );
};
