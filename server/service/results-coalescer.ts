// Coalesces results: a vote marks its poll dirty; a poll is flushed at once when it was
// idle, else at most once per tick. A vote storm so costs one message per client per
// tick, not one per vote, and no client waits more than one tick after an ack.

export const TICK_MS = 100;

export class ResultsCoalescer {
  private lastFlush = new Map<string, number>();
  private scheduled = new Map<string, NodeJS.Timeout>();
  private forget = setInterval(() => this.sweep(), 60_000).unref();

  constructor(
    private readonly flush: (code: string, pollId: string) => Promise<void>,
    private readonly tick = TICK_MS,
    private readonly now: () => number = Date.now,
  ) {}

  mark(code: string, pollId: string): void {
    if (this.scheduled.has(pollId)) return; // the flush to come reads the store after this change
    const wait = Math.max(0, (this.lastFlush.get(pollId) ?? 0) + this.tick - this.now());
    const timer = setTimeout(() => this.run(code, pollId), wait);
    this.scheduled.set(pollId, timer);
  }

  private run(code: string, pollId: string): void {
    this.scheduled.delete(pollId);
    this.lastFlush.set(pollId, this.now());
    this.flush(code, pollId).catch(() => {
      // The store is unreachable: try again next tick, the change is still there to send.
      this.mark(code, pollId);
    });
  }

  private sweep(): void {
    const old = this.now() - 10 * this.tick;
    for (const [pollId, at] of this.lastFlush) if (at < old) this.lastFlush.delete(pollId);
  }

  close(): void {
    clearInterval(this.forget);
    for (const timer of this.scheduled.values()) clearTimeout(timer);
    this.scheduled.clear();
  }
}
