// Wires the defences of the hardening issue into the app (see docs/security.md): security
// headers and CORS, refusal of foreign-origin writes, connection limits, the caller's address for
// per-address limits, the routes for key rotation, bans and the audit log, and the retention
// sweeper. Returns what the Socket.IO door needs of it.
import type { FastifyInstance } from "fastify";
import { RETENTION } from "../core/retention.js";
import { callerContext } from "../service/caller.js";
import { RetentionSweeper } from "../service/retention.js";
import type { Tribune } from "../service/tribune.js";
import { type AddressOf, addressReader } from "./client-address.js";
import { ConnectionGauge, DEFAULT_MAX_CONNECTIONS, refuseWhenFull } from "./connection-limits.js";
import { safetyRoutes } from "./safety-routes.js";
import { registerSecurity } from "./security.js";

export interface HardeningConfig {
  publicUrl: string;
  allowedOrigins: string[];
  trustProxy?: boolean | string | undefined;
  /** Open client connections this node accepts (MAX_CONNECTIONS). */
  maxConnections?: number | undefined;
  /** How often the retention sweeper runs, in ms (0: only once at start). */
  retentionSweepMs?: number | undefined;
}

/** What the Socket.IO door needs: whether the node is full, and who a handshake comes from. */
export interface SocketGuard {
  full(): boolean;
  addressOf: AddressOf;
}

export async function registerHardening(app: FastifyInstance, config: HardeningConfig, tribune: Tribune): Promise<SocketGuard> {
  const gauge = new ConnectionGauge(app.server, config.maxConnections ?? DEFAULT_MAX_CONNECTIONS);
  refuseWhenFull(app, gauge);
  await registerSecurity(app, config);
  // Every handler runs knowing its caller's address (service/caller.ts): the per-address
  // ceiling reads it there. `done` runs the handler inside the context.
  app.addHook("preHandler", (req, _reply, done) => callerContext.run({ address: req.ip }, done));
  safetyRoutes(app, tribune);

  const sweeper = new RetentionSweeper(tribune.deps, config.retentionSweepMs ?? RETENTION.sweepEveryMs, app.log);
  app.addHook("onReady", async () => sweeper.start());
  app.addHook("preClose", async () => sweeper.stop());

  return { full: () => gauge.full(), addressOf: addressReader(config.trustProxy) };
}
