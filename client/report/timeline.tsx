// A session's activity over time: participants connected as a line, minute by minute, and the
// same minutes as a table (grouped by quarter of an hour past 48 rows, so a day stays readable).
import type { TimelinePoint } from "../../shared/model";
import { fmt } from "../lib/i18n";
import { ChartFrame, FigureTable } from "./charts/frame";
import { t } from "./strings";
import { clock } from "./when";

const W = 480;
const H = 180;
const PAD = { left: 36, right: 8, top: 10, bottom: 24 };
const MAX_ROWS = 48;
const QUARTER = 15 * 60_000;

/** Minutes grouped by quarter hour: counts added, participants at their highest. */
export function tableRows(points: TimelinePoint[]): TimelinePoint[] {
  if (points.length <= MAX_ROWS) return points;
  const groups = new Map<number, TimelinePoint>();
  for (const p of points) {
    const start = Math.floor(Date.parse(p.at) / QUARTER) * QUARTER;
    const g = groups.get(start) ?? { at: new Date(start).toISOString(), participants: 0, votes: 0, questions: 0, reactions: 0 };
    g.participants = Math.max(g.participants, p.participants);
    g.votes += p.votes;
    g.questions += p.questions;
    g.reactions += p.reactions;
    groups.set(start, g);
  }
  return [...groups.values()];
}

export function Timeline({ points, timeZone }: { points: TimelinePoint[]; timeZone?: string | undefined }) {
  if (points.length === 0) return null;
  const times = points.map((p) => Date.parse(p.at));
  const first = Math.min(...times);
  const span = Math.max(60_000, Math.max(...times) - first);
  const most = Math.max(1, ...points.map((p) => p.participants));
  const x = (at: number) => PAD.left + ((W - PAD.left - PAD.right) * (at - first)) / span;
  const y = (n: number) => H - PAD.bottom - ((H - PAD.top - PAD.bottom) * n) / most;
  const line = points.map((p, i) => `${i === 0 ? "M" : "L"}${x(times[i]!).toFixed(1)},${y(p.participants).toFixed(1)}`).join(" ");
  const title = t("timelineChart");
  return (
    <ChartFrame
      chart={
        <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={title}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} class="chart-axis" />
          <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={y(0)} class="chart-axis" />
          <text x={PAD.left - 6} y={y(most)} class="chart-label" text-anchor="end" dominant-baseline="middle">
            {fmt(most)}
          </text>
          <text x={PAD.left - 6} y={y(0)} class="chart-label" text-anchor="end" dominant-baseline="middle">
            0
          </text>
          <text x={PAD.left} y={H - 6} class="chart-label">
            {clock(points[0]!.at, timeZone)}
          </text>
          <text x={W - PAD.right} y={H - 6} class="chart-label" text-anchor="end">
            {clock(points[points.length - 1]!.at, timeZone)}
          </text>
          <path d={line} class="chart-line" />
          {points.length === 1 && <circle cx={x(times[0]!)} cy={y(points[0]!.participants)} r="4" class="chart-dot" />}
        </svg>
      }
      table={
        <FigureTable
          title={t("timeline")}
          head={[t("minute"), t("participants"), t("votes"), t("questions"), t("reactions")]}
          rows={tableRows(points).map((p) => [
            clock(p.at, timeZone),
            fmt(p.participants),
            fmt(p.votes),
            fmt(p.questions),
            fmt(p.reactions),
          ])}
        />
      }
    />
  );
}
