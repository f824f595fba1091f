// Starts one real redis-server for the integration suite's Redis run.
import { type RedisServer, startRedis } from "./redis-server.js";

let redis: RedisServer | null = null;

export async function setup(): Promise<void> {
  redis = await startRedis();
  process.env.TEST_REDIS_URL = redis.url;
}

export async function teardown(): Promise<void> {
  await redis?.destroy();
}
