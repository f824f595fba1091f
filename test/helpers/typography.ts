// French typography, checked on any text: a narrow no-break space (U+202F) before ? ! : ; and
// inside « », and the typographic apostrophe ’. URLs, {placeholders} and times (14:30) are not
// prose and are skipped. Reusable on any catalogue (client strings, server messages).

export const NNBSP = "\u202f";

export interface TypographyProblem {
  text: string;
  problem: string;
}

/** What `text` gets wrong, one sentence per problem (empty when it is right). */
export function frenchTypographyProblems(text: string): string[] {
  const prose = text
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s»"]*/gi, " URL ") // URLs, with their ? and :
    .replace(/\{[A-Za-z0-9_]+\}/g, "X") // {placeholders}
    .replace(/(\d):(\d)/g, "$1h$2"); // times and ratios
  const problems: string[] = [];
  for (const [i, ch] of [...prose].entries()) {
    const before = [...prose][i - 1];
    // "?!" is one mark; "(?)" names the key, it is not punctuation of the sentence.
    if ("?!:;".includes(ch) && i > 0 && before !== NNBSP && !"?!(".includes(before ?? "")) {
      problems.push(`"${ch}" needs a narrow no-break space (U+202F) before it`);
    }
    if (ch === "«" && [...prose][i + 1] !== NNBSP) problems.push("« needs a narrow no-break space after it");
    if (ch === "»" && before !== NNBSP) problems.push("» needs a narrow no-break space before it");
  }
  if (prose.includes("'")) problems.push("straight apostrophe ' where French uses ’");
  if (/\bEsc\b/.test(prose)) problems.push("the key is called Échap in French, not Esc");
  return problems;
}

/** Every problem of a list of French texts, with the text it is in. */
export function checkFrenchTexts(texts: Iterable<string>): TypographyProblem[] {
  const found: TypographyProblem[] = [];
  for (const text of texts) for (const problem of frenchTypographyProblems(text)) found.push({ text, problem });
  return found;
}
