// Every French string of the pages follows French typography (see test/helpers/typography.ts).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkFrenchTexts, frenchTypographyProblems, NNBSP } from "../helpers/typography.js";

const CLIENT = join(import.meta.dirname, "../../client");

/** The string literals of a piece of source (double-quoted and template literals). */
function literals(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)) {
    found.push(JSON.parse(`"${(m[1] ?? m[2] ?? "").replace(/\n/g, "\\n").replace(/\\`/g, "`")}"`));
  }
  return found;
}

/** The French dictionary of a page's strings.ts: the literals from `const fr` to the export. */
function frenchCatalogue(file: string): string[] {
  const source = readFileSync(file, "utf8");
  const start = source.indexOf("const fr");
  const end = source.indexOf("export const", start);
  if (start < 0 || end < 0) throw new Error(`${file} has no French dictionary`);
  // Keys are bare identifiers, so every literal of the block is a French text.
  return literals(source.slice(start, end));
}

const catalogues = readdirSync(CLIENT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => join(CLIENT, d.name, "strings.ts"))
  .filter((file) => {
    try {
      readFileSync(file);
      return true;
    } catch {
      return false;
    }
  });

describe("the typography checker", () => {
  it("wants a narrow no-break space before ? ! : ; and inside « »", () => {
    expect(frenchTypographyProblems(`Prêt${NNBSP}? Oui${NNBSP}! Note${NNBSP}: ok${NNBSP}; «${NNBSP}fin${NNBSP}»`)).toEqual([]);
    expect(frenchTypographyProblems("Prêt ?")).toHaveLength(1);
    expect(frenchTypographyProblems("Prêt\u00a0?")).toHaveLength(1);
    expect(frenchTypographyProblems("Note: ok")).toHaveLength(1);
    expect(frenchTypographyProblems("« fin »")).toHaveLength(2);
  });

  it("wants ’ and Échap, and skips URLs, placeholders and times", () => {
    expect(frenchTypographyProblems("l'événement")).toEqual(["straight apostrophe ' where French uses ’"]);
    expect(frenchTypographyProblems("Esc")).toHaveLength(1);
    expect(frenchTypographyProblems(`Allez sur https://x.org/a?lang=fr à 14:30 pour {room}${NNBSP}!`)).toEqual([]);
  });
});

describe("French strings of the pages", () => {
  it("finds a catalogue per page", () => {
    expect(catalogues.map((f) => f.split("/").at(-2)).sort()).toEqual([
      "api-docs",
      "audience",
      "moderator",
      "organizer",
      "screen",
    ]);
  });

  for (const file of catalogues) {
    it(`${file.split("/").slice(-2).join("/")} follows French typography`, () => {
      const texts = frenchCatalogue(file);
      expect(texts.length).toBeGreaterThan(10);
      expect(checkFrenchTexts(texts)).toEqual([]);
    });
  }
});
