// Choices (single, multiple) and rankings: one bar per option. A ranking's bars are its Borda
// points, highest first, as its results on the screen are.
import { percent } from "../../poll-kinds/parts";
import { t } from "../strings";
import { BarChart, type BarRow } from "./bars";
import type { ReportChart } from "./chart";

/** Votes per option, in the poll's order; shares of the voters (a multiple choice may pass 100 % in total). */
export const ChoiceChart: ReportChart = ({ poll }) => {
  const { counts = [], voters } = poll.results;
  const rows: BarRow[] = poll.options.map((label, i) => ({ label, value: counts[i] ?? 0, pct: percent(counts[i] ?? 0, voters) }));
  return <BarChart title={poll.title} rows={rows} valueName={t("count")} />;
};

/** Borda points per option, most first; shares of the most points an option could get. */
export const RankingChart: ReportChart = ({ poll }) => {
  const { counts = [], voters } = poll.results;
  const most = voters * (poll.options.length - 1);
  const rows: BarRow[] = poll.options
    .map((label, i) => ({ label, value: counts[i] ?? 0, pct: percent(counts[i] ?? 0, most) }))
    .sort((a, b) => b.value - a.value);
  return <BarChart title={poll.title} rows={rows} valueName={t("points")} />;
};
