// Coalesces live reactions per room: a reaction is counted in memory; a room idle for a tick is
// flushed at once, else at the next tick (250 ms). A storm of thousands a second so costs each
// screen four messages a second, and the store one write per room per tick.
//
// Three counts per room, because a reaction has three destinations: `send` goes to this node's
// screens and moderators (this node's reactions and those other nodes shared), `share` to the
// other nodes (this node's own only, so none is counted twice), `save` to the store's totals
// (this node's own, plus any a failed write gave back).

export const REACTION_TICK_MS = 250;

export type Counts = Record<string, number>;

export interface ReactionFlush {
  send?: Counts;
  share?: Counts;
  save?: Counts;
}

type Kind = keyof ReactionFlush;

function bump(into: Map<string, Counts>, code: string, counts: Counts): void {
  const room = into.get(code) ?? {};
  for (const [emoji, n] of Object.entries(counts)) room[emoji] = (room[emoji] ?? 0) + n;
  into.set(code, room);
}

export class ReactionCoalescer {
  private readonly counts: Record<Kind, Map<string, Counts>> = { send: new Map(), share: new Map(), save: new Map() };
  private readonly lastFlush = new Map<string, number>();
  private readonly scheduled = new Map<string, NodeJS.Timeout>();
  private readonly forget = setInterval(() => this.sweep(), 60_000).unref();

  constructor(
    private readonly flush: (code: string, what: ReactionFlush) => void,
    private readonly tick = REACTION_TICK_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** A reaction sent to this node. */
  add(code: string, emoji: string): void {
    const one = { [emoji]: 1 };
    for (const kind of ["send", "share", "save"] as const) bump(this.counts[kind], code, one);
    this.schedule(code);
  }

  /** Reactions another node counted: shown here, neither shared nor saved again. */
  merge(code: string, counts: Counts): void {
    bump(this.counts.send, code, counts);
    this.schedule(code);
  }

  /** Counts a failed write gave back: saved at the next tick. */
  retrySave(code: string, counts: Counts): void {
    bump(this.counts.save, code, counts);
    this.schedule(code);
  }

  private schedule(code: string): void {
    if (this.scheduled.has(code)) return;
    const wait = Math.max(0, (this.lastFlush.get(code) ?? Number.NEGATIVE_INFINITY) + this.tick - this.now());
    this.scheduled.set(
      code,
      setTimeout(() => this.run(code), wait),
    );
  }

  private run(code: string): void {
    this.scheduled.delete(code);
    const what: ReactionFlush = {};
    for (const kind of ["send", "share", "save"] as const) {
      const counts = this.counts[kind].get(code);
      this.counts[kind].delete(code);
      if (counts) what[kind] = counts;
    }
    // Only a message to the screens starts a new tick: a retried write must not delay the next one.
    if (what.send) this.lastFlush.set(code, this.now());
    this.flush(code, what);
  }

  private sweep(): void {
    const old = this.now() - 10 * this.tick;
    for (const [code, at] of this.lastFlush) if (at < old) this.lastFlush.delete(code);
  }

  close(): void {
    clearInterval(this.forget);
    for (const timer of this.scheduled.values()) clearTimeout(timer);
    this.scheduled.clear();
  }
}
