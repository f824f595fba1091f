// Builds the whole app from a config and never listens: main.ts listens, tests use port 0.
// The composition root: every part is built here, in order, and handed what it needs.
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Fastify, { type FastifyInstance, LogController } from "fastify";
import type { Readiness, SiteInfo } from "../shared/model.js";
import { type ClusterOptions, RedisCluster } from "./cluster/redis-cluster.js";
import { AdmissionWindow, DEFAULT_ADMISSION_MAX } from "./core/admission.js";
import { RETENTION } from "./core/retention.js";
import { clientErrorHandler, serverTimeouts, type TimeoutOptions } from "./http/connection-limits.js";
import { registerDefences } from "./http/defences.js";
import { BODY_LIMIT, frameworkError, installErrorHandling } from "./http/errors.js";
import { loggerOptions } from "./http/logging.js";
import { registerRoutes } from "./http/routes.js";
import { Metrics } from "./metrics/registry.js";
import { observeHttpAnswers } from "./metrics/routes.js";
import { timedStore } from "./metrics/timed-store.js";
import { attachRealtime, createIoServer, socketState } from "./realtime/io.js";
import { SocketOutbox } from "./realtime/outbox.js";
import type { IoServer } from "./realtime/socket-data.js";
import type { Deps } from "./service/deps.js";
import { LocalDirtyBus, LocalPresence, LocalRateLimiter } from "./service/local-ports.js";
import { QUIZ_SWEEP_MS } from "./service/quiz-clock.js";
import { ScoreBoard } from "./service/quiz-scores.js";
import { RetentionSweeper } from "./service/retention.js";
import { SESSION_CLOCK_MS, SessionClock } from "./service/session-clock.js";
import { RoomIndexes } from "./service/similar-questions.js";
import { StateInvalidatingOutbox } from "./service/state-invalidating-outbox.js";
import { Tribune } from "./service/tribune.js";
import { publicStateCache } from "./service/views.js";
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
  /** Whose X-Forwarded-For to believe: false (direct clients), true, or addresses/CIDRs. */
  trustProxy?: boolean | string;
  /** Built web pages; served when the directory exists. */
  clientDir?: string;
  /** Tuning of the Redis ports when `redisUrl` is set (tests shorten the presence expiry). */
  cluster?: ClusterOptions;
  /** Open client connections this node accepts before refusing with 503 / connect_error (MAX_CONNECTIONS, 20000). */
  maxConnections?: number;
  /** Participant and screen joins in progress at once before a handshake is told to retry later (ADMISSION_MAX, 256). */
  admissionMax?: number;
  /** Node HTTP server timeouts in ms (headers 10 s, request 30 s, keep-alive 72 s); tests shorten them. */
  timeouts?: TimeoutOptions;
  /** How often the retention sweeper runs, in ms (1 h; 0: only at start). */
  retentionSweepMs?: number;
  /** How often the session clock looks for sessions due to start or end, in ms (5 s; 0: only at start). */
  sessionClockMs?: number;
  /** How often the quiz clock sweeps for due quizzes, in ms (QUIZ_SWEEP_MS; 0: timers only, for tests). */
  quizSweepMs?: number;
  /** Named on the privacy and accessibility pages (ORGANIZATION_NAME, PRIVACY_CONTACT). */
  organizationName?: string | undefined;
  privacyContact?: string | undefined;
  /** Bearer token of GET /metrics (METRICS_TOKEN); unset: only callers on this machine get it. */
  metricsToken?: string | undefined;
  /** Where log lines go (tests capture them); stdout when absent. */
  logStream?: { write(line: string): void };
}

export interface App {
  fastify: FastifyInstance;
  io: IoServer;
  tribune: Tribune;
  store: Store;
  close(): Promise<void>;
}

/**
 * Connections waiting to be accepted: when a plenary scans the QR code at once, phones queue in
 * the kernel until the node takes them, instead of having their SYN dropped past Node's default
 * of 511 and retrying after 1, 3, 7 s. The kernel caps it at net.core.somaxconn (4096 by default).
 */
export const LISTEN_BACKLOG = 4096;

/** The repository's top, whether this file runs from server/ (tsx) or dist/server/ (built). */
const HERE = dirname(fileURLToPath(import.meta.url));
export const TOP = join(HERE, HERE.endsWith(join("dist", "server")) ? "../.." : "..");
export const DEFAULT_CLIENT_DIR = join(TOP, "dist", "client");

async function openStore(config: AppConfig): Promise<Store> {
  if (config.redisUrl) return openRedisStore(config.redisUrl);
  mkdirSync(config.dataDir, { recursive: true });
  return openSqliteStore(join(config.dataDir, "tribune.db"));
}

/** With Redis, the ports and the adapter are shared through it; a failure closes the store. */
async function openCluster(config: AppConfig, store: Store): Promise<RedisCluster | null> {
  if (!config.redisUrl) return null;
  try {
    return await RedisCluster.open(config.redisUrl, config.cluster);
  } catch (error) {
    await store.close();
    throw error;
  }
}

export async function buildApp(config: AppConfig): Promise<App> {
  const store = await openStore(config);
  const cluster = await openCluster(config, store);
  const fastify = Fastify({
    logger: loggerOptions(config),
    bodyLimit: BODY_LIMIT,
    // One line per vote would cost more than the vote: request lines only when debugging.
    logController: new LogController({ disableRequestLogging: !["debug", "trace"].includes(config.logLevel) }),
    requestTimeout: 30_000,
    ...serverTimeouts(config.timeouts),
    clientErrorHandler,
    // Believing X-Forwarded-For from anyone would let a client dodge per-address limits.
    trustProxy: config.trustProxy ?? false,
    frameworkErrors: frameworkError,
  });
  installErrorHandling(fastify);
  const guard = await registerDefences(fastify, config);
  const metrics = new Metrics();
  observeHttpAnswers(fastify, metrics);

  // In order: the Socket.IO server, the outbox over it, the outbox that also drops cached
  // states, the service, and last the realtime door, which needs the service.
  const presence = cluster?.presence ?? new LocalPresence();
  const publicUrl = config.publicUrl.replace(/\/+$/, "");
  const admission = new AdmissionWindow(config.admissionMax ?? DEFAULT_ADMISSION_MAX);
  const io = createIoServer(fastify.server, config.allowedOrigins, guard, admission);
  const similar = new RoomIndexes();
  const scores = new ScoreBoard();
  const now = () => new Date();
  const states = publicStateCache();
  // On one node the joining phones share the cached public view; with several, a change made on
  // another node reaches this cache only through the dirty polls or its expiry, and a phone that
  // joined meanwhile would never hear of it: each socket then reads its own.
  const joinStates = cluster ? null : states;
  const sockets = new SocketOutbox(
    io,
    socketState({ store, presence, publicUrl, similar, scores }, joinStates),
    cluster !== null,
    fastify.log,
  );
  const deps: Deps = {
    store: timedStore(store, metrics),
    outbox: new StateInvalidatingOutbox(sockets, states),
    presence,
    limiter: cluster?.limiter ?? new LocalRateLimiter(),
    dirty: cluster?.dirty ?? new LocalDirtyBus(),
    adminToken: config.adminToken,
    publicUrl,
    now,
    similar,
    scores,
    metrics,
  };
  const tribune = new Tribune(deps, states, { quizSweepMs: config.quizSweepMs ?? QUIZ_SWEEP_MS, log: fastify.log });
  sockets.receiveReactions((code, counts) => tribune.reactions.fromPeers(code, counts));
  attachRealtime(io, tribune, sockets, guard, admission, fastify.log, (event, outcome, seconds) =>
    metrics.answered(event, outcome, seconds),
  );
  metrics.watchSockets(io);
  if (cluster) metrics.watchRedis(() => store.ready() && cluster.ready());
  if (cluster) {
    io.adapter(cluster.adapter()); // before listening: no socket is in the in-memory adapter yet
    cluster.watch(
      () => store.ready(),
      () => {
        fastify.log.info({ rooms: sockets.resyncEveryRoom() }, "Redis is back: clients resynchronised");
        void cluster.presence.resync();
      },
    );
  }

  const sweeper = new RetentionSweeper(deps, config.retentionSweepMs ?? RETENTION.sweepEveryMs, fastify.log);
  fastify.addHook("onReady", async () => sweeper.start());
  fastify.addHook("preClose", async () => sweeper.stop());
  const clock = new SessionClock(deps, tribune.sessions, config.sessionClockMs ?? SESSION_CLOCK_MS, fastify.log);
  fastify.addHook("onReady", async () => clock.start());
  fastify.addHook("preClose", async () => clock.stop());
  // Stopped by tribune.close() (onClose below), as the service harness stops it too.
  fastify.addHook("onReady", async () => tribune.quizClock.start());

  const readiness = (): Readiness => {
    const ready = store.ready() && (cluster?.ready() ?? true);
    const adapter = cluster ? { adapter: cluster.ready() ? ("connected" as const) : ("disconnected" as const) } : {};
    return { status: ready ? "ready" : "unavailable", store: store.kind, ...adapter };
  };
  const site: SiteInfo = {
    organizationName: config.organizationName ?? null,
    privacyContact: config.privacyContact ?? null,
    defaultRetentionDays: RETENTION.defaultDays,
  };
  registerRoutes(fastify, { tribune, readiness, site, metrics, metricsToken: config.metricsToken });
  const clientDir = config.clientDir ?? DEFAULT_CLIENT_DIR;
  if (clientDir && existsSync(join(clientDir, "index.html"))) {
    const { registerPages } = await import("./http/pages.js");
    await registerPages(fastify, clientDir);
  }

  // Sockets first, so the HTTP server can close; then the service's timers; the store last.
  fastify.addHook("preClose", async () => {
    cluster?.stop(); // readiness down first: the load balancer sends reconnecting clients elsewhere
    // Close the transports, not the Socket.IO sessions: clients see a lost connection and
    // reconnect (to another node, or to this one once restarted); a DISCONNECT packet
    // ("io server disconnect") would tell them to stop for good.
    for (const socket of io.of("/").sockets.values()) socket.conn.close();
  });
  fastify.addHook("onClose", async () => {
    await new Promise<void>((resolve) => io.close(() => resolve()));
    await tribune.close(); // writes the report's last counts, so the store closes after it
    await Promise.all([deps.presence.close(), deps.limiter.close(), deps.dirty.close()]);
    await cluster?.close(); // after the ports: presence removes this node's entries through it
    await store.close();
  });
  await fastify.ready();

  return { fastify, io, tribune, store, close: () => fastify.close() };
}
