// The HTTP door's defences (see docs/security.md): security headers and CORS, refusal of
// foreign-origin writes, connection limits, and the caller's address for per-address limits.
// Returns what the Socket.IO door needs of them.
import type { FastifyInstance } from "fastify";
import { addressReader } from "../edge/client-address.js";
import type { SocketGuard } from "../edge/socket-guard.js";
import { ConnectionGauge, DEFAULT_MAX_CONNECTIONS, refuseWhenFull } from "./connection-limits.js";
import { registerSecurity } from "./security.js";

export interface DefenceConfig {
  publicUrl: string;
  allowedOrigins: string[];
  trustProxy?: boolean | string | undefined;
  /** Open client connections this node accepts (MAX_CONNECTIONS). */
  maxConnections?: number | undefined;
}

export async function registerDefences(app: FastifyInstance, config: DefenceConfig): Promise<SocketGuard> {
  const gauge = new ConnectionGauge(app.server, config.maxConnections ?? DEFAULT_MAX_CONNECTIONS);
  refuseWhenFull(app, gauge);
  await registerSecurity(app, config);
  return { full: () => gauge.full(), addressOf: addressReader(config.trustProxy) };
}
