// The Store contract on a real SQLite file, plus what only the embedded store promises:
// WAL with full fsync, and data that is still there when the file is opened again.

import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { newId, newRoomCode } from "../../server/core/rooms.js";
import { SCHEMA_VERSION } from "../../server/store/sqlite-schema.js";
import { openSqliteStore, type SqliteStore } from "../../server/store/sqlite-store.js";
import { ROOM_CODE } from "../../shared/limits.js";
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
    await first.createEvent({
      id: eventId,
      code: newRoomCode(),
      title: "T",
      keyHash: "h",
      createdAt,
      rooms: [{ id: newId(), code, name: "R" }],
    });
    await first.createPoll({
      id: pollId,
      sessionId: null,
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

  it("upgrades a schema 1 file: its events get the default retention, counted from their creation", async () => {
    const file = join(dir, "schema1.db");
    const db = new Database(file);
    db.exec(`CREATE TABLE events (id TEXT PRIMARY KEY, title TEXT NOT NULL, key_hash TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL)`);
    db.prepare("INSERT INTO events VALUES (?, ?, ?, ?)").run("old-event", "Before retention", "h1", "2026-01-10T08:00:00.000Z");
    db.pragma("user_version = 1");
    db.close();
    const store = openSqliteStore(file);
    try {
      expect(await store.getEvent("old-event")).toMatchObject({
        title: "Before retention",
        premoderation: false,
        timeZone: "Europe/Paris",
        autoSessions: false,
      });
      // An event from before event codes gets one, in the room codes' namespace.
      const { code } = (await store.getEvent("old-event"))!;
      expect(code).toMatch(ROOM_CODE);
      expect(await store.eventIdForCode(code)).toBe("old-event");
      expect(await store.expiredEvents("2026-02-09T07:59:59.999Z")).toEqual([]);
      expect(await store.expiredEvents("2026-02-09T08:00:00.000Z")).toEqual(["old-event"]);
      expect(await store.eraseParticipants("old-event")).toEqual({ ballots: 0, upvotes: 0, questions: 0, bans: 0 });
    } finally {
      await store.close();
    }
    const check = new Database(file, { readonly: true });
    expect(check.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    check.close();
  });

  it("upgrades a schema 2 file: its events get pre-moderation off for rooms added later, and can change it", async () => {
    const file = join(dir, "schema2.db");
    const db = new Database(file);
    db.exec(`CREATE TABLE events (id TEXT PRIMARY KEY, title TEXT NOT NULL, key_hash TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL, retention_days INTEGER, expires_at TEXT)`);
    db.prepare("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?)").run(
      "v2-event",
      "Before event defaults",
      "h2",
      "2026-01-10T08:00:00.000Z",
      30,
      "2026-02-09T08:00:00.000Z",
    );
    db.pragma("user_version = 2");
    db.close();
    const store = openSqliteStore(file);
    try {
      expect(await store.getEvent("v2-event")).toMatchObject({ title: "Before event defaults", premoderation: false });
      expect(await store.updateEvent("v2-event", { premoderation: true })).toMatchObject({ premoderation: true });
    } finally {
      await store.close();
    }
  });

  /** A file as schema 4 wrote it (open answers, reaction totals), with one event, room, open poll and question. */
  function schema4File(name: string): { file: string; db: Database.Database } {
    const file = join(dir, name);
    const db = new Database(file);
    db.exec(readFileSync(new URL("../fixtures/sqlite-schema-4.sql", import.meta.url), "utf8"));
    const at = "2026-01-10T08:00:00.000Z";
    db.prepare("INSERT INTO events (id, title, key_hash, created_at, retention_days, expires_at) VALUES (?, ?, ?, ?, ?, ?)").run(
      "old-event",
      "Before sessions",
      "h4",
      at,
      30,
      "2026-02-09T08:00:00.000Z",
    );
    db.prepare("INSERT INTO rooms (id, event_id, code, name, created_at) VALUES (?, ?, ?, ?, ?)").run(
      "old-room",
      "old-event",
      "OLDRM1",
      "Main hall",
      at,
    );
    db.prepare(
      "INSERT INTO polls (id, room_code, title, kind, options, status, results_visible, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    ).run("old-poll", "OLDRM1", "Ideas?", "open", "[]", "open", 1, at);
    db.prepare(
      "INSERT INTO questions (id, room_code, participant_id, text, author, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    ).run("old-question", "OLDRM1", "participant-000001", "Why?", "", "live", at);
    return { file, db };
  }

  /** What a file upgraded from before sessions must hold and do: a code, no session yet, sessions that start. */
  async function expectSessionsWork(file: string, before?: (store: SqliteStore) => Promise<void>) {
    const store = openSqliteStore(file);
    try {
      await before?.(store);
      const event = await store.getEvent("old-event");
      expect(event).toMatchObject({ title: "Before sessions", timeZone: "Europe/Paris", autoSessions: false });
      expect(event!.code).toMatch(ROOM_CODE);
      expect(await store.eventIdForCode(event!.code)).toBe("old-event");
      expect((await store.getRoom("OLDRM1"))?.sessionId).toBeNull();
      expect((await store.getPoll("old-poll"))?.sessionId).toBeNull();
      expect((await store.getQuestion("old-question"))?.sessionId).toBeNull();
      // Schema 6: older questions have no reply and no labels, and take both.
      expect(await store.getQuestion("old-question")).toMatchObject({ reply: null, repliedAt: null, labels: [] });
      const labelled = await store.annotateQuestion("old-question", { labels: ["old"] });
      expect(labelled).toMatchObject({ labels: ["old"], reply: null });
      const at = "2026-01-10T09:00:00.000Z";
      const session = { id: "new-session", roomCode: "OLDRM1", title: "Keynote", speakers: [], startsAt: null, endsAt: null };
      expect(await store.createSession({ ...session, status: "upcoming", createdAt: at, statusAt: null }, 200)).toBe("ok");
      const moved = await store.setSessionStatus("new-session", ["upcoming"], "live", at);
      // Starting a session closes the open polls of other sessions: the poll of none is one.
      expect(moved).toMatchObject({ session: { status: "live" }, closed: [{ id: "old-poll", status: "closed" }] });
      expect((await store.getRoom("OLDRM1"))?.sessionId).toBe("new-session");
      return store;
    } catch (err) {
      await store.close();
      throw err;
    }
  }

  it("upgrades a schema 3 file through 4 (open answers, reactions) and 5 (event codes, sessions)", async () => {
    const { file, db } = schema4File("schema3.db");
    // Schema 4 only added the answers and reactions tables: without them the file is as 3 wrote it.
    db.exec("DROP TABLE answers; DROP TABLE reactions");
    db.pragma("user_version = 3");
    db.close();
    const answer = { id: "a1", text: "More bike lanes", createdAt: "2026-01-10T08:30:00.000Z" };
    // Schema 4's tables work before sessions do (the open poll is of no session).
    const store = await expectSessionsWork(file, async (s) => {
      expect(await s.castBallot("old-poll", "participant-000002", answer.text, [], answer)).toMatchObject({ voters: 1 });
      await s.addReactions("OLDRM1", { "👏": 3 });
    });
    try {
      expect(await store.answer("old-poll", "a1")).toEqual({ ...answer, hidden: false });
      expect(await store.reactionTotals("OLDRM1")).toEqual({ "👏": 3 });
    } finally {
      await store.close();
    }
    const check = new Database(file, { readonly: true });
    expect(check.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    check.close();
  });

  it("upgrades a schema 4 file: its open answers and reaction totals stay, event codes, sessions and the report's tables come", async () => {
    const { file, db } = schema4File("schema4.db");
    db.prepare("INSERT INTO answers (id, poll_id, participant_id, text, hidden, created_at) VALUES (?, ?, ?, ?, ?, ?)").run(
      "old-answer",
      "old-poll",
      "participant-000001",
      "Shorter talks",
      1,
      "2026-01-10T08:10:00.000Z",
    );
    db.prepare("INSERT INTO reactions (room_code, emoji, count) VALUES (?, ?, ?)").run("OLDRM1", "❤️", 7);
    db.pragma("user_version = 4");
    db.close();
    const store = await expectSessionsWork(file);
    try {
      expect(await store.answer("old-poll", "old-answer")).toEqual({
        id: "old-answer",
        text: "Shorter talks",
        createdAt: "2026-01-10T08:10:00.000Z",
        hidden: true,
      });
      expect(await store.reactionTotals("OLDRM1")).toEqual({ "❤️": 7 });
      // Schema 7: the report's tables. The old totals are the room's, outside any session; the new
      // minute goes to the session the upgrade check started.
      const minute = { minute: "2026-01-10T08:10:00.000Z", participants: 3, votes: 1, questions: 0, reactions: 0 };
      await store.recordActivity("OLDRM1", [{ ...minute, seen: ["participant-000001"] }]);
      const activity = await store.activity("OLDRM1");
      expect(activity.find((a) => a.sessionId === null)?.reactions).toEqual({ "❤️": 7 });
      expect(activity.find((a) => a.sessionId !== null)).toMatchObject({
        distinct: 1,
        timeline: [{ at: minute.minute, votes: 1 }],
      });
    } finally {
      await store.close();
    }
    const check = new Database(file, { readonly: true });
    expect(check.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    check.close();
  });

  it("upgrades a schema 6 file: its events get an empty blocklist, which then takes words", async () => {
    const file = join(dir, "schema6.db");
    const first = openSqliteStore(file);
    const eventId = newId();
    await first.createEvent({
      id: eventId,
      code: newRoomCode(),
      title: "Before blocklists",
      keyHash: "h6",
      createdAt: new Date().toISOString(),
      rooms: [{ id: newId(), code: newRoomCode(), name: "R" }],
    });
    await first.close();
    const db = new Database(file);
    db.exec("ALTER TABLE events DROP COLUMN blocklist");
    db.pragma("user_version = 6");
    db.close();
    const store = openSqliteStore(file);
    try {
      expect(await store.eventBlocklist(eventId)).toEqual([]);
      expect(await store.getEvent(eventId)).toMatchObject({ title: "Before blocklists", blocklist: [] });
      await store.updateEvent(eventId, { blocklist: ["lobby"] });
      expect(await store.eventBlocklist(eventId)).toEqual(["lobby"]);
    } finally {
      await store.close();
    }
    const check = new Database(file, { readonly: true });
    expect(check.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    check.close();
  });

  it("upgrades a schema 6 file: its rooms stay, and take room keys and backstage messages too", async () => {
    const file = join(dir, "schema6-keys.db");
    const first = openSqliteStore(file);
    const code = newRoomCode();
    const eventId = newId();
    await first.createEvent({
      id: eventId,
      code: newRoomCode(),
      title: "Before keys",
      keyHash: "event-key-hash",
      createdAt: "2026-01-10T08:00:00.000Z",
      rooms: [{ id: newId(), code, name: "Room" }],
    });
    await first.close();
    // Without schema 7's column and two tables, the file is as 6 wrote it.
    const db = new Database(file);
    db.exec("ALTER TABLE events DROP COLUMN blocklist; DROP TABLE room_keys; DROP TABLE messages");
    db.pragma("user_version = 6");
    db.close();
    const store = openSqliteStore(file);
    try {
      expect((await store.getRoom(code))?.eventId).toBe(eventId);
      const key = { id: "k1", role: "speaker" as const, roomCode: code, label: "", createdAt: "2026-01-10T09:00:00.000Z" };
      expect(await store.createRoomKey({ ...key, keyHash: "room-key-hash" }, 5)).toEqual({ ...key, eventId });
      expect(await store.findRoomKey("room-key-hash")).toEqual({ ...key, eventId });
      const message = { id: "m1", text: "5 minutes left", at: "2026-01-10T09:30:00.000Z" };
      expect(await store.addMessage(code, message, 20)).toBe("ok");
      expect(await store.messages(code)).toEqual([message]);
    } finally {
      await store.close();
    }
    const check = new Database(file, { readonly: true });
    expect(check.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    check.close();
  });

  it("refuses a file written by a newer schema", () => {
    const file = join(dir, "future.db");
    const db = new Database(file);
    db.pragma("user_version = 99");
    db.close();
    expect(() => openSqliteStore(file)).toThrow(/newer/);
  });
});
