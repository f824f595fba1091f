// Nodes for a describe block of the cluster tests (kept apart from cluster-helpers.ts, which
// scripts outside the test runner import too).
import { afterAll, afterEach, beforeAll } from "vitest";
import { closeSockets } from "../helpers/fixtures.js";
import { type RedisServer, startRedis } from "../helpers/redis-server.js";
import type { TestServer } from "../helpers/server.js";
import { closeNodes, startNodes } from "./cluster-helpers.js";

/**
 * `count` in-process nodes on a fresh redis-server for a describe block: started before its
 * tests, closed after them (with the sockets each test opened). `urls()` and `nodes()` (their
 * stores, for what a test reads behind the doors) inside tests and hooks.
 */
export function useNodes(count: number): { urls: () => string[]; nodes: () => TestServer[] } {
  let redis: RedisServer | undefined;
  let nodes: TestServer[] = [];
  beforeAll(async () => {
    redis = await startRedis();
    nodes = await startNodes(count, redis.url);
  });
  afterEach(() => closeSockets());
  afterAll(async () => {
    await closeNodes(nodes);
    await redis?.destroy();
  });
  return { urls: () => nodes.map((n) => n.url), nodes: () => nodes };
}
