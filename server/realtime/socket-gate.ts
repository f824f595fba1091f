// The first check of every Socket.IO handshake, before the room and key checks: a full node
// refuses (`unavailable`), and participants' and screens' handshakes spend the per-address
// connection ceiling (`rate_limited`). Moderator handshakes are not counted: a valid key is
// never refused for what the audience does.
import type { IncomingMessage } from "node:http";
import type { Socket } from "socket.io";
import { type AppError, fail, type Lang } from "../../shared/errors.js";
import { serverFull } from "../http/connection-limits.js";
import type { SocketGuard } from "../http/hardening.js";
import { isLoopback } from "../service/caller.js";
import type { Tribune } from "../service/tribune.js";
import { rememberAddress } from "./with-ack.js";

type Next = (err?: Error) => void;

/**
 * Each engine connection's client address, read from its first HTTP request (X-Forwarded-For
 * when trusted) before io.ts drops that request: the handshake no longer has its headers.
 */
const connectionAddresses = new WeakMap<object, string>();

export function rememberConnection(
  conn: { remoteAddress: string; request: IncomingMessage | null },
  guard: SocketGuard | undefined,
): void {
  if (guard && conn.request) connectionAddresses.set(conn, guard.addressOf(conn.remoteAddress, conn.request.headers));
}

/** A connect_error carrying the same code as HTTP errors in `data`. */
function refuse(error: AppError, lang: Lang): Error {
  const err = new Error(error.text[lang]) as Error & { data: unknown };
  err.data = error.body(lang);
  return err;
}

export function gate(tribune: Tribune, guard: SocketGuard) {
  return async (socket: Socket, next: Next) => {
    const auth = socket.handshake.auth as Record<string, unknown> | undefined;
    const lang: Lang = auth?.lang === "fr" ? "fr" : "en";
    if (guard.full()) return next(refuse(serverFull(), lang));
    const address = connectionAddresses.get(socket.conn) ?? socket.handshake.address;
    socket.handshake.address = address; // what the handshake's wrong-key limit counts, as over HTTP
    rememberAddress(socket, address);
    if (auth && typeof auth === "object" && "moderatorKey" in auth) return next();
    if (isLoopback(address)) return next();
    try {
      const wait = await tribune.deps.limiter.take("ipConnect", address);
      if (wait === 0) return next();
      next(
        refuse(
          fail(
            "rate_limited",
            `Too many connections from this network right now. Try again in ${wait} s.`,
            `Trop de connexions depuis ce réseau en ce moment. Réessayez dans ${wait} s.`,
            wait,
          ),
          lang,
        ),
      );
    } catch {
      next(); // the limiter is unavailable (Redis down): the handshake's own checks answer
    }
  };
}
