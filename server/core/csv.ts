// A small RFC 4180 reader for programme files: quoted fields may hold the separator, doubled
// quotes and line breaks. Each record keeps the line of the file it starts on, so an error can
// name it. Pure: no I/O, no library (the core imports only itself and shared/).

export interface CsvRecord {
  /** Line of the file where the record starts (the first line is 1). */
  line: number;
  fields: string[];
}

export type CsvResult = { ok: true; separator: string; records: CsvRecord[] } | { ok: false; line: number };

const BOM = "\uFEFF";

/**
 * The separator of the file, read from its header line (outside quotes): `;` when it holds more
 * semicolons than commas (French spreadsheets save so, since the comma is their decimal mark), else `,`.
 */
export function detectSeparator(text: string): ";" | "," {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && ch === ";") semicolons++;
    else if (!quoted && ch === ",") commas++;
  }
  return semicolons > commas ? ";" : ",";
}

/**
 * Reads the records of a CSV text (with or without BOM, CRLF or LF). Blank lines are skipped.
 * An unterminated quoted field is an error on the line where that field starts.
 */
export function parseCsv(input: string): CsvResult {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const separator = detectSeparator(text);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let quotedFrom = 0;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== "") records.push({ line: recordLine, fields });
    fields = [];
    field = "";
  };
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' && field === "" && quotedFrom === 0) {
      // A quoted field: read to its closing quote; "" is one quote.
      quotedFrom = line;
      i++;
      for (;;) {
        if (i >= text.length) return { ok: false, line: quotedFrom };
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === "\n") line++;
        field += c;
        i++;
      }
      continue;
    }
    if (ch === separator) {
      fields.push(field);
      field = "";
      quotedFrom = 0;
    } else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      quotedFrom = 0;
      line++;
      recordLine = line;
    } else {
      field += ch;
    }
    i++;
  }
  if (field !== "" || fields.length > 0) endRecord();
  return { ok: true, separator, records };
}
