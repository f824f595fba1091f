// The only file that reads the environment, listens and exits.
import { mkdirSync } from "node:fs";
import { ensureAdminToken } from "./admin-token.js";
import { type App, buildApp } from "./app.js";
import { ConfigError, loadConfig } from "./config.js";
import { ensureDemo } from "./demo.js";

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env, process.argv.slice(2));
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`tribune: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  mkdirSync(config.dataDir, { recursive: true });
  const admin = ensureAdminToken(config.dataDir, config.adminToken);
  const app: App = await buildApp({ ...config, adminToken: admin.token });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) process.exit(1); // a second signal: stop now
    closing = true;
    app.fastify.log.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    await app.close().catch((err) => app.fastify.log.error({ err }, "error while closing"));
    clearTimeout(force);
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));

  await app.fastify.listen({ port: config.port, host: config.host });
  const base = config.publicUrl;
  const lines = ["", `Tribune is serving on ${base} (store: ${app.store.kind})`, `  Organizer page: ${base}/organizer`];
  if (admin.created) {
    lines.push(`  Admin token (shown once, kept in ${config.dataDir}/admin-token): ${admin.token}`);
  }
  lines.push(
    "  Create an event:",
    `    curl -X POST ${base}/api/events -H 'Authorization: Bearer <admin token>' -H 'Content-Type: application/json' \\`,
    `      -d '{"title":"My congress","rooms":[{"name":"Plenary"}]}'`,
  );
  if (config.demo) {
    const demo = await ensureDemo(app.tribune, config.dataDir);
    lines.push("", `Demo event "${demo.title}" (moderator key: ${demo.moderatorKey}):`);
    for (const room of demo.rooms) {
      lines.push(
        `  ${room.name} [${room.code}]`,
        `    audience:  ${base}/${room.code}`,
        `    screen:    ${base}/screen/${room.code}`,
        `    moderator: ${base}/moderator#key=${demo.moderatorKey}&room=${room.code}`,
      );
    }
  }
  console.log(`${lines.join("\n")}\n`);
}

main().catch((error) => {
  console.error(`tribune: could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
