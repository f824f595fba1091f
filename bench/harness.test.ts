// Keeps the bench working: the whole harness at a tiny size (a few phones, a few seconds).
// It asserts that figures come out and that nothing acknowledged was lost, never a timing.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Report } from "./lib/report.js";
import { CLIENT_DIR } from "./page-weight.js";
import { parseOptions, type RunOptions, runBench } from "./run.js";

const out = mkdtempSync(join(tmpdir(), "tribune-bench-test-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("bench harness", () => {
  it("parses its command line", () => {
    const quick = parseOptions(["--quick", "--scenario", "10k,http", "--size", "300"]) as RunOptions;
    expect(quick.quick).toBe(true);
    expect(quick.scenarios).toEqual(["10k", "http"]);
    expect(quick.size).toBe(300);
    expect((parseOptions([]) as RunOptions).scenarios).toEqual([
      "http",
      "congress",
      "10k",
      "joinstorm",
      "cluster",
      "page",
      "metrics",
      "reactions",
      "quiz",
    ]);
    expect(() => parseOptions(["--scenario", "moon"])).toThrow(/unknown scenario/);
  });

  it("runs every scenario at a tiny size and loses no vote", { timeout: 240_000 }, async () => {
    const options = parseOptions([
      "--scenario",
      existsSync(join(CLIENT_DIR, "index.html"))
        ? "http,congress,10k,joinstorm,page,metrics,reactions,quiz"
        : "http,congress,10k,joinstorm,metrics,reactions,quiz",
      "--out",
      out,
      "--server",
      "source",
      "--workers",
      "2",
      "--table",
      "3",
      "--plenary",
      "5",
      "--size",
      "8",
      "--join-rate",
      "40",
      "--window",
      "1.5",
      "--burst",
      "0.5",
      "--duration",
      "1",
      "--connections",
      "4",
      "--warmup",
      "0",
      "--sample",
      "3",
      "--sources",
      "2",
      "--reactors",
      "6",
      "--storm",
      "1",
      "--voters",
      "2",
      "--quiz-phones",
      "5",
    ]) as RunOptions;
    const lines: string[] = [];
    const { outcomes, table, file } = await runBench(options, (line) => lines.push(line));
    console.log(outcomes.map((o) => `${o.name} ${o.seconds.toFixed(1)} s`).join(", "));

    for (const outcome of outcomes) expect(outcome, `${outcome.name}: ${outcome.reason}`).toMatchObject({ status: "ok" });
    expect(table).toMatch(/^\| scenario \| figure \|/);
    expect(lines.some((l) => l.includes("joined"))).toBe(true);

    const figure = (scenario: string, name: string) => {
      const found = outcomes.flatMap((o) => o.figures).find((f) => f.scenario === scenario && f.name === name);
      expect(found, `${scenario}: ${name}`).toBeDefined();
      return found!;
    };
    for (const scenario of ["congress", "10k"]) {
      const connected = figure(scenario, "phones connected and voting");
      expect(connected.value).toBe(connected.target?.value);
      expect(connected.baseline).toBe(connected.target?.value);
      // Nothing acknowledged lost, nothing refused, everything shown on the screens.
      for (const name of [
        "acks failed (joins + votes)",
        "votes lost (acknowledged, not counted)",
        "acknowledged votes never on screen",
      ]) {
        expect(figure(scenario, name).value, `${scenario}: ${name}`).toBe(0);
        expect(figure(scenario, name).baseline, `${scenario}: ${name} (bare)`).toBe(0);
      }
      for (const name of ["vote→screen p99", "heap per idle participant", "messages per phone during the storm"]) {
        if (scenario === "congress" && name.startsWith("messages")) continue;
        expect(Number.isFinite(figure(scenario, name).value), `${scenario}: ${name}`).toBe(true);
      }
      // The joins timed by the servers too (their own sockets' as well: not comparable to the phones' p99).
      const onServer = figure(scenario, "join time on the server p99 (accept → state)");
      expect(onServer.value).toBeGreaterThan(0);
      expect(onServer.baseline).toBeGreaterThan(0);
    }
    expect(figure("congress", "questions asked and stored").value).toBe(
      figure("congress", "questions asked and stored").target?.value,
    );
    expect(figure("10k", "votes ingested (everyone changes vote at once)").value).toBeGreaterThan(0);
    for (const name of [
      "POST votes acknowledged but not counted",
      "POST questions acknowledged but not stored",
      "GET /api/rooms/:code errors + non-2xx",
    ]) {
      expect(figure("http", name).value, name).toBe(0);
    }
    expect(figure("http", "GET /api/rooms/:code").value).toBeGreaterThan(0);
    expect(figure("http", "GET /api/rooms/:code").baseline).toBeGreaterThan(0);
    for (const name of ["/metrics scrapes failed", "GET /api/rooms/:code errors + non-2xx"]) {
      expect(figure("metrics", name).value, `metrics: ${name}`).toBe(0);
    }
    expect(figure("metrics", "GET /api/rooms/:code with /metrics every 1 s").baseline).toBeGreaterThan(0);

    // Every acknowledged reaction counted once, in the totals and on the screens; none refused, no vote failed.
    for (const name of [
      "reactions refused",
      "acknowledged reactions miscounted in the stored totals",
      "acknowledged reactions miscounted on a screen",
      "votes failed",
    ]) {
      expect(figure("reactions", name).value, `reactions: ${name}`).toBe(0);
      expect(figure("reactions", name).baseline, `reactions: ${name} (bare)`).toBe(0);
    }
    expect(figure("reactions", "reactions acknowledged").value).toBeGreaterThan(0);
    expect(Number.isFinite(figure("reactions", "vote ack p99 during the storm").value)).toBe(true);

    // Every acknowledged ballot counted; every quiz closed by itself, seen by its screen.
    expect(figure("quiz", "ballots acknowledged").value).toBe(5);
    for (const name of ["acknowledged ballots the closed quiz does not count", "quizzes not seen closing"]) {
      expect(figure("quiz", name).value, `quiz: ${name}`).toBe(0);
    }
    expect(Number.isFinite(figure("quiz", "auto-close delay (closesAt → `poll` closed on the screen)").value)).toBe(true);

    const report = JSON.parse(readFileSync(file, "utf8")) as Report;
    expect(report.machine.node).toBe(process.version);
    expect(report.scenarios.map((s) => s.name)).toEqual(options.scenarios);
    expect(report.verdict.failedScenarios).toEqual([]);
    expect(existsSync(file.replace(/\.json$/, ".md"))).toBe(true);
  });
});
