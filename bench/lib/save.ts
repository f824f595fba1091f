// A standalone scenario's figures (bench/similarity.ts, bench/report.ts), with the commit and the
// Node version they were measured on, into bench/results/<time>-<scenario>.json and .md.
import { execSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const commit = (): string => {
  try {
    return execSync("git rev-parse --short HEAD", { encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
};

/** Writes `figures` as JSON and `table` (Markdown) under the heading `title`. */
export function saveScenario(scenario: string, title: string, figures: unknown, table: string): void {
  const dir = join(import.meta.dirname, "..", "results");
  mkdirSync(dir, { recursive: true });
  const at = new Date().toISOString();
  const stamp = at.replace(/:/g, "-").replace(/\..*/, "");
  const report = { scenario, at, node: process.version, commit: commit(), figures };
  writeFileSync(join(dir, `${stamp}-${scenario}.json`), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(
    join(dir, `${stamp}-${scenario}.md`),
    `# ${title} (${at}, ${report.commit}, Node ${process.version})\n\n${table}\n`,
  );
}
