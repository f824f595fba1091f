// Horizontal bars as SVG with their table: choices, multiple choices and rankings.
import { fmt, fmtPercent } from "../../lib/i18n";
import { t } from "../strings";
import { ChartFrame, FigureTable } from "./frame";

export interface BarRow {
  label: string;
  value: number;
  /** 0–100: the bar's length and the share written in the table. */
  pct: number;
}

const ROW = 28;
const WIDTH = 480;
const LABEL = 200;

/** Cuts a label for the drawing only; the table beside it has it whole. */
const short = (text: string, max = 26): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function BarChart({ title, rows, valueName }: { title: string; rows: BarRow[]; valueName: string }) {
  const height = rows.length * ROW + 8;
  const track = WIDTH - LABEL - 70;
  return (
    <ChartFrame
      chart={
        <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-label={t("chartOf", { title })}>
          {rows.map((row, i) => {
            const y = i * ROW + 4;
            return (
              <g key={i}>
                <text x={LABEL - 8} y={y + ROW / 2 + 1} class="chart-label" text-anchor="end" dominant-baseline="middle">
                  {short(row.label)}
                </text>
                <rect x={LABEL} y={y + 4} width={track} height={ROW - 10} class="chart-track" rx="3" />
                <rect x={LABEL} y={y + 4} width={(track * row.pct) / 100} height={ROW - 10} class="chart-bar" rx="3" />
                <text x={LABEL + track + 6} y={y + ROW / 2 + 1} class="chart-value" dominant-baseline="middle">
                  {fmt(row.value)}
                </text>
              </g>
            );
          })}
        </svg>
      }
      table={
        <FigureTable
          title={title}
          head={[t("option"), valueName, t("share")]}
          rows={rows.map((row) => [row.label, fmt(row.value), fmtPercent(row.pct)])}
        />
      }
    />
  );
}
