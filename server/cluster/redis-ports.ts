// Several-node implementations of the ports, shared through Redis: who is connected (Presence),
// rate limits that hold whatever node a request lands on (RateLimiter), and the news that a
// poll's results changed (DirtyBus). The Lua scripts and their key layout: cluster/ports-lua.ts.
import type { Redis } from "ioredis";
import { RATE_RULES, type RateName } from "../core/rate-limits.js";
import type { DirtyBus, Presence, RateLimiter } from "../service/ports.js";
import { runScript, type Script } from "../store/redis-client.js";
import * as L from "./ports-lua.js";

export interface PresenceOptions {
  /** How often a node tells Redis it is alive and prunes dead nodes (ms). */
  heartbeatMs?: number;
  /** How long a silent node's participants still count (ms): bounds a killed node's ghosts. */
  ttlMs?: number;
}

export const PRESENCE_DEFAULTS = { heartbeatMs: 3_000, ttlMs: 10_000 } as const;

/**
 * Participants per room across nodes. This node keeps its own sockets in memory (it is the
 * truth for them) and mirrors "participant X has sockets here" into Redis; Redis counts, per
 * room, the nodes each participant is on. When a mirror write fails (Redis down) the node
 * rewrites its whole mirror at the next heartbeat, so an outage leaves no drift behind.
 */
export class RedisPresence implements Presence {
  private readonly local = new Map<string, Map<string, Set<string>>>();
  private readonly options: Required<PresenceOptions>;
  private readonly timer: NodeJS.Timeout;
  private stale = false;
  private closed = false;
  private syncing: Promise<void> | null = null;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    readonly nodeId: string,
    options: PresenceOptions = {},
  ) {
    this.options = { ...PRESENCE_DEFAULTS, ...options };
    this.timer = setInterval(() => void this.heartbeat(), this.options.heartbeatMs).unref();
  }

  /**
   * EVAL, not EVALSHA: after a Redis restart an EVALSHA answered NOSCRIPT is sent again later,
   * which could run a leave before its join. Presence writes happen per connection, not per
   * vote, and Redis caches the compiled script, so sending its text costs little.
   */
  private run(s: Script, args: string[] = []): Promise<unknown> {
    return this.redis.eval(s.lua, 0, this.prefix, this.nodeId, String(this.options.ttlMs), ...args);
  }

  private entries(): number {
    let n = 0;
    for (const room of this.local.values()) n += room.size;
    return n;
  }

  private roomKey(code: string): string {
    return `${this.prefix}{${code}}:presence`;
  }

  async join(code: string, participantId: string, socketId: string): Promise<number> {
    const room = this.local.get(code) ?? new Map<string, Set<string>>();
    this.local.set(code, room);
    const sockets = room.get(participantId) ?? new Set<string>();
    room.set(participantId, sockets);
    sockets.add(socketId);
    // Sent for every socket, not only the first: idempotent, and it heals an earlier failure.
    const reply = (await this.guard(this.run(L.PRESENCE_JOIN, [code, participantId]))) as [number, number];
    // Redis did not know this node although it holds others: it was pruned, or Redis lost data.
    if (reply[0] === 1 && this.entries() > 1) this.resyncSoon();
    return reply[1];
  }

  async leave(code: string, participantId: string, socketId: string): Promise<number> {
    const room = this.local.get(code);
    const sockets = room?.get(participantId);
    sockets?.delete(socketId);
    if (sockets && sockets.size > 0) return this.count(code);
    room?.delete(participantId);
    if (room && room.size === 0) this.local.delete(code);
    return Number(await this.guard(this.run(L.PRESENCE_LEAVE, [code, participantId])));
  }

  async count(code: string): Promise<number> {
    return this.redis.hlen(this.roomKey(code));
  }

  async counts(codes: string[]): Promise<number[]> {
    if (codes.length === 0) return [];
    const replies = await this.redis.pipeline(codes.map((code) => ["hlen", this.roomKey(code)])).exec();
    return (replies ?? []).map(([error, count]) => {
      if (error) throw error;
      return Number(count);
    });
  }

  async forget(code: string): Promise<void> {
    this.local.delete(code);
    await this.redis.del(this.roomKey(code));
  }

  /** Rewrites this node's whole mirror from memory (after an outage, or when we were pruned). */
  resync(): Promise<void> {
    this.syncing ??= (async () => {
      try {
        const args: string[] = [];
        for (const [code, room] of this.local) for (const pid of room.keys()) args.push(code, pid);
        this.stale = false; // changes from now on are sent after this script, on the same connection
        await this.run(L.PRESENCE_SYNC, args);
      } catch {
        this.stale = true;
      } finally {
        this.syncing = null;
      }
    })();
    return this.syncing;
  }

  private resyncSoon(): void {
    if (!this.closed) void this.resync();
  }

  private async heartbeat(): Promise<void> {
    if (this.closed) return;
    if (this.stale) return this.resync();
    try {
      if (Number(await this.run(L.PRESENCE_HEARTBEAT)) === 1 && this.local.size > 0) await this.resync();
    } catch {
      this.stale = true;
    }
  }

  private async guard<T>(write: Promise<T>): Promise<T> {
    try {
      return await write;
    } catch (error) {
      this.stale = true;
      throw error;
    }
  }

  /** Removes this node's entries; if Redis is unreachable, the others prune them after the expiry. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    this.local.clear();
    await this.run(L.PRESENCE_CLOSE).catch(() => {});
  }
}

/** Token buckets in Redis: one participant's limit holds whatever node each request lands on. */
export class RedisRateLimiter implements RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private async bucket(name: RateName, key: string, spend: boolean): Promise<number> {
    const rule = RATE_RULES[name];
    const args = [rule.burst, 1000 * rule.refillSeconds, spend ? "1" : "0"];
    return Number(await runScript(this.redis, L.RATE_TAKE, [`${this.prefix}rate:${name}:${key}`], args));
  }

  take(name: RateName, key: string): Promise<number> {
    return this.bucket(name, key, true);
  }

  peek(name: RateName, key: string): Promise<number> {
    return this.bucket(name, key, false);
  }

  async close(): Promise<void> {}
}

type DirtyHandler = (code: string, pollId: string) => void;

/**
 * "Poll X of room C changed", on a pub/sub channel. The publisher marks its own coalescer at
 * once (no round trip for its own sockets) and ignores its echo; every other node marks its
 * coalescer when the message arrives, then reads the store and sends to its own sockets once per
 * tick. So each client gets one `results` per poll per tick whatever node it is on, and as each
 * node drops results older than what it sent, `seq` never goes back.
 */
export class RedisDirtyBus implements DirtyBus {
  private handler: DirtyHandler = () => {};
  private readonly listener = (channel: string, message: string) => this.receive(channel, message);

  constructor(
    private readonly pub: Redis,
    private readonly sub: Redis,
    private readonly channel: string,
    private readonly nodeId: string,
  ) {}

  /** Subscribes; resolves once Redis confirmed, so no change published after it is missed. */
  async start(): Promise<void> {
    this.sub.on("message", this.listener);
    await this.sub.subscribe(this.channel);
  }

  publish(code: string, pollId: string): void {
    this.handler(code, pollId);
    // Lost while Redis is down: the vote that made the poll dirty failed too, and every node
    // sends a fresh state to its sockets once Redis is back.
    this.pub.publish(this.channel, JSON.stringify([this.nodeId, code, pollId])).catch(() => {});
  }

  subscribe(handler: DirtyHandler): void {
    this.handler = handler;
  }

  private receive(channel: string, message: string): void {
    if (channel !== this.channel) return;
    try {
      const [from, code, pollId] = JSON.parse(message) as [unknown, unknown, unknown];
      if (from !== this.nodeId && typeof code === "string" && typeof pollId === "string") this.handler(code, pollId);
    } catch {
      // Not ours: nothing else publishes on this channel, but a bad message must not throw here.
    }
  }

  async close(): Promise<void> {
    this.sub.off("message", this.listener);
  }
}
