// The Store contract on a real SQLite file, plus what only the embedded store promises:
// WAL with full fsync, and data that is still there when the file is opened again.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { newId, newRoomCode } from "../../server/core/rooms.js";
import { openSqliteStore } from "../../server/store/sqlite-store.js";
import { storeContractSuite } from "./store-suite.js";

const dir = mkdtempSync(join(tmpdir(), "tribune-sqlite-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

storeContractSuite("sqlite", async () => openSqliteStore(join(dir, "contract.db")));

describe("SqliteStore specifics", () => {
  it("creates its file in WAL mode with full sync and foreign keys on", async () => {
    const file = join(dir, "pragmas.db");
    const store = openSqliteStore(file);
    try {
      expect(existsSync(file)).toBe(true);
      expect(store.kind).toBe("sqlite");
      const db = new Database(file, { readonly: true });
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
      db.close();
      // synchronous = 2 is FULL: every commit is fsynced before the command answers.
      expect(store.settings()).toEqual({ journalMode: "wal", synchronous: 2, foreignKeys: true, busyTimeout: 5000 });
    } finally {
      await store.close();
    }
  });

  it("is not ready once closed", async () => {
    const store = openSqliteStore(join(dir, "closed.db"));
    expect(store.ready()).toBe(true);
    await store.close();
    expect(store.ready()).toBe(false);
    await store.close(); // closing twice is harmless
  });

  it("keeps committed data when the file is opened again", async () => {
    const file = join(dir, "reopen.db");
    const first = openSqliteStore(file);
    const code = newRoomCode();
    const eventId = newId();
    const pollId = newId();
    const createdAt = new Date().toISOString();
    await first.createEvent({ id: eventId, title: "T", keyHash: "h", createdAt, rooms: [{ id: newId(), code, name: "R" }] });
    await first.createPoll({
      id: pollId,
      roomCode: code,
      title: "P",
      kind: "scale",
      options: [],
      status: "draft",
      resultsVisible: true,
      createdAt,
    });
    await first.setPollStatus(pollId, ["draft"], "open");
    await first.castBallot(pollId, "participant-000001", 4, ["4"]);
    await first.close();
    const second = openSqliteStore(file);
    try {
      expect((await second.getRoom(code))?.eventId).toBe(eventId);
      expect(await second.tally(pollId)).toEqual({ tally: { "4": 1 }, voters: 1, seq: 1 });
      expect(await second.participantData(code, "participant-000001")).toEqual({ ballots: { [pollId]: 4 }, upvoted: [] });
    } finally {
      await second.close();
    }
  });

  it("refuses a file written by a newer schema", () => {
    const file = join(dir, "future.db");
    const db = new Database(file);
    db.pragma("user_version = 99");
    db.close();
    expect(() => openSqliteStore(file)).toThrow(/newer/);
  });
});
