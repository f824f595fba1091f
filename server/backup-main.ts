// The command behind `npm run backup -- <file>`: reads DATA_DIR and REDIS_URL as the server
// does, copies the SQLite store, and says where it went or why it could not.
import { BackupError, backupSqlite, REDIS_INSTRUCTIONS } from "./backup.js";
import { ConfigError, loadConfig } from "./config.js";

const USAGE = `Usage: npm run backup -- <file or directory>
  Copies DATA_DIR/tribune.db while the server runs. A directory gets tribune-<date>-<time>.db.
  Restore: stop the server, copy the backup as DATA_DIR/tribune.db, remove tribune.db-wal and
  tribune.db-shm if present, start the server.`;

async function main(): Promise<number> {
  const target = process.argv[2];
  if (!target || target === "-h" || target === "--help") {
    console.error(USAGE);
    return target ? 0 : 2;
  }
  const config = loadConfig(process.env);
  if (config.redisUrl) throw new BackupError(REDIS_INSTRUCTIONS);
  const result = await backupSqlite(config.dataDir, target);
  const size =
    result.bytes >= 1024 * 1024 ? `${(result.bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(result.bytes / 1024)} KB`;
  console.log(`Backup written: ${result.file} (${size}, integrity checked)`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    const known = error instanceof BackupError || error instanceof ConfigError;
    console.error(`tribune backup: ${known ? error.message : error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);
