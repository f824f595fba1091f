// The accessibility statement is generated from docs/accessibility.md: the doc must parse, and a
// doc that contradicts itself must stop the build.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDeclaration, statusOf } from "../../client/legal/declaration.js";

const DOC = readFileSync(new URL("../../docs/accessibility.md", import.meta.url), "utf8");

describe("accessibility declaration from docs/accessibility.md", () => {
  it("counts the 106 RGAA criteria and derives the status from the rate", () => {
    const d = parseDeclaration(DOC);
    expect(d.counts.C + d.counts.NC + d.counts.NA + d.counts.NT).toBe(106);
    expect(d.rate).toBe(Math.round((d.counts.C / (d.counts.C + d.counts.NC)) * 1000) / 10);
    expect(d.status).toBe(statusOf(d.rate));
    expect(d.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const item of [...d.notAccessible, ...d.environment, ...d.pages]) {
      expect(item.en.length).toBeGreaterThan(0);
      expect(item.fr.length).toBeGreaterThan(0);
    }
  });

  it("lists every criterion not met among the content that is not accessible", () => {
    const d = parseDeclaration(DOC);
    const listed = d.notAccessible.flatMap((n) => n.criteria.split(/,\s*/));
    const failed = [...DOC.matchAll(/^\| (\d+\.\d+) +\|[^|]+\| (NC|NT) +\|/gm)].map((m) => m[1]);
    expect(failed.length).toBe(d.counts.NC + d.counts.NT);
    for (const id of failed) expect(listed).toContain(id);
  });

  it("refuses a status the results do not give, an unknown result and a missing criterion", () => {
    expect(() => parseDeclaration(DOC.replace("| status | partial    |", "| status | full       |"))).toThrow(
      /status says "full"/,
    );
    expect(() => parseDeclaration(DOC.replace(/^(\| 1\.1 +\|[^|]+\| )C /m, "$1OK"))).toThrow(/criterion 1\.1: result "OK"/);
    expect(() => parseDeclaration(DOC.replace(/^\| 13\.12 .*$/m, ""))).toThrow(/105 criteria assessed/);
  });
});
