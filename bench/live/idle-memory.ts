// What an idle phone costs the server: heap and RSS before and after the join, and with
// --heap, snapshots whose difference is broken down by class.
import { join } from "node:path";
import { heapByClass, heapDiff } from "../lib/heap.js";
import { round, sleep } from "../lib/stats.js";
import type { JoinReport } from "../live-protocol.js";
import type { MemInfo } from "../servers/ipc.js";
import type { Target } from "./targets.js";
import type { LiveMeasurement, LiveOptions } from "./types.js";

export interface MemoryBefore {
  snapshot: string | null;
  mem: MemInfo[];
}

async function heapSnapshot(target: Target, options: LiveOptions, when: string): Promise<string | null> {
  if (!options.heapDir) return null;
  const file = join(options.heapDir, `${options.scenario}-${target.label}-${when}.heapsnapshot`);
  await target.nodes[0]!.request({ type: "heap-snapshot", file });
  return file;
}

export async function memoryBeforeJoin(target: Target, options: LiveOptions): Promise<MemoryBefore> {
  const snapshot = await heapSnapshot(target, options, "before-join");
  const mem = await Promise.all(target.nodes.map((n) => n.mem()));
  return { snapshot, mem };
}

/** Measured a second after the join, once the handshakes have settled. */
export async function idleMemory(
  target: Target,
  options: LiveOptions,
  before: MemoryBefore,
  joins: JoinReport[],
): Promise<LiveMeasurement["memIdle"]> {
  const { log } = options;
  const joined = joins.reduce((s, r) => s + r.joined, 0);
  await sleep(1000);
  const after = await Promise.all(target.nodes.map((n) => n.mem()));
  const snapAfter = await heapSnapshot(target, options, "after-join");
  let heapRows: LiveMeasurement["memIdle"]["byClass"];
  if (before.snapshot && snapAfter) {
    const diff = heapDiff(heapByClass(before.snapshot), heapByClass(snapAfter), Math.max(1, joined / target.nodes.length));
    heapRows = diff.rows;
    log(
      `  ${target.label}: heap growth per phone by class (snapshots ${before.snapshot}, ${snapAfter}), ${Math.round(diff.totalPerPhone)} B in all:`,
    );
    for (const r of diff.rows.slice(0, 15))
      log(`    ${String(Math.round(r.bytesPerPhone)).padStart(6)} B  ${r.countPerPhone.toFixed(2).padStart(6)} ×  ${r.what}`);
  }
  const sumOf = (list: MemInfo[], key: "heapUsed" | "rss") => list.reduce((s, m) => s + m[key], 0);
  const heapPerPhone = (sumOf(after, "heapUsed") - sumOf(before.mem, "heapUsed")) / Math.max(1, joined);
  const rssPerPhone = (sumOf(after, "rss") - sumOf(before.mem, "rss")) / Math.max(1, joined);
  log(`  ${target.label}: idle heap ${round(heapPerPhone / 1024)} KB and RSS ${round(rssPerPhone / 1024)} KB per phone`);
  return { heapPerPhone, rssPerPhone, before: before.mem, after, byClass: heapRows };
}
