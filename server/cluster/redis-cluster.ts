// What a node needs to be one of several on one Redis, besides the store: the ports
// (presence, rate limits, dirty polls), the Socket.IO adapter, readiness, and the
// resynchronisation of its clients after Redis comes back.
//
// Connections per node: the store's own, `cmd` (ports' scripts and every PUBLISH, adapter's
// included) and `sub` (the adapter's subscriptions and the dirty-poll channel). Neither queues
// commands while Redis is down: they fail at once, which the service answers 503 unavailable.
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { createAdapter } from "@socket.io/redis-adapter";
import type { Redis } from "ioredis";
import { connectRedis } from "../store/redis-client.js";
import { type PresenceOptions, RedisDirtyBus, RedisPresence, RedisRateLimiter } from "./redis-ports.js";

export interface ClusterOptions {
  /** Prefix of every key and channel; the store's ("t:") by default. */
  keyPrefix?: string;
  presence?: PresenceOptions;
  /** How long the first connection may take (ms). */
  connectTimeout?: number;
}

/**
 * The Socket.IO Redis adapter calls publish/subscribe without handling their promise: while
 * Redis is down, a rejected one would be an unhandled rejection, which stops Node. What is
 * lost meanwhile is made good by the resync once Redis is back.
 */
function swallowRejections(client: Redis, methods: string[]): void {
  const target = client as unknown as Record<string, unknown>;
  for (const name of methods) {
    const original = target[name];
    if (typeof original !== "function") continue;
    target[name] = (...args: unknown[]) => {
      const result: unknown = original.apply(client, args);
      if (result instanceof Promise) result.catch(() => {});
      return result;
    };
  }
}

export class RedisCluster {
  readonly presence: RedisPresence;
  readonly limiter: RedisRateLimiter;
  readonly dirty: RedisDirtyBus;
  private stopping = false;
  private watcher: NodeJS.Timeout | null = null;

  private constructor(
    private readonly cmd: Redis,
    private readonly sub: Redis,
    private readonly prefix: string,
    readonly nodeId: string,
    options: ClusterOptions,
  ) {
    this.presence = new RedisPresence(cmd, prefix, nodeId, options.presence);
    this.limiter = new RedisRateLimiter(cmd, prefix);
    this.dirty = new RedisDirtyBus(cmd, sub, `${prefix}dirty`, nodeId);
  }

  static async open(url: string, options: ClusterOptions = {}): Promise<RedisCluster> {
    const timeout = options.connectTimeout ?? 10_000;
    const opened = await Promise.allSettled([connectRedis(url, timeout), connectRedis(url, timeout)]);
    const clients = opened.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []));
    const failed = opened.find((o) => o.status === "rejected");
    if (failed) {
      for (const client of clients) client.disconnect();
      throw failed.reason;
    }
    const [cmd, sub] = clients as [Redis, Redis];
    swallowRejections(cmd, ["publish"]);
    swallowRejections(sub, ["subscribe", "psubscribe", "unsubscribe", "punsubscribe"]);
    const nodeId = `${hostname()}-${process.pid}-${randomBytes(4).toString("hex")}`;
    const cluster = new RedisCluster(cmd, sub, options.keyPrefix ?? "t:", nodeId, options);
    try {
      await cluster.dirty.start();
    } catch (error) {
      await cluster.close();
      throw error;
    }
    return cluster;
  }

  /**
   * The classic Redis adapter (PUBLISH/PSUBSCRIBE) rather than the sharded one: see
   * docs/deploy.md, "Socket.IO adapter". Channels carry the key prefix, so two Tribunes may
   * share one Redis under different prefixes.
   */
  adapter(): ReturnType<typeof createAdapter> {
    return createAdapter(this.cmd, this.sub, { key: `${this.prefix}socket.io`, publishOnSpecificResponseChannel: true });
  }

  /** Both connections are up (the store reports its own), and the node is not shutting down. */
  ready(): boolean {
    return !this.stopping && this.cmd.status === "ready" && this.sub.status === "ready";
  }

  /**
   * Calls `recover` once the store and both connections are ready again after any of them was
   * lost: the node's clients may have missed broadcasts, and its presence mirror may be stale.
   * Connection events catch short outages; the interval catches the store's own connection.
   */
  watch(storeReady: () => boolean, recover: () => void, intervalMs = 250): void {
    let lost = false;
    const check = () => {
      if (this.stopping) return;
      if (!(this.ready() && storeReady())) {
        lost = true;
        return;
      }
      if (!lost) return;
      lost = false;
      recover();
    };
    for (const client of [this.cmd, this.sub]) {
      client.on("close", () => {
        lost = true;
      });
      client.on("ready", () => setImmediate(check));
    }
    this.watcher = setInterval(check, intervalMs).unref();
  }

  /** Readiness goes down first, so the load balancer stops sending new clients here. */
  stop(): void {
    this.stopping = true;
  }

  /** Quits both connections; the ports' close() (presence cleanup) must have run before. */
  async close(): Promise<void> {
    this.stop();
    if (this.watcher) clearInterval(this.watcher);
    await Promise.all(
      [this.sub, this.cmd].map(async (client) => {
        try {
          await client.quit();
        } catch {
          client.disconnect();
        }
      }),
    );
  }
}
