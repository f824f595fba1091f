// What the report draws of one poll: a chart made by the page (SVG) and the same figures as a
// table beside it. One module per kind, collected in a Record over PollKind (charts/index.ts):
// a new kind is a type error here until it brings its own chart.
import type { ComponentType } from "preact";
import type { Poll, Results } from "../../../shared/model";

export interface ReportChartProps {
  poll: Poll & { results: Results };
}

export type ReportChart = ComponentType<ReportChartProps>;
