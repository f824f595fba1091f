// The accessibility declaration, read from docs/accessibility.md at build time (see
// declaration-plugin.ts): the page shows what the self-assessment says, so they cannot drift.
// Pure: parses the markdown's tables, counts the criteria, derives the conformity status.

export type Result = "C" | "NC" | "NA" | "NT";
export type Status = "full" | "partial" | "none";

export interface Bilingual {
  en: string;
  fr: string;
}

export interface Declaration {
  rgaa: string;
  date: string;
  status: Status;
  /** Criteria met among those that apply and were tested, in percent, one decimal. */
  rate: number;
  counts: Record<Result, number>;
  /** Criteria not met, with what is not accessible and why. */
  notAccessible: (Bilingual & { criteria: string })[];
  environment: Bilingual[];
  pages: (Bilingual & { address: string })[];
}

const RESULTS: readonly Result[] = ["C", "NC", "NA", "NT"];

/** Rows of every markdown table under `## heading` (and its subsections), header and rule left out. */
function tables(markdown: string, heading: string): string[][] {
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex((l) => l.trim().toLowerCase() === `## ${heading.toLowerCase()}`);
  if (start < 0) throw new Error(`docs/accessibility.md: no "## ${heading}" section`);
  const rows: string[][] = [];
  let inTable = false;
  for (const line of lines.slice(start + 1)) {
    if (/^## /.test(line)) break;
    if (!line.trim().startsWith("|")) {
      inTable = false;
      continue;
    }
    const cells = line
      .trim()
      .replace(/^\||\|$/g, "")
      .split("|")
      .map((c) => c.trim());
    if (!inTable) {
      inTable = true; // the header line
      continue;
    }
    if (cells.every((c) => /^:?-+:?$/.test(c))) continue;
    rows.push(cells);
  }
  return rows;
}

const plain = (cell: string) => cell.replace(/`/g, "").replace(/\*\*/g, "");

/** Status as RGAA defines it: every criterion met, at least half, or fewer. */
export const statusOf = (rate: number): Status => (rate >= 100 ? "full" : rate >= 50 ? "partial" : "none");

export function parseDeclaration(markdown: string): Declaration {
  const fields = Object.fromEntries(tables(markdown, "Declaration").map(([k, v]) => [k, v ?? ""]));
  const counts: Record<Result, number> = { C: 0, NC: 0, NA: 0, NT: 0 };
  const seen = new Set<string>();
  for (const [id = "", , result = ""] of tables(markdown, "Criteria")) {
    if (!/^\d{1,2}\.\d{1,2}$/.test(id)) throw new Error(`docs/accessibility.md: "${id}" is not a criterion number`);
    if (seen.has(id)) throw new Error(`docs/accessibility.md: criterion ${id} is assessed twice`);
    if (!RESULTS.includes(result as Result))
      throw new Error(`docs/accessibility.md: criterion ${id}: result "${result}" is not C, NC, NA or NT`);
    seen.add(id);
    counts[result as Result]++;
  }
  if (seen.size !== 106) throw new Error(`docs/accessibility.md: ${seen.size} criteria assessed, RGAA 4.1 has 106`);
  const applicable = counts.C + counts.NC;
  const rate = applicable ? Math.round((counts.C / applicable) * 1000) / 10 : 100;
  const status = statusOf(rate);
  if (fields.status !== status)
    throw new Error(`docs/accessibility.md: status says "${fields.status}", the criteria give "${status}" (${rate} %)`);
  return {
    rgaa: fields.rgaa ?? "",
    date: fields.date ?? "",
    status,
    rate,
    counts,
    notAccessible: tables(markdown, "Not accessible").map(([criteria = "", en = "", fr = ""]) => ({
      criteria: plain(criteria),
      en: plain(en),
      fr: plain(fr),
    })),
    environment: tables(markdown, "Test environment").map(([en = "", fr = ""]) => ({ en: plain(en), fr: plain(fr) })),
    pages: tables(markdown, "Pages assessed").map(([address = "", en = "", fr = ""]) => ({
      address: plain(address),
      en: plain(en),
      fr: plain(fr),
    })),
  };
}
