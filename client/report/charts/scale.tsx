// A 1–5 scale: five columns and the average, drawn as a dashed line across them.
import { fmt, fmtPercent } from "../../lib/i18n";
import { percent } from "../../poll-kinds/parts";
import { scaleAverage } from "../../poll-kinds/scale";
import { t } from "../strings";
import type { ReportChart } from "./chart";
import { ChartFrame, FigureTable } from "./frame";

const W = 360;
const H = 200;
const BASE = 170;
const TOP = 44;
const COL = 48;

export const ScaleChart: ReportChart = ({ poll }) => {
  const { counts = [0, 0, 0, 0, 0], voters } = poll.results;
  const average = scaleAverage(counts);
  const most = Math.max(1, ...counts);
  const step = W / 5;
  const averageX = average === null ? null : step * (average - 0.5);
  return (
    <ChartFrame
      chart={
        <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={t("chartOf", { title: poll.title })}>
          {counts.map((count, i) => {
            const h = ((BASE - TOP) * count) / most;
            const x = step * i + (step - COL) / 2;
            return (
              <g key={i}>
                <rect x={x} y={BASE - h} width={COL} height={h} class="chart-bar" rx="3" />
                <text x={x + COL / 2} y={BASE - h - 5} class="chart-value" text-anchor="middle">
                  {fmt(count)}
                </text>
                <text x={x + COL / 2} y={BASE + 20} class="chart-label" text-anchor="middle">
                  {i + 1}
                </text>
              </g>
            );
          })}
          <line x1="0" x2={W} y1={BASE} y2={BASE} class="chart-axis" />
          {averageX !== null && (
            <g>
              <line x1={averageX} x2={averageX} y1={20} y2={BASE} class="chart-average" />
              <text x={Math.min(W - 60, Math.max(60, averageX))} y={14} class="chart-value" text-anchor="middle">
                {t("average")} {fmt(average as number)}
              </text>
            </g>
          )}
        </svg>
      }
      table={
        <FigureTable
          title={poll.title}
          head={[t("value"), t("count"), t("share")]}
          rows={[
            ...counts.map((count, i) => [String(i + 1), fmt(count), fmtPercent(percent(count, voters))]),
            [t("average"), average === null ? "–" : fmt(average), ""],
          ]}
        />
      }
    />
  );
};
