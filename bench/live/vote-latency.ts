// vote→screen and vote→phone latency: each acknowledged vote carries the poll's seq after it
// was committed; the first `results` a screen (or sampled phone) got with a seq at least as
// high is the first that includes it.
import { firstAtLeast } from "../lib/stats.js";
import type { PhoneTraffic, VoteColumns } from "../live-protocol.js";
import type { Screen } from "./sockets.js";

export interface Latencies {
  screen: number[];
  byRoom: Record<string, number[]>;
  /** Acknowledged votes whose seq no screen of the room ever reached. */
  neverShown: number;
  phones: number[];
}

export function voteLatencies(votes: VoteColumns, screens: Screen[], traffic: PhoneTraffic[]): Latencies {
  const screenLat: number[] = [];
  const byRoom: Record<string, number[]> = {};
  let neverShown = 0;
  const phoneLat: number[] = [];
  const sampled = traffic.filter((t) => t.timeline && t.timeline.at.length > 0);
  for (let k = 0; k < votes.ok.length; k++) {
    if (!votes.ok[k]) continue;
    const code = votes.code[k]!;
    const seq = votes.seq[k]!;
    const sent = votes.sentAt[k]!;
    for (const s of screens) {
      if (s.code !== code) continue;
      const idx = firstAtLeast(s.seq, seq);
      if (idx < 0) {
        neverShown++;
        continue;
      }
      const lat = s.at[idx]! - sent;
      screenLat.push(lat);
      const room = byRoom[code] ?? [];
      room.push(lat);
      byRoom[code] = room;
    }
    for (const t of sampled) {
      if (t.code !== code) continue;
      const idx = firstAtLeast(t.timeline!.seq, seq);
      if (idx >= 0) phoneLat.push(t.timeline!.at[idx]! - sent);
    }
  }
  return { screen: screenLat, byRoom, neverShown, phones: phoneLat };
}
