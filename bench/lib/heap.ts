// What a heap snapshot holds, by constructor: self size and count per class, and the
// difference between two snapshots divided by the connections added (bytes per phone).
import { readFileSync } from "node:fs";

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

export type HeapByClass = Map<string, { count: number; bytes: number }>;

export function heapByClass(file: string): HeapByClass {
  const snap = JSON.parse(readFileSync(file, "utf8")) as Snapshot;
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const width = fields.length;
  const TYPE = fields.indexOf("type");
  const NAME = fields.indexOf("name");
  const SIZE = fields.indexOf("self_size");
  const out: HeapByClass = new Map();
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = types[snap.nodes[i + TYPE]!]!;
    const name = snap.strings[snap.nodes[i + NAME]!]!;
    // Objects by constructor; strings, arrays, closures, code… by their kind.
    const key = type === "object" ? name : type === "closure" ? `(closure) ${name || "anonymous"}` : `(${type})`;
    const entry = out.get(key) ?? { count: 0, bytes: 0 };
    entry.count++;
    entry.bytes += snap.nodes[i + SIZE]!;
    out.set(key, entry);
  }
  return out;
}

export interface HeapDiffRow {
  what: string;
  countPerPhone: number;
  bytesPerPhone: number;
}

/** Growth from `before` to `after`, per phone, largest first. */
export function heapDiff(
  before: HeapByClass,
  after: HeapByClass,
  phones: number,
  top = 25,
): { totalPerPhone: number; rows: HeapDiffRow[] } {
  const rows: HeapDiffRow[] = [];
  let total = 0;
  for (const [what, a] of after) {
    const b = before.get(what) ?? { count: 0, bytes: 0 };
    total += a.bytes - b.bytes;
    rows.push({ what, countPerPhone: (a.count - b.count) / phones, bytesPerPhone: (a.bytes - b.bytes) / phones });
  }
  for (const [what, b] of before) if (!after.has(what)) total -= b.bytes;
  rows.sort((x, y) => y.bytesPerPhone - x.bytesPerPhone);
  return { totalPerPhone: total / phones, rows: rows.slice(0, top) };
}
