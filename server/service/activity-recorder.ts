// The report's timeline, recorded as the day goes and cheaply: votes, questions, reactions and
// the participants seen are counted in memory per room and minute, and each room's minutes are
// added to the store in one command every ACTIVITY_FLUSH_MS (and when the report is read, and
// when the node stops). A vote costs a Set insertion, never a store write of its own.
// The counters are approximate within a flush interval: a node that dies loses its unflushed
// counts (the ballots themselves are stored as always), and a session started mid-interval gets
// the interval's counts of the session before (the store adds to the room's current session).
import type { ActivityBatch, Store } from "../store/store.js";

export const ACTIVITY_FLUSH_MS = 10_000;

interface Minute {
  participants: number;
  votes: number;
  questions: number;
  reactions: number;
  seen: Set<string>;
}

type Counter = "votes" | "questions" | "reactions";

/** The last minute asked for and its ISO text: a vote storm asks for the same minute thousands of times. */
let lastMinute = { number: Number.NaN, iso: "" };

function minuteOf(at: Date): string {
  const number = Math.floor(at.getTime() / 60_000);
  if (number !== lastMinute.number) lastMinute = { number, iso: new Date(number * 60_000).toISOString() };
  return lastMinute.iso;
}

export class ActivityRecorder {
  /** Unflushed minutes, by room code then minute (ISO). */
  private pending = new Map<string, Map<string, Minute>>();
  /** The last participant count heard per room: a minute starts from it. */
  private readonly lastCount = new Map<string, number>();
  private readonly timer: NodeJS.Timeout | null;

  constructor(
    private readonly store: Pick<Store, "recordActivity">,
    private readonly now: () => Date,
    everyMs = ACTIVITY_FLUSH_MS,
  ) {
    this.timer = everyMs > 0 ? setInterval(() => void this.flush().catch(() => {}), everyMs).unref() : null;
  }

  private minute(code: string): Minute {
    let room = this.pending.get(code);
    if (!room) {
      room = new Map();
      this.pending.set(code, room);
    }
    const at = minuteOf(this.now());
    let minute = room.get(at);
    if (!minute) {
      minute = { participants: this.lastCount.get(code) ?? 0, votes: 0, questions: 0, reactions: 0, seen: new Set() };
      room.set(at, minute);
    }
    return minute;
  }

  /** A participant connected to the room, voted, asked or upvoted. */
  seen(code: string, participantId: string): void {
    this.minute(code).seen.add(participantId);
  }

  /** The room's participant count (across nodes) as just heard from presence. */
  participants(code: string, count: number): void {
    this.lastCount.set(code, count);
    const minute = this.minute(code);
    minute.participants = Math.max(minute.participants, count);
  }

  count(code: string, counter: Counter, n = 1, participantId?: string): void {
    const minute = this.minute(code);
    minute[counter] += n;
    if (participantId !== undefined) minute.seen.add(participantId);
  }

  /** The room's participant count is no longer followed (its event was erased). */
  forget(code: string): void {
    this.pending.delete(code);
    this.lastCount.delete(code);
  }

  /**
   * Adds what was counted (one room's, or every room's) to the store. A failed write gives its
   * minutes back, so they go with the next flush rather than being lost.
   */
  async flush(code?: string): Promise<void> {
    const codes = code === undefined ? [...this.pending.keys()] : [code];
    await Promise.all(codes.map((c) => this.flushRoom(c)));
  }

  private async flushRoom(code: string): Promise<void> {
    const minutes = this.pending.get(code);
    if (!minutes) return;
    this.pending.delete(code);
    const batches: ActivityBatch[] = [...minutes].map(([minute, m]) => ({
      minute,
      participants: m.participants,
      votes: m.votes,
      questions: m.questions,
      reactions: m.reactions,
      seen: [...m.seen],
    }));
    try {
      await this.store.recordActivity(code, batches);
    } catch (error) {
      this.giveBack(code, minutes);
      throw error;
    }
  }

  private giveBack(code: string, minutes: Map<string, Minute>): void {
    const room = this.pending.get(code) ?? new Map<string, Minute>();
    for (const [at, old] of minutes) {
      const now = room.get(at);
      if (!now) {
        room.set(at, old);
        continue;
      }
      now.participants = Math.max(now.participants, old.participants);
      now.votes += old.votes;
      now.questions += old.questions;
      now.reactions += old.reactions;
      for (const id of old.seen) now.seen.add(id);
    }
    this.pending.set(code, room);
  }

  /** Stops the timer and writes what is left. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flush().catch(() => {});
  }
}
