// `npm run backup`: a copy taken by a separate process while the server takes a vote storm
// holds every vote acknowledged before the copy began, and a server started on it serves them.
import { spawn } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { emitAck, newParticipantId } from "../helpers/clients.js";
import {
  closeSockets,
  createEvent,
  createOpenPoll,
  type EventFixture,
  expectAckOk,
  getResults,
  participantSocket,
  pollBody,
  sleep,
} from "../helpers/fixtures.js";
import { startServer, type TestServer } from "../helpers/server.js";

const ROOT = join(import.meta.dirname, "../..");
const onRedis = process.env.TEST_STORE === "redis";

/** The backup command in its own process: server/backup-main.ts, what `npm run backup` runs once built. */
function runBackup(
  target: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/backup-main.ts", target], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, stdout, stderr })));
}

let dirs: string[] = [];
const tempDir = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), `tribune-${name}-`));
  dirs.push(dir);
  return dir;
};
afterEach(() => closeSockets());
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

describe.skipIf(onRedis)("a backup during a vote storm", () => {
  const ROOMS = 5;
  const PARTICIPANTS = 50;
  let server: TestServer;
  let ev: EventFixture;
  let polls: string[];

  beforeAll(async () => {
    server = await startServer({ dataDir: tempDir("live") });
    ev = await createEvent(server.url, { rooms: ROOMS });
    polls = [];
    for (const room of ev.rooms)
      polls.push((await createOpenPoll(server.url, ev.moderatorKey, room.code, pollBody("single"))).id);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("holds every vote acknowledged before it began, and a server started on it serves them", async () => {
    const people = Array.from({ length: PARTICIPANTS }, () => newParticipantId());
    // Each participant in every room, one vote per (participant, poll): 250 ballots, none replaced.
    const sockets: { socket: Socket; pid: string; room: number }[] = [];
    for (const [room, { code }] of ev.rooms.entries()) {
      for (const pid of people) sockets.push({ socket: (await participantSocket(server.url, code, pid)).socket, pid, room });
    }

    const acked: { pid: string; room: number; choice: number; at: number }[] = [];
    const storm = Promise.all(
      sockets.map(async ({ socket, pid, room }, i) => {
        await sleep((i * 7919) % 6000); // spread over six seconds: the copy starts in the middle
        const choice = (i + room) % 3;
        expectAckOk(await emitAck(socket, "vote", { pollId: polls[room], choice: [choice] }));
        acked.push({ pid, room, choice, at: performance.now() });
      }),
    );

    await sleep(1000);
    const began = performance.now();
    const before = [...acked];
    const target = join(tempDir("backups"), "copy.db");
    const backup = await runBackup(target, { DATA_DIR: server.dataDir });
    await storm;
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain(`Backup written: ${target}`);
    expect(before.length).toBeGreaterThan(0);
    expect(acked.filter((v) => v.at > began).length).toBeGreaterThan(0); // the storm went on during the copy

    // A valid SQLite database, and nothing half-written left beside it.
    const copy = new Database(target, { readonly: true });
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    copy.close();
    expect(readdirSync(join(target, "..")).filter((f) => f.endsWith(".partial"))).toEqual([]);

    // Restore as docs/deploy.md says: the copy as tribune.db of a fresh DATA_DIR, then start.
    const restoredDir = tempDir("restored");
    copyFileSync(target, join(restoredDir, "tribune.db"));
    await server.close();
    closeSockets();
    const restored = await startServer({ dataDir: restoredDir });
    try {
      // Results count at least the votes acknowledged before the copy, at most all of them.
      for (const [room, pollId] of polls.entries()) {
        const results = await getResults(restored.url, pollId);
        const early = before.filter((v) => v.room === room);
        const all = acked.filter((v) => v.room === room);
        expect(results.voters).toBeGreaterThanOrEqual(early.length);
        expect(results.voters).toBeLessThanOrEqual(all.length);
        for (let option = 0; option < 3; option++) {
          expect(results.counts[option]).toBeGreaterThanOrEqual(early.filter((v) => v.choice === option).length);
        }
      }
      // Each of those voters finds its own ballot.
      for (const vote of before) {
        const { state, socket } = await participantSocket(restored.url, ev.rooms[vote.room]!.code, vote.pid);
        expect(state.me.ballots[polls[vote.room]!]).toEqual([vote.choice]);
        socket.close();
      }
    } finally {
      await restored.close();
    }
  }, 120_000);
});

// The command refuses the same way whatever the store the other tests run on: once is enough.
describe.skipIf(onRedis)("backup refusals", () => {
  it("says so when DATA_DIR holds no database, and writes nothing", async () => {
    const empty = tempDir("empty");
    const out = join(tempDir("out"), "copy.db");
    const res = await runBackup(out, { DATA_DIR: empty });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(`No database at ${join(empty, "tribune.db")}`);
    expect(existsSync(out)).toBe(false);
  });

  it("refuses a target it cannot write, an existing file, and the live database itself", async () => {
    const data = tempDir("data");
    const db = new Database(join(data, "tribune.db"));
    db.exec("CREATE TABLE events (id TEXT)");
    db.close();

    const missing = await runBackup(join(data, "no-such-dir", "copy.db"), { DATA_DIR: data });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/directory .*no-such-dir does not exist/);

    const taken = join(tempDir("out"), "taken.db");
    writeFileSync(taken, "keep me");
    const exists = await runBackup(taken, { DATA_DIR: data });
    expect(exists.code).toBe(1);
    expect(exists.stderr).toMatch(/already exists/);

    const live = await runBackup(join(data, "tribune.db"), { DATA_DIR: data });
    expect(live.code).toBe(1);
    expect(live.stderr).toMatch(/over the live database/);

    if (process.getuid?.() !== 0) {
      // root writes anywhere: the permission check is only observable for another user.
      const locked = tempDir("locked");
      chmodSync(locked, 0o500);
      const denied = await runBackup(join(locked, "copy.db"), { DATA_DIR: data });
      expect(denied.code).toBe(1);
      expect(denied.stderr).toMatch(/not writable/);
      chmodSync(locked, 0o700);
    }
  });

  it("with REDIS_URL, says how to back up Redis instead", async () => {
    const res = await runBackup(join(tempDir("out"), "copy.db"), { REDIS_URL: "redis://127.0.0.1:6379", DATA_DIR: tempDir("d") });
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/REDIS_URL is set/);
    expect(res.stderr).toMatch(/BGSAVE/);
    expect(res.stderr).toMatch(/dump\.rdb/);
  });

  it("writes a time-stamped file when given a directory", async () => {
    const data = tempDir("data");
    mkdirSync(data, { recursive: true });
    const db = new Database(join(data, "tribune.db"));
    db.exec("CREATE TABLE events (id TEXT)");
    db.close();
    const out = tempDir("out");
    const res = await runBackup(out, { DATA_DIR: data });
    expect(res.code).toBe(0);
    expect(readdirSync(out)).toEqual([expect.stringMatching(/^tribune-\d{8}-\d{6}\.db$/)]);
  });
});
