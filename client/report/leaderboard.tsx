// A session's quiz leaderboard in the report: a podium drawn as SVG (the three best, the first in
// the middle) and the top 10 as a table beside it. Empty once retention erased the nicknames.
import type { Leaderboard, LeaderboardEntry } from "../../shared/model";
import { fmt } from "../lib/i18n";
import { ChartFrame, FigureTable } from "./charts/frame";
import { t, tn } from "./strings";

const WIDTH = 480;
const HEIGHT = 220;
const STEP = 140;
/** Podium places left to right: second, first, third; their step heights. */
const PLACES = [
  { index: 1, height: 90 },
  { index: 0, height: 130 },
  { index: 2, height: 60 },
];

/** Cuts a nickname for the drawing only; the table beside it has it whole. */
const short = (text: string, max = 14): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function Podium({ entries, title }: { entries: LeaderboardEntry[]; title: string }) {
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-label={t("chartOf", { title })}>
      {PLACES.map(({ index, height }, place) => {
        const entry = entries[index];
        if (!entry) return null;
        const x = 30 + place * (STEP + 10);
        const y = HEIGHT - height;
        return (
          <g key={index}>
            <rect x={x} y={y} width={STEP} height={height} class="chart-bar" rx="3" />
            <text x={x + STEP / 2} y={y + 26} class="podium-rank" text-anchor="middle">
              {entry.rank}
            </text>
            <text x={x + STEP / 2} y={y - 28} class="chart-label" text-anchor="middle">
              {short(entry.nickname)}
            </text>
            <text x={x + STEP / 2} y={y - 10} class="chart-value" text-anchor="middle">
              {fmt(entry.score)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function QuizLeaderboard({ board }: { board: Leaderboard }) {
  const title = t("leaderboard");
  if (board.entries.length === 0) return <p class="hint">{t("noLeaderboard")}</p>;
  return (
    <>
      <p class="poll-meta">{tn("players", board.players)}</p>
      <ChartFrame
        chart={<Podium entries={board.entries} title={title} />}
        table={
          <FigureTable
            title={title}
            head={[t("rank"), t("nickname"), t("score")]}
            rows={board.entries.map((e) => [fmt(e.rank), e.nickname, fmt(e.score)])}
          />
        }
      />
    </>
  );
}
