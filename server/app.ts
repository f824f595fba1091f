// Builds the whole app from a config and never listens: main.ts listens, tests use port 0.
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Fastify, { type FastifyInstance, LogController } from "fastify";
import type { Server } from "socket.io";
import { BODY_LIMIT, installErrorHandling } from "./http/errors.js";
import { eventRoutes } from "./http/event-routes.js";
import { pollRoutes, questionRoutes } from "./http/poll-routes.js";
import { roomRoutes } from "./http/room-routes.js";
import { createIo } from "./realtime/io.js";
import { SocketOutbox } from "./realtime/outbox.js";
import type { Deps } from "./service/deps.js";
import { LocalDirtyBus, LocalPresence, LocalRateLimiter } from "./service/local-ports.js";
import type { Outbox } from "./service/ports.js";
import { Tribune } from "./service/tribune.js";
import { openRedisStore } from "./store/redis-store.js";
import { openSqliteStore } from "./store/sqlite-store.js";
import type { Store } from "./store/store.js";

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  redisUrl?: string | undefined;
  adminToken: string;
  publicUrl: string;
  allowedOrigins: string[];
  logLevel: string;
  /** Built web pages; served when the directory exists. */
  clientDir?: string;
}

export interface App {
  fastify: FastifyInstance;
  io: Server;
  tribune: Tribune;
  store: Store;
  close(): Promise<void>;
}

/** The repository's top, whether this file runs from server/ (tsx) or dist/server/ (built). */
const HERE = dirname(fileURLToPath(import.meta.url));
const TOP = join(HERE, HERE.endsWith(join("dist", "server")) ? "../.." : "..");
export const DEFAULT_CLIENT_DIR = join(TOP, "dist", "client");

async function openStore(config: AppConfig): Promise<Store> {
  if (config.redisUrl) return openRedisStore(config.redisUrl);
  mkdirSync(config.dataDir, { recursive: true });
  return openSqliteStore(join(config.dataDir, "tribune.db"));
}

export async function buildApp(config: AppConfig): Promise<App> {
  const store = await openStore(config);
  const fastify = Fastify({
    logger: { level: config.logLevel, redact: ["req.headers.authorization"] },
    bodyLimit: BODY_LIMIT,
    // One line per vote would cost more than the vote: request lines only when debugging.
    logController: new LogController({ disableRequestLogging: !["debug", "trace"].includes(config.logLevel) }),
    requestTimeout: 30_000,
    trustProxy: true,
  });
  installErrorHandling(fastify);

  // The outbox needs the Socket.IO server, which needs the service: bind it once both exist.
  let outbox: Outbox | null = null;
  const lateOutbox = new Proxy({} as Outbox, {
    get:
      (_target, name: keyof Outbox) =>
      (...args: never[]) =>
        (outbox?.[name] as (...a: never[]) => void)?.(...args),
  });
  const deps: Deps = {
    store,
    outbox: lateOutbox,
    presence: new LocalPresence(),
    limiter: new LocalRateLimiter(),
    dirty: new LocalDirtyBus(),
    adminToken: config.adminToken,
    publicUrl: config.publicUrl.replace(/\/+$/, ""),
    now: () => new Date(),
  };
  const tribune = new Tribune(deps);
  const { io, resyncLocal } = createIo(fastify.server, tribune, config.allowedOrigins, fastify.log);
  outbox = new SocketOutbox(io, resyncLocal);

  fastify.get("/healthz", async () => ({ status: "ok" }));
  fastify.get("/readyz", async (_req, reply) => {
    const ready = store.ready();
    return reply.code(ready ? 200 : 503).send({ status: ready ? "ready" : "unavailable", store: store.kind });
  });
  eventRoutes(fastify, tribune);
  roomRoutes(fastify, tribune);
  pollRoutes(fastify, tribune);
  questionRoutes(fastify, tribune);
  const clientDir = config.clientDir ?? DEFAULT_CLIENT_DIR;
  if (clientDir && existsSync(join(clientDir, "index.html"))) {
    const { registerPages } = await import("./http/pages.js");
    await registerPages(fastify, clientDir);
  }

  // Sockets first, so the HTTP server can close; then the service's timers; the store last.
  fastify.addHook("preClose", async () => {
    io.local.disconnectSockets(true);
  });
  fastify.addHook("onClose", async () => {
    await new Promise<void>((resolve) => io.close(() => resolve()));
    tribune.close();
    await Promise.all([deps.presence.close(), deps.limiter.close(), deps.dirty.close()]);
    await store.close();
  });
  await fastify.ready();

  return { fastify, io, tribune, store, close: () => fastify.close() };
}
