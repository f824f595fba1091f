// What the Socket.IO door needs from the HTTP server's defences: whether the node is full, and
// who a handshake comes from (the same reading of X-Forwarded-For as HTTP requests).
import type { AddressOf } from "./client-address.js";

export interface SocketGuard {
  full(): boolean;
  addressOf: AddressOf;
}
