// Puts the workers' reports together.
import type { StormReport, VoteColumns } from "../live-protocol.js";

export function flatten(reports: StormReport[]): VoteColumns {
  const out: VoteColumns = { phone: [], code: [], sentAt: [], ackAt: [], seq: [], voters: [], ok: [] };
  for (const r of reports)
    for (const key of Object.keys(out) as (keyof VoteColumns)[]) (out[key] as unknown[]).push(...r.votes[key]);
  return out;
}

export const merge = (maps: Record<string, number>[]) => {
  const out: Record<string, number> = {};
  for (const m of maps) for (const [k, v] of Object.entries(m)) out[k] = (out[k] ?? 0) + v;
  return out;
};
