// A Tribune node for the bench: the same buildApp() that server/main.ts runs, listening on a
// free loopback port, with the built pages left out (the page scenario weighs them apart).
// BENCH_APP: the file URL of a built server/app.js (default: the TypeScript source, via tsx).
// Environment as main.ts reads it: DATA_DIR, REDIS_URL, ADMIN_TOKEN, LOG_LEVEL.
// Over IPC it also answers `reaction-totals` {code}: the store's reaction totals of a room, which
// no HTTP route exposes, so the reactions scenario can check every acknowledged one was counted,
// and `join-times`: each join's time on the server since the last asking (join-probe.ts).
import type * as AppModule from "../../server/app.js";
import { serveIpc } from "./ipc.js";
import { probeJoins } from "./join-probe.js";

const appUrl = process.env.BENCH_APP || new URL("../../server/app.ts", import.meta.url).href;
const { buildApp, LISTEN_BACKLOG } = (await import(appUrl)) as typeof AppModule;

const app = await buildApp({
  port: 0,
  host: "127.0.0.1",
  dataDir: process.env.DATA_DIR ?? "./data",
  redisUrl: process.env.REDIS_URL || undefined,
  adminToken: process.env.ADMIN_TOKEN ?? "bench-admin-token-0123456789abcdef",
  publicUrl: "http://127.0.0.1",
  allowedOrigins: ["http://127.0.0.1"],
  logLevel: process.env.LOG_LEVEL ?? "warn",
  clientDir: "",
  // The admission window, as ADMISSION_MAX sets it for server/main.ts (a large value measures the node without it).
  ...(process.env.ADMISSION_MAX ? { admissionMax: Number(process.env.ADMISSION_MAX) } : {}),
});
const joinTimes = probeJoins(app.fastify.server, app.io.engine);
await app.fastify.listen({ port: 0, host: "127.0.0.1", backlog: LISTEN_BACKLOG });
serveIpc(
  app.fastify.server,
  () => app.close(),
  async (message) => {
    if (message.type === "reaction-totals") return { totals: await app.store.reactionTotals(String(message.code)) };
    if (message.type === "join-times") return { ms: joinTimes() };
    return { error: `unknown request ${String(message.type)}` };
  },
);
