// `npm run backup -- <file>`: a consistent copy of the SQLite store, taken while the server
// runs and takes votes. SQLite's online backup API reads the file in one read transaction,
// which in WAL mode never blocks the server's writes; the copy holds every commit made
// before it began. Written beside the target and renamed when complete and checked, so a
// half-written file is never mistaken for a backup.
import { accessSync, constants, existsSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import Database from "better-sqlite3";

export class BackupError extends Error {}

export const DB_FILE = "tribune.db";

/** What to do instead when the state is in Redis: a snapshot of Redis, not of a file here. */
export const REDIS_INSTRUCTIONS = `REDIS_URL is set: the state is in Redis, not in DATA_DIR. Back up Redis instead:
  redis-cli -u "$REDIS_URL" BGSAVE, wait until LASTSAVE changes, then copy Redis' dump.rdb elsewhere
  (redis-cli -u "$REDIS_URL" --rdb backup.rdb does both from another machine),
  or copy the AOF directory (appendonlydir) while Redis runs with appendonly yes.
  With docker compose: see "Backups" in docs/deploy.md.`;

export interface BackupResult {
  file: string;
  bytes: number;
  pages: number;
}

/** `tribune-20250314-101500.db`: a directory given as target gets a file named by the time. */
const stampedName = (now: Date): string =>
  `tribune-${now.toISOString().replace(/\..*$/, "").replace(/[-:]/g, "").replace("T", "-")}.db`;

function targetFile(target: string, now: Date): string {
  const path = resolve(target);
  if (existsSync(path) && statSync(path).isDirectory()) return join(path, stampedName(now));
  return path;
}

function mustWrite(dir: string): void {
  if (!existsSync(dir)) throw new BackupError(`Cannot write the backup: the directory ${dir} does not exist.`);
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw new BackupError(`Cannot write the backup: the directory ${dir} is not writable by this user.`);
  }
}

/** Copies DATA_DIR/tribune.db into `target` (a file, or a directory to put a time-stamped file in). */
export async function backupSqlite(dataDir: string, target: string, now = new Date()): Promise<BackupResult> {
  const source = resolve(dataDir, DB_FILE);
  if (!existsSync(source)) {
    throw new BackupError(`No database at ${source}: set DATA_DIR to the directory the server uses (it holds ${DB_FILE}).`);
  }
  const file = targetFile(target, now);
  if (dirname(file) === dirname(source) && basename(file).startsWith(DB_FILE)) {
    throw new BackupError(`The backup cannot be written over the live database: choose a file outside ${dirname(source)}.`);
  }
  if (existsSync(file)) throw new BackupError(`${file} already exists: choose another name (a backup never overwrites).`);
  mustWrite(dirname(file));

  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  // Read-write like the server (a read-only connection cannot open a WAL file whose -shm is
  // missing), but it writes nothing; the busy timeout waits out a checkpoint in progress.
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    // The first step copies nothing; the progress answer then makes the next step copy every
    // page at once: one read transaction, so writes during the copy never restart it.
    const progress = await db.backup(partial, { progress: () => 0x7fffffff });
    verify(partial);
    renameSync(partial, file);
    return { file, bytes: statSync(file).size, pages: progress.totalPages };
  } catch (error) {
    rmSync(partial, { force: true });
    if (error instanceof BackupError) throw error;
    throw new BackupError(`The backup failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    db.close();
  }
}

/** The copy must read back as a sound database with Tribune's tables. */
function verify(file: string): void {
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const check = copy.pragma("quick_check", { simple: true });
    if (check !== "ok") throw new BackupError(`The copy failed its integrity check (${String(check)}).`);
    copy.prepare("SELECT count(*) FROM events").get();
  } finally {
    copy.close();
  }
}
