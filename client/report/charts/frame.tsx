// A chart and its table side by side (one above the other on a phone): the table carries the
// same figures for screen readers and for those who prefer numbers.
import type { ComponentChildren } from "preact";
import { t } from "../strings";

export function ChartFrame({ chart, table }: { chart: ComponentChildren; table: ComponentChildren }) {
  return (
    <div class="chart-pair">
      <figure class="chart">{chart}</figure>
      <div class="figures">{table}</div>
    </div>
  );
}

/** A table of figures: the first cell of each row is its header. */
export function FigureTable({ title, head, rows }: { title: string; head: string[]; rows: string[][] }) {
  return (
    <table>
      <caption>{t("figuresOf", { title })}</caption>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([first, ...rest], i) => (
          <tr key={i}>
            <th scope="row">{first}</th>
            {rest.map((cell, j) => (
              <td key={j}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
