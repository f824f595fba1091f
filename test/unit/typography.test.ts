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

/** Each page's strings.ts, and the catalogues of one of its panels (`<panel>-strings.ts`). */
const catalogues = readdirSync(CLIENT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(join(CLIENT, d.name))
      .filter((name) => /^([a-z]+-)?strings\.ts$/.test(name))
      .map((name) => join(CLIENT, d.name, name)),
  );

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

/** The literals of every inline `fr: { … }` dictionary of a source (translator calls of a module). */
function inlineFrench(source: string): string[] {
  const found: string[] = [];
  for (let at = source.indexOf("fr: {"); at >= 0; at = source.indexOf("fr: {", at + 1)) {
    let depth = 0;
    let end = at + 4;
    for (; end < source.length; end++) {
      if (source[end] === "{") depth++;
      else if (source[end] === "}" && --depth === 0) break;
    }
    found.push(...literals(source.slice(at + 4, end + 1)));
  }
  return found;
}

/** Client sources with their own small dictionaries (poll kinds, shared pieces). */
const modules = readdirSync(CLIENT, { recursive: true, encoding: "utf8" })
  .filter((f) => /\.tsx?$/.test(f))
  .map((f) => join(CLIENT, f))
  .filter((file) => readFileSync(file, "utf8").includes("fr: {"));

describe("French strings of the pages", () => {
  it("finds a catalogue per page, and one for the poll kinds", () => {
    expect([...new Set(catalogues.map((f) => f.split("/").at(-2)))].sort()).toEqual([
      "api-docs",
      "audience",
      "legal",
      "moderator",
      "organizer",
      "poll-kinds",
      "poster",
      "programme-import",
      "report",
      "screen",
      "speaker",
    ]);
    expect(catalogues.some((f) => f.endsWith("moderator/backstage-strings.ts"))).toBe(true);
  });

  for (const file of catalogues) {
    it(`${file.split("/").slice(-2).join("/")} follows French typography`, () => {
      const texts = frenchCatalogue(file);
      expect(texts.length).toBeGreaterThan(1);
      expect(checkFrenchTexts(texts)).toEqual([]);
    });
  }

  it("finds the poll kinds' own dictionaries", () => {
    expect(modules.filter((f) => f.includes("poll-kinds")).length).toBeGreaterThanOrEqual(5);
  });

  for (const file of modules) {
    it(`${file.split("/").slice(-2).join("/")}'s own French words follow French typography`, () => {
      const texts = inlineFrench(readFileSync(file, "utf8"));
      expect(texts.length).toBeGreaterThan(0);
      expect(checkFrenchTexts(texts)).toEqual([]);
    });
  }
});
