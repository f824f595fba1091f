// The public state of a room, serialised once and shared by every request until the room
// changes: a join wave of hundreds of phones then costs one store read, not hundreds.
// An entry is dropped when this node changes or hears of a change in the room (an outbox
// call, a dirty poll from any node), and lives at most `ttlMs` in any case, which bounds
// how stale a change made on another node (heard only by its sockets) can be.

export const STATE_TTL_MS = 250;

export class StateCache {
  private entries = new Map<string, { json: string; at: number }>();
  /** Bumped by every invalidation, so a build that raced a change is not stored. */
  private generations = new Map<string, number>();

  constructor(
    private readonly ttlMs = STATE_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  async get(code: string, build: () => Promise<unknown>): Promise<string> {
    const entry = this.entries.get(code);
    if (entry && this.now() - entry.at < this.ttlMs) return entry.json;
    const generation = this.generations.get(code) ?? 0;
    const json = JSON.stringify(await build());
    if ((this.generations.get(code) ?? 0) === generation) this.entries.set(code, { json, at: this.now() });
    return json;
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
