// A real Tribune server on port 0 for a test, on a fresh SQLite directory
// (or on Redis when TEST_STORE=redis and TEST_REDIS_URL are set).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type App, type AppConfig, buildApp } from "../../server/app.js";

export interface TestServer {
  url: string;
  adminToken: string;
  dataDir: string;
  app: App;
  close(): Promise<void>;
}

export const ADMIN_TOKEN = "test-admin-token-0123456789abcdef";

export async function startServer(overrides: Partial<AppConfig> = {}): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), "tribune-test-"));
  const redisUrl = overrides.redisUrl ?? (process.env.TEST_STORE === "redis" ? process.env.TEST_REDIS_URL : undefined);
  // An integration server on Redis is a one-node cluster of its own: its rate limits and
  // presence must not be shared with the servers of other test files.
  const isolated =
    !overrides.redisUrl && redisUrl ? { cluster: { keyPrefix: `it-${Math.random().toString(36).slice(2, 10)}:` } } : {};
  const config: AppConfig = {
    ...isolated,
    port: 0,
    host: "127.0.0.1",
    dataDir,
    redisUrl,
    adminToken: ADMIN_TOKEN,
    publicUrl: "http://localhost:3000",
    allowedOrigins: ["http://localhost:3000"],
    logLevel: "silent",
    ...overrides,
  };
  const app = await buildApp(config);
  const address = await app.fastify.listen({ port: config.port, host: config.host });
  return {
    url: address,
    adminToken: config.adminToken,
    dataDir,
    app,
    async close() {
      await app.close();
      if (!overrides.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
