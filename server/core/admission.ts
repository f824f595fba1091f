// How many participant and screen joins a node works on at once, from the handshake to the
// first `state` sent. A join storm beyond it is told to come back later (a connect_error
// `unavailable` with `retryAfter`) rather than piling up in the event loop, where every phone
// would wait longer and the slowest would time out. Pure: the clock is a parameter.

/** A join's slot; giving it back twice is harmless. */
export interface AdmissionTicket {
  release(): void;
}

/** The longest wait a refused phone is told (seconds): a storm is over within tens of seconds. */
export const MAX_RETRY_AFTER_S = 15;

/** A slot never given back (a bug, a socket lost mid-join) frees itself after this (ms). */
export const ADMISSION_HOLD_MS = 10_000;

export class AdmissionWindow {
  private readonly inProgress = new Map<number, number>(); // ticket id → taken at (ms)
  private nextId = 0;
  private refusedSecond = -1;
  private refusedInSecond = 0;

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

  /** A slot, or the seconds to wait before trying again. */
  enter(): AdmissionTicket | { retryAfter: number } {
    this.expire();
    if (this.inProgress.size >= this.max) return { retryAfter: this.refuse() };
    const id = this.nextId++;
    this.inProgress.set(id, this.now());
    return { release: () => this.inProgress.delete(id) };
  }

  /**
   * The wait grows with the phones refused this second, one second per `max` of them: the
   * first round retries soon, a crowd behind it is spread over the following seconds instead
   * of coming back all at once.
   */
  private refuse(): number {
    const second = Math.floor(this.now() / 1000);
    if (second !== this.refusedSecond) {
      this.refusedSecond = second;
      this.refusedInSecond = 0;
    }
    this.refusedInSecond++;
    return Math.min(MAX_RETRY_AFTER_S, 1 + Math.floor(this.refusedInSecond / this.max));
  }

  /** Slots are kept in the order taken: the oldest are first. */
  private expire(): void {
    const limit = this.now() - this.holdMs;
    for (const [id, at] of this.inProgress) {
      if (at > limit) break;
      this.inProgress.delete(id);
    }
  }
}

export const isTicket = (x: AdmissionTicket | { retryAfter: number }): x is AdmissionTicket => "release" in x;
