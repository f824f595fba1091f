// Which pages may talk to this server, the same rule for HTTP writes, CORS and Socket.IO handshakes.
import type { IncomingMessage } from "node:http";

/** Browsers always send Origin: allow the configured origins and the page's own origin. */
export function originAllowed(req: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (!origin) return true; // not a browser: no cross-site hijacking possible
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
