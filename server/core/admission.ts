// How many participant and screen joins a node works on at once, from the moment the phone's
// connection opens to its first `state`. A join storm beyond it is told to come back later (a
// connect_error `unavailable` with `retryAfter`) rather than piling up on the node, where every
// phone would wait longer and the slowest would time out. Pure: the clock is a parameter.

/** A join in progress; ending it twice is harmless. */
export interface AdmissionTicket {
  release(): void;
}

/**
 * Default of `admissionMax` (ADMISSION_MAX): joins in progress at once on a node. A join is a
 * few milliseconds of server work once its handshake arrives; with 256 open at once, the node
 * has work queued for well over a hundred milliseconds and no phone waits seconds unseen.
 */
export const DEFAULT_ADMISSION_MAX = 256;

/** The longest wait a refused phone is told (seconds): a storm is over within tens of seconds. */
export const MAX_RETRY_AFTER_S = 15;

/** A join never ended (a bug, a connection lost mid-join) stops counting after this (ms). */
export const ADMISSION_HOLD_MS = 10_000;

export class AdmissionWindow {
  private readonly inProgress = new Map<number, number>(); // ticket id → opened at (ms)
  private nextId = 0;
  private refusedSecond = -1;
  private refusedInSecond = 0;
  /** Joins that ended, per second: this second's and the last one's (the node's pace). */
  private endedSecond = -1;
  private endedInSecond = 0;
  private endedLastSecond = 0;

  constructor(
    readonly max: number,
    private readonly now: () => number = Date.now,
    private readonly holdMs = ADMISSION_HOLD_MS,
  ) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError("admission max must be a positive integer");
  }

  /** Joins in progress now. */
  get size(): number {
    this.expire();
    return this.inProgress.size;
  }

  /** A join begins (its connection is open): it counts until released. */
  open(): AdmissionTicket {
    this.expire();
    const id = this.nextId++;
    this.inProgress.set(id, this.now());
    return {
      release: () => {
        if (this.inProgress.delete(id)) this.ended();
      },
    };
  }

  /**
   * Asked by a join that holds a ticket, before any work is done for it: 0 when the joins in
   * progress (itself included) are within the window, else the seconds to wait before trying again.
   */
  wait(): number {
    return this.size <= this.max ? 0 : this.refuse();
  }

  /**
   * The wait grows with the phones refused this second, one second per batch the node gets
   * through in a second (the joins it ended last second, or `max` if more): the first batch
   * retries soon, a crowd behind it is spread over the following seconds instead of coming
   * back all at once, and a fast node calls its crowd back sooner than a slow one.
   */
  private refuse(): number {
    const second = Math.floor(this.now() / 1000);
    if (second !== this.refusedSecond) {
      this.refusedSecond = second;
      this.refusedInSecond = 0;
    }
    this.refusedInSecond++;
    const pace = Math.max(this.max, this.pace(second));
    return Math.min(MAX_RETRY_AFTER_S, 1 + Math.floor(this.refusedInSecond / pace));
  }

  private ended(): void {
    const second = Math.floor(this.now() / 1000);
    this.endedLastSecond = this.pace(second);
    if (second !== this.endedSecond) {
      this.endedSecond = second;
      this.endedInSecond = 0;
    }
    this.endedInSecond++;
  }

  /** Joins ended in the second before `second`. */
  private pace(second: number): number {
    if (second === this.endedSecond) return this.endedLastSecond;
    return second === this.endedSecond + 1 ? this.endedInSecond : 0;
  }

  /** Tickets are kept in the order opened: the oldest are first. */
  private expire(): void {
    const limit = this.now() - this.holdMs;
    for (const [id, at] of this.inProgress) {
      if (at > limit) break;
      this.inProgress.delete(id);
    }
  }
}
