// Every poll kind as the report draws it. A Record over PollKind: a kind left out is a type error.
import type { PollKind } from "../../../shared/model";
import type { ReportChart } from "./chart";
import { ChoiceChart, RankingChart } from "./choices";
import { ScaleChart } from "./scale";
import { OpenAnswersList, WordCloudChart } from "./words";

export const REPORT_CHARTS: Record<PollKind, ReportChart> = {
  single: ChoiceChart,
  multiple: ChoiceChart,
  ranking: RankingChart,
  scale: ScaleChart,
  wordcloud: WordCloudChart,
  open: OpenAnswersList,
};
