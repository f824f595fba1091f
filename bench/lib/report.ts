// Figures, their targets and verdicts: one Markdown table on stdout and one JSON file.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Machine } from "./proc.js";
import { round } from "./stats.js";

export interface Target {
  op: "<=" | ">=";
  value: number;
  /** The target applies to value / baseline (e.g. ≥ 0.6× bare Fastify). */
  onRatio?: boolean;
}

export interface Figure {
  scenario: string;
  name: string;
  unit: string;
  /** Tribune's figure; null when it could not be measured. */
  value: number | null;
  /** The same figure on the bare server (Fastify hello-world or bare Socket.IO). */
  baseline?: number | null;
  target?: Target;
  /** What limited the figure, when the bench could tell. */
  note?: string;
}

export interface JudgedFigure extends Figure {
  ratio: number | null;
  pass: boolean | null;
}

export interface ScenarioOutcome {
  name: string;
  status: "ok" | "not available" | "failed";
  reason?: string;
  seconds: number;
  /** The most CPU other processes took during a measured phase, % of a core. */
  othersCpu?: number;
  figures: Figure[];
  /** Everything measured, for the JSON file. */
  details?: unknown;
}

/** Adds a scenario's figure to `figures`: a value, and its bare baseline, target and note where given. */
export const figureAdder =
  (figures: Figure[], scenario: string) =>
  (name: string, unit: string, value: number, baseline?: number, target?: Figure["target"], note?: string): void => {
    figures.push({
      scenario,
      name,
      unit,
      value,
      ...(baseline !== undefined ? { baseline } : {}),
      ...(target ? { target } : {}),
      ...(note ? { note } : {}),
    });
  };

export function judge(figure: Figure): JudgedFigure {
  const ratio =
    figure.value !== null && figure.baseline !== undefined && figure.baseline !== null && figure.baseline !== 0
      ? figure.value / figure.baseline
      : null;
  let pass: boolean | null = null;
  const t = figure.target;
  const subject = t?.onRatio ? ratio : figure.value;
  if (t && subject !== null && Number.isFinite(subject)) pass = t.op === "<=" ? subject <= t.value : subject >= t.value;
  return { ...figure, ratio, pass };
}

const show = (v: number | null | undefined): string => {
  if (v === null || v === undefined) return "—";
  if (Number.isNaN(v)) return "n/a";
  const r = round(v);
  return Math.abs(r) >= 10_000 ? r.toLocaleString("en-US") : String(r);
};

const showTarget = (f: Figure): string => {
  if (!f.target) return "";
  const op = f.target.op === "<=" ? "≤" : "≥";
  return f.target.onRatio ? `${op} ${f.target.value}× baseline` : `${op} ${show(f.target.value)}`;
};

export function markdown(outcomes: ScenarioOutcome[]): string {
  const lines = ["| scenario | figure | Tribune | bare baseline | ratio | target | result |", "|---|---|---:|---:|---:|---|---|"];
  for (const outcome of outcomes) {
    if (outcome.status !== "ok") {
      lines.push(`| ${outcome.name} | ${outcome.status} | | | | | ${(outcome.reason ?? "").replace(/\|/g, "/").slice(0, 200)} |`);
    }
    for (const f of outcome.figures.map(judge)) {
      const result = f.pass === null ? "" : f.pass ? "pass" : "**FAIL**";
      lines.push(
        `| ${f.scenario} | ${f.name}${f.unit ? ` (${f.unit})` : ""} | ${show(f.value)} | ${show(f.baseline)} | ${
          f.ratio === null ? "" : `${round(f.ratio)}×`
        } | ${showTarget(f)} | ${result}${f.note ? ` ${f.note}` : ""} |`,
      );
    }
  }
  return lines.join("\n");
}

export interface Report {
  mode: string;
  startedAt: string;
  finishedAt: string;
  machine: Machine;
  options: unknown;
  verdict: { pass: number; fail: number; untargeted: number; notAvailable: string[]; failedScenarios: string[] };
  scenarios: (Omit<ScenarioOutcome, "figures"> & { figures: JudgedFigure[] })[];
}

export function buildReport(
  mode: string,
  startedAt: Date,
  machine: Machine,
  options: unknown,
  outcomes: ScenarioOutcome[],
): Report {
  const scenarios = outcomes.map((o) => ({ ...o, figures: o.figures.map(judge) }));
  const all = scenarios.flatMap((s) => s.figures);
  return {
    mode,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine,
    options,
    verdict: {
      pass: all.filter((f) => f.pass === true).length,
      fail: all.filter((f) => f.pass === false).length,
      untargeted: all.filter((f) => f.pass === null).length,
      notAvailable: scenarios.filter((s) => s.status === "not available").map((s) => s.name),
      failedScenarios: scenarios.filter((s) => s.status === "failed").map((s) => s.name),
    },
    scenarios,
  };
}

/** Writes <dir>/<stamp>-<mode>.json and .md; returns the JSON path. */
export function writeReport(dir: string, report: Report, table: string): string {
  mkdirSync(dir, { recursive: true });
  const stamp = report.startedAt.replace(/[:.]/g, "-").slice(0, 19);
  const base = join(dir, `${stamp}-${report.mode}`);
  writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
  const m = report.machine;
  const head = `# Tribune bench, ${report.mode}, ${report.startedAt}\n\n${m.cpuModel} × ${m.cpus}, ${m.memoryGb} GB, ${m.platform} ${m.release}, Node ${m.node}, commit ${m.commit?.slice(0, 10) ?? "?"}${m.dirty ? " (with uncommitted changes)" : ""}\n\n`;
  writeFileSync(`${base}.md`, `${head}${table}\n`);
  return `${base}.json`;
}
