// A strict reader of Prometheus' text exposition format (version 0.0.4), for tests: it throws
// on any line the format does not allow, on a sample of an undeclared family, and on histograms
// whose buckets are not cumulative or whose +Inf bucket differs from _count.

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Exposition {
  /** Family name → type (counter, gauge, histogram, summary, untyped). */
  types: Map<string, string>;
  samples: Sample[];
}

const NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
const LABEL = '([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\\\\n]|\\\\[\\\\"n])*)"';
const SAMPLE_RE = new RegExp(`^(${NAME})(?:\\{(.*)\\})? (\\S+)(?: (-?\\d+))?$`);
const LABEL_RE = new RegExp(`^${LABEL}(?:,|$)`);
const TYPE_RE = new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`);
const HELP_RE = new RegExp(`^# HELP (${NAME}) .*$`);

/** Values are read as Go's strconv.ParseFloat reads them (Prometheus does): NaN and Inf in any case. */
function parseValue(text: string, line: string): number {
  if (/^\+?inf(inity)?$/i.test(text)) return Number.POSITIVE_INFINITY;
  if (/^-inf(inity)?$/i.test(text)) return Number.NEGATIVE_INFINITY;
  if (/^nan$/i.test(text)) return Number.NaN;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) throw new Error(`bad value in: ${line}`);
  return Number(text);
}

function parseLabels(text: string, line: string): Record<string, string> {
  const labels: Record<string, string> = {};
  let rest = text;
  while (rest.length > 0) {
    const match = LABEL_RE.exec(rest);
    if (!match) throw new Error(`bad labels in: ${line}`);
    const [whole, name, value] = match as unknown as [string, string, string];
    if (name in labels) throw new Error(`repeated label ${name} in: ${line}`);
    labels[name] = value.replace(/\\n/g, "\n").replace(/\\"/g, '"').replace(/\\\\/g, "\\");
    rest = rest.slice(whole.length);
  }
  return labels;
}

/** The family a sample belongs to: histograms' and summaries' samples carry a suffix. */
function familyOf(name: string, types: Map<string, string>): string | undefined {
  if (types.has(name)) return name;
  for (const suffix of ["_bucket", "_sum", "_count"]) {
    if (!name.endsWith(suffix)) continue;
    const base = name.slice(0, -suffix.length);
    const type = types.get(base);
    if (type === "histogram" || (type === "summary" && suffix !== "_bucket")) return base;
  }
  return undefined;
}

export function parsePrometheus(text: string): Exposition {
  if (!text.endsWith("\n")) throw new Error("the exposition must end with a line feed");
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  for (const line of text.slice(0, -1).split("\n")) {
    if (line === "") continue;
    const type = TYPE_RE.exec(line);
    if (type) {
      if (types.has(type[1]!)) throw new Error(`family declared twice: ${type[1]}`);
      types.set(type[1]!, type[2]!);
      continue;
    }
    if (HELP_RE.test(line)) continue;
    if (line.startsWith("#")) {
      if (/^# (HELP|TYPE)\b/.test(line)) throw new Error(`bad comment line: ${line}`);
      continue;
    }
    const match = SAMPLE_RE.exec(line);
    if (!match) throw new Error(`bad sample line: ${line}`);
    const [, name, labels, value] = match as unknown as [string, string, string | undefined, string];
    if (!familyOf(name, types)) throw new Error(`sample of an undeclared family: ${line}`);
    samples.push({ name, labels: labels ? parseLabels(labels, line) : {}, value: parseValue(value, line) });
  }
  checkHistograms(types, samples);
  return { types, samples };
}

function checkHistograms(types: Map<string, string>, samples: Sample[]): void {
  for (const [family, type] of types) {
    if (type !== "histogram") continue;
    const series = new Map<string, { buckets: [number, number][]; count?: number }>();
    const keyOf = (labels: Record<string, string>) =>
      JSON.stringify(
        Object.entries(labels)
          .filter(([k]) => k !== "le")
          .sort(),
      );
    for (const s of samples) {
      if (s.name !== `${family}_bucket` && s.name !== `${family}_count`) continue;
      const key = keyOf(s.labels);
      const entry = series.get(key) ?? { buckets: [] };
      series.set(key, entry);
      if (s.name.endsWith("_count")) entry.count = s.value;
      else {
        if (s.labels.le === undefined) throw new Error(`${family}: a bucket without le`);
        entry.buckets.push([parseValue(s.labels.le, s.name), s.value]);
      }
    }
    for (const [key, { buckets, count }] of series) {
      const sorted = [...buckets].sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < sorted.length; i++)
        if (sorted[i]![1] < sorted[i - 1]![1]) throw new Error(`${family}${key}: buckets not cumulative`);
      const inf = sorted.at(-1);
      if (!inf || inf[0] !== Number.POSITIVE_INFINITY) throw new Error(`${family}${key}: no +Inf bucket`);
      if (inf[1] !== count) throw new Error(`${family}${key}: +Inf bucket ${inf[1]} differs from _count ${count}`);
    }
  }
}

/** The value of the one sample named `name` whose labels include `labels` (undefined: none). */
export function sampleValue(exposition: Exposition, name: string, labels: Record<string, string> = {}): number | undefined {
  const found = exposition.samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  if (found.length > 1) throw new Error(`${name} ${JSON.stringify(labels)} matches ${found.length} samples`);
  return found[0]?.value;
}
