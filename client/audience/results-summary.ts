// Results as one sentence for a screen reader: read when the person asks, or when the poll closes,
// never on every tick (a live region that spoke at each vote would drown everything else).
import type { PollView, Results } from "../../shared/model";
import { fmt, fmtPercent } from "../lib/i18n";
import { optionLabels, percent, scaleAverage } from "../lib/results-view";
import { t, tn } from "./strings";

export function resultsSummary(poll: PollView, results: Results): string {
  const head = `${poll.title}. ${tn("voters", results.voters)}.`;
  if (poll.kind === "wordcloud") {
    const words = (results.words ?? []).slice(0, 5);
    if (!words.length) return `${head} ${t("noAnswer")}`;
    return `${head} ${words.map((w) => `${w.text}${t("sep")}${tn("votes", w.count)}`).join(t("listSep"))}.`;
  }
  const counts = results.counts ?? [];
  const parts = optionLabels(poll).map((label, i) => {
    const count = counts[i] ?? 0;
    return `${label}${t("sep")}${tn("votes", count)}, ${fmtPercent(percent(count, results.voters))}`;
  });
  const average = poll.kind === "scale" ? scaleAverage(counts) : null;
  return `${head} ${parts.join(t("listSep"))}.${average !== null ? ` ${t("average", { value: fmt(average) })}.` : ""}`;
}
