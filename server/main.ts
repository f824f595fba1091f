// The only file that reads the environment, listens and exits.
import { networkInterfaces } from "node:os";
import { ensureAdminToken } from "./admin-token.js";
import { type App, buildApp, LISTEN_BACKLOG } from "./app.js";
import { ConfigError, loadConfig } from "./config.js";
import { ensureDataDir } from "./data-dir.js";
import { ensureDemo } from "./demo.js";
import { isLoopback, lanAddresses } from "./lan-address.js";

async function main(): Promise<void> {
  const interfaces = networkInterfaces();
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env, process.argv.slice(2), interfaces);
    ensureDataDir(config.dataDir);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`tribune: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
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

  await app.fastify.listen({ port: config.port, host: config.host, backlog: LISTEN_BACKLOG });
  const base = config.publicUrl;
  const lines = ["", `Tribune is serving on ${base} (store: ${app.store.kind})`, ...publicUrlLines(config, interfaces)];
  lines.push(`  Organizer page: ${base}/organizer`);
  if (admin.created) {
    lines.push(`  Admin token (shown once, kept in ${config.dataDir}/admin-token): ${admin.token}`);
  } else {
    lines.push(`  Admin token: ${config.adminToken ? "from ADMIN_TOKEN" : `in ${config.dataDir}/admin-token`}`);
  }
  lines.push(
    "  Create an event:",
    `    curl -X POST ${base}/api/events -H 'Authorization: Bearer <admin token>' -H 'Content-Type: application/json' \\`,
    `      -d '{"title":"My congress","rooms":[{"name":"Plenary"}]}'`,
  );
  if (config.demo) {
    const demo = await ensureDemo(app.tribune, config.dataDir, config.demoLang);
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

/** Where the public URL comes from, the other candidates, and a warning when phones cannot reach it. */
function publicUrlLines(config: ReturnType<typeof loadConfig>, interfaces: ReturnType<typeof networkInterfaces>): string[] {
  const lines: string[] = [];
  const candidates = lanAddresses(interfaces);
  if (config.publicUrlDefaulted) {
    const [first, ...others] = candidates;
    if (first) lines.push(`  Join links use ${first.address} (${first.name}), this machine's first network address.`);
    if (others.length > 0) {
      const list = others.map((c) => `http://${c.address}:${config.port} (${c.name})`).join(", ");
      lines.push(`  Other addresses of this machine: ${list}`);
    }
  }
  if (isLoopback(config.publicUrl)) {
    lines.push(
      `  WARNING: ${config.publicUrl} is reachable from this machine only: phones cannot open its join links or QR codes.`,
      "  Set PUBLIC_URL to the address phones use, e.g. PUBLIC_URL=http://192.168.1.20:3000 npm start",
    );
  } else if (config.publicUrlDefaulted) {
    lines.push("  Set PUBLIC_URL to choose another address (e.g. a name behind a reverse proxy).");
  }
  return lines;
}

main().catch((error) => {
  console.error(`tribune: could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
