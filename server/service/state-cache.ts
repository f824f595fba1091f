// The public view of a room, built once and shared by every request and every joining phone
// until the room changes: a join wave of thousands of phones then costs one store read, not
// thousands (each phone adds only its own `me`). An entry is dropped when this node changes or
// hears of a change in the room (an outbox call, a dirty poll from any node), and lives at most
// `ttlMs` in any case, which bounds how stale a change made on another node (heard only by its
// sockets) can be. A build in progress is shared too, so a storm of misses builds once.
// For HTTP the view is also kept as UTF-8 JSON bytes: a string would be encoded again for every
// answer (room names and questions are rarely plain ASCII).

export const STATE_TTL_MS = 250;

interface Entry<V> {
  view: Promise<V>;
  body?: Promise<Buffer>;
  at: number;
}

export class StateCache<V = unknown> {
  private entries = new Map<string, Entry<V>>();

  constructor(
    private readonly ttlMs = STATE_TTL_MS,
    private readonly now: () => number = Date.now,
    /** What of a view is sent over HTTP (the whole view by default). */
    private readonly publicPart: (view: V) => unknown = (view) => view,
  ) {}

  /** The room's view, from the cache when it is fresh. */
  view(code: string, build: () => Promise<V>): Promise<V> {
    return this.entry(code, build).view;
  }

  /** The room's public part as JSON bytes. */
  get(code: string, build: () => Promise<V>): Promise<Buffer> {
    const entry = this.entry(code, build);
    entry.body ??= entry.view.then((view) => Buffer.from(JSON.stringify(this.publicPart(view))));
    return entry.body;
  }

  private entry(code: string, build: () => Promise<V>): Entry<V> {
    const known = this.entries.get(code);
    if (known && this.now() - known.at < this.ttlMs) return known;
    const entry: Entry<V> = { view: build(), at: this.now() };
    this.entries.set(code, entry);
    // A failed build is not kept: the next caller tries again.
    entry.view.catch(() => this.entries.get(code) === entry && this.entries.delete(code));
    return entry;
  }

  /** The room changed: the next caller builds anew (a build in progress is not kept). */
  invalidate(code: string): void {
    this.entries.delete(code);
  }

  /** Forgets rooms nobody asked for lately, so memory follows activity. */
  sweep(): void {
    const old = this.now() - this.ttlMs;
    for (const [code, entry] of this.entries) if (entry.at < old) this.entries.delete(code);
  }
}
