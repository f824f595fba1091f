// The public state of a room, serialised once and shared by every request until the room
// changes: a join wave of hundreds of phones then costs one store read, not hundreds. It is kept
// as UTF-8 bytes: a string would be encoded again for every answer (room names and questions
// are rarely plain ASCII).
// An entry is dropped when this node changes or hears of a change in the room (an outbox
// call, a dirty poll from any node), and lives at most `ttlMs` in any case, which bounds
// how stale a change made on another node (heard only by its sockets) can be.

export const STATE_TTL_MS = 250;

export class StateCache {
  private entries = new Map<string, { body: Buffer; at: number }>();
  /** Bumped by every invalidation, so a build that raced a change is not stored. */
  private generations = new Map<string, number>();

  constructor(
    private readonly ttlMs = STATE_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The room's state as JSON bytes. */
  async get(code: string, build: () => Promise<unknown>): Promise<Buffer> {
    const entry = this.entries.get(code);
    if (entry && this.now() - entry.at < this.ttlMs) return entry.body;
    const generation = this.generations.get(code) ?? 0;
    const body = Buffer.from(JSON.stringify(await build()));
    if ((this.generations.get(code) ?? 0) === generation) this.entries.set(code, { body, at: this.now() });
    return body;
  }

  invalidate(code: string): void {
    this.entries.delete(code);
    this.generations.set(code, (this.generations.get(code) ?? 0) + 1);
  }

  /** Forgets rooms nobody asked for lately, so memory follows activity. */
  sweep(): void {
    const old = this.now() - this.ttlMs;
    for (const [code, entry] of this.entries) if (entry.at < old) this.entries.delete(code);
    for (const code of this.generations.keys()) if (!this.entries.has(code)) this.generations.delete(code);
  }
}
