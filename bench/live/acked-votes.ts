// Nothing acknowledged may be lost: every phone whose vote was acknowledged must be counted
// by its poll at the end of the run.
import type { VoteColumns } from "../live-protocol.js";
import type { Target } from "./targets.js";
import type { LiveMeasurement } from "./types.js";

export class AckedVotes {
  private readonly voters = new Map<string, Set<number>>();
  private readonly ballots = new Map<string, number>();

  add(votes: VoteColumns): void {
    for (let k = 0; k < votes.ok.length; k++) {
      if (!votes.ok[k]) continue;
      const code = votes.code[k]!;
      const set = this.voters.get(code) ?? new Set<number>();
      set.add(votes.phone[k]!);
      this.voters.set(code, set);
      this.ballots.set(code, (this.ballots.get(code) ?? 0) + 1);
    }
  }

  /** Each poll's count against the phones acknowledged in its room. */
  async compare(
    target: Target,
    codes: string[],
    polls: Record<string, string>,
    seqBefore: Record<string, number>,
  ): Promise<LiveMeasurement["lost"]> {
    const lost: LiveMeasurement["lost"] = [];
    for (const code of codes) {
      const counted = await target.results(polls[code]!);
      lost.push({
        code,
        ackedVoters: this.voters.get(code)?.size ?? 0,
        counted: counted.voters,
        seqBefore: seqBefore[code]!,
        seqAfter: counted.seq,
        ackedBallots: this.ballots.get(code) ?? 0,
      });
    }
    return lost;
  }
}
