// The first check of every Socket.IO handshake, before the room and key checks: a full node
// refuses (`unavailable`), participants' and screens' handshakes take a slot of the admission
// window (`unavailable` with `retryAfter` when a join storm fills it, see join-admission.ts) and
// spend the per-address connection ceiling (`rate_limited`). Moderator handshakes are not
// counted: a valid key is never refused for what the audience does.
import type { IncomingMessage } from "node:http";
import { ERR } from "../../shared/error-catalogue.js";
import type { AdmissionWindow } from "../core/admission.js";
import type { SocketGuard } from "../edge/socket-guard.js";
import { isLoopback } from "../service/caller.js";
import type { Tribune } from "../service/tribune.js";
import { rememberAddress } from "./dispatch.js";
import { langOf, refuse } from "./handshake.js";
import type { IoSocket } from "./socket-data.js";

type Next = (err?: Error) => void;

/**
 * Each engine connection's client address, read from its first HTTP request (X-Forwarded-For
 * when trusted) before io.ts drops that request: the handshake no longer has its headers.
 */
const connectionAddresses = new WeakMap<object, string>();

export function rememberConnection(conn: { remoteAddress: string; request: IncomingMessage | null }, guard: SocketGuard): void {
  if (conn.request) connectionAddresses.set(conn, guard.addressOf(conn.remoteAddress, conn.request.headers));
}

export function gate(tribune: Tribune, guard: SocketGuard, admission: AdmissionWindow) {
  return async (socket: IoSocket, next: Next) => {
    const auth: unknown = socket.handshake.auth;
    const lang = langOf(auth);
    if (guard.full()) return next(refuse(ERR.serverFull(), lang));
    const address = connectionAddresses.get(socket.conn) ?? socket.handshake.address;
    socket.handshake.address = address; // what the handshake's wrong-key limit counts, as over HTTP
    rememberAddress(socket, address);
    if (auth && typeof auth === "object" && "moderatorKey" in auth) return next();
    // Before the loopback exemption: a storm through a local proxy is a storm all the same.
    const wait = admission.wait();
    if (wait > 0) return next(refuse(ERR.joinQueue(wait), lang));
    if (isLoopback(address)) return next();
    try {
      const wait = await tribune.connectionWait(address);
      next(wait === 0 ? undefined : refuse(ERR.tooManyConnections(wait), lang));
    } catch {
      next(); // the limiter is unavailable (Redis down): the handshake's own checks answer
    }
  };
}
