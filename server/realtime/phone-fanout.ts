// The phones' share of each `results`, sent in slices. Writing one frame to a socket costs tens of
// µs, so a plenary's 10,000 phones take ~300 ms of the event loop per broadcast: sent in one go,
// votes, acks and the projector all wait behind it. Phones are spread over PHONE_SLICES rooms
// (rooms.ts); screens and moderators get their `results` at once (outbox.ts), and the phones' slices
// follow, about SOCKETS_PER_TURN sockets per turn of the event loop, with incoming events handled
// in between.
//
// A newer `results` for the same poll, offered while its slices are still going out, replaces the
// older one: every slice gets the newest once, none gets both. So a phone still gets at most one
// `results` per poll per tick, and under load fewer frames rather than a growing backlog; a phone
// that votes meanwhile has the results as of its own vote in its acknowledgement.
import type { Results } from "../../shared/model.js";

/** Sockets written per turn of the event loop before yielding to incoming events (~30 ms here). */
export const SOCKETS_PER_TURN = 1_000;

/** Sends `results` to one slice of a room's phones; answers how many sockets that reached. */
export type SendSlice = (code: string, slice: number, results: Results) => number;

interface Pending {
  code: string;
  results: Results;
  /**
   * Slices still to send, from the cursor on. Every offer sets it to all of them: the slices not
   * reached yet get the newest instead, and those already sent get it after them.
   */
  left: number;
  /** The slice to send next, so that a newer offer resumes where the last one was. */
  cursor: number;
}

export class PhoneFanout {
  private readonly pending = new Map<string, Pending>();
  private scheduled = false;

  constructor(
    private readonly slices: number,
    private readonly send: SendSlice,
    private readonly defer: (step: () => void) => void = setImmediate,
  ) {}

  /** The latest `results` of a poll for its room's phones. */
  offer(code: string, results: Results): void {
    const cursor = this.pending.get(results.pollId)?.cursor ?? 0;
    this.pending.set(results.pollId, { code, results, left: this.slices, cursor });
    this.schedule();
  }

  /** The public may no longer see this poll: what was not sent yet is not sent. */
  cancel(pollId: string): void {
    this.pending.delete(pollId);
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.defer(() => {
      this.scheduled = false;
      this.step();
    });
  }

  /** One turn: slices of every pending poll until the budget is spent. */
  private step(): void {
    let budget = SOCKETS_PER_TURN;
    for (const [pollId, p] of this.pending) {
      for (; p.left > 0 && budget > 0; p.left--) {
        budget -= this.send(p.code, p.cursor, p.results);
        p.cursor = (p.cursor + 1) % this.slices;
      }
      if (p.left === 0) this.pending.delete(pollId);
      if (budget <= 0) break;
    }
    if (this.pending.size > 0) this.schedule();
  }
}
