// One-node implementations of the ports: everything in this process's memory.
import { type Bucket, isEmpty, RATE_RULES, type RateName, takeToken } from "../core/rate-limits.js";
import type { DirtyBus, Presence, RateLimiter } from "./ports.js";

export class LocalPresence implements Presence {
  private rooms = new Map<string, Map<string, Set<string>>>();

  async join(code: string, participantId: string, socketId: string): Promise<number> {
    const room = this.rooms.get(code) ?? new Map<string, Set<string>>();
    this.rooms.set(code, room);
    const sockets = room.get(participantId) ?? new Set<string>();
    room.set(participantId, sockets);
    sockets.add(socketId);
    return room.size;
  }

  async leave(code: string, participantId: string, socketId: string): Promise<number> {
    const room = this.rooms.get(code);
    const sockets = room?.get(participantId);
    sockets?.delete(socketId);
    if (room && sockets && sockets.size === 0) room.delete(participantId);
    return room?.size ?? 0;
  }

  async count(code: string): Promise<number> {
    return this.rooms.get(code)?.size ?? 0;
  }

  async counts(codes: string[]): Promise<number[]> {
    return codes.map((code) => this.rooms.get(code)?.size ?? 0);
  }

  async forget(code: string): Promise<void> {
    this.rooms.delete(code);
  }

  async close(): Promise<void> {}
}

export class LocalRateLimiter implements RateLimiter {
  private buckets = new Map<string, Bucket>();
  private sweeper = setInterval(() => this.sweep(), 60_000).unref();

  constructor(private now: () => number = Date.now) {}

  async take(name: RateName, key: string): Promise<number> {
    const id = `${name}:${key}`;
    const { bucket, retryAfter } = takeToken(this.buckets.get(id), RATE_RULES[name], this.now());
    this.buckets.set(id, bucket);
    return retryAfter;
  }

  async peek(name: RateName, key: string): Promise<number> {
    return isEmpty(this.buckets.get(`${name}:${key}`), RATE_RULES[name], this.now());
  }

  /** Drops buckets that have refilled, so memory follows activity, not history. */
  private sweep(): void {
    const now = this.now();
    for (const [id, bucket] of this.buckets) {
      const rule = RATE_RULES[id.slice(0, id.indexOf(":")) as RateName];
      if (bucket.tokens + (now - bucket.at) / (1000 * rule.refillSeconds) >= rule.burst) this.buckets.delete(id);
    }
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
  }
}

export class LocalDirtyBus implements DirtyBus {
  private handler: (code: string, pollId: string) => void = () => {};

  publish(code: string, pollId: string): void {
    this.handler(code, pollId);
  }

  subscribe(handler: (code: string, pollId: string) => void): void {
    this.handler = handler;
  }

  async close(): Promise<void> {}
}
