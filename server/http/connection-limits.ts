// Connection limits of one node: Node's HTTP timeouts (slow-header and slow-body clients are
// dropped), and a maximum number of open client connections, past which HTTP answers 503 and
// Socket.IO handshakes a connect_error `unavailable`, both with a sentence saying why.
import type { Server } from "node:http";
import type { Duplex } from "node:stream";
import type { FastifyInstance } from "fastify";
import { ERR } from "../../shared/error-catalogue.js";
import { sendError } from "./errors.js";

export interface TimeoutOptions {
  /** Time to receive a request's headers (slowloris). */
  headersMs?: number;
  /** How long an idle keep-alive connection stays open (above a load balancer's idle timeout). */
  keepAliveMs?: number;
  /** How often Node checks the two timeouts above. */
  checkEveryMs?: number;
}

export const TIMEOUT_DEFAULTS = { headersMs: 10_000, keepAliveMs: 72_000, checkEveryMs: 5_000 } as const;

/** Time to receive a whole request: fastify's `requestTimeout` in app.ts (30 s). */
const REQUEST_MS = 30_000;

export const DEFAULT_MAX_CONNECTIONS = 20_000;

/** Fastify's options for its HTTP server (spread into `Fastify({...})`). */
export function serverTimeouts(options: TimeoutOptions = {}) {
  const t = { ...TIMEOUT_DEFAULTS, ...options };
  return {
    keepAliveTimeout: t.keepAliveMs,
    http: {
      // Node refuses a headers timeout longer than the request timeout.
      headersTimeout: Math.min(t.headersMs, REQUEST_MS),
      requestTimeout: REQUEST_MS,
      connectionsCheckingInterval: t.checkEveryMs,
    },
  };
}

/** Counts the node's open client connections (HTTP keep-alive and WebSockets alike). */
export class ConnectionGauge {
  private open = 0;
  /** One listener for every connection (`close` fires once): no closure per connection. */
  private readonly closed = (): void => {
    this.open--;
  };

  constructor(
    server: Server,
    readonly max: number,
  ) {
    server.on("connection", (socket) => {
      this.open++;
      socket.on("close", this.closed);
    });
    // Past the limit, connections are still accepted so that they can be told why they are
    // refused; far past it (a client ignoring the refusal), Node drops them unanswered.
    server.maxConnections = max + Math.max(64, Math.ceil(max * 0.05));
  }

  get count(): number {
    return this.open;
  }

  /** True while more connections are open than the node accepts (the caller's own counts). */
  full(): boolean {
    return this.open > this.max;
  }
}

/** HTTP requests over the limit answer 503 and close their connection; /healthz stays reachable. */
export function refuseWhenFull(app: FastifyInstance, gauge: ConnectionGauge): void {
  app.addHook("onRequest", (req, reply, done) => {
    if (!gauge.full() || req.url === "/healthz") return done();
    reply.header("connection", "close");
    sendError(req, reply, ERR.serverFull());
  });
}

/**
 * Requests Node refuses before fastify sees them (malformed HTTP, headers over 16 KB, headers or
 * body too slow) get the contract's error shape too: 400 invalid, 413 too_large, or 408 with the
 * code invalid (a timeout has no code of its own in the contract). Then the connection closes.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === "ECONNRESET" || socket.destroyed) return;
  const [status, reason, error] =
    err.code === "ERR_HTTP_REQUEST_TIMEOUT"
      ? ([408, "Request Timeout", ERR.requestTimeout()] as const)
      : err.code === "HPE_HEADER_OVERFLOW"
        ? ([413, "Payload Too Large", ERR.headersTooLarge()] as const)
        : ([400, "Bad Request", ERR.badHttp()] as const);
  const body = JSON.stringify({ error: error.body("en") });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
