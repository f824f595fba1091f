// Micro-measurements of the known levers, on the server's own code but outside the server,
// so each suggested change comes with its expected gain before anyone writes it:
//   npx tsx bench/levers.ts [--data-dir <dir>]
// 1. SQLite commits: castBallot one at a time as shipped (WAL, synchronous=FULL: one fsync per
//    commit), the same with synchronous=NORMAL, and with 10 or 100 votes in flight at once
//    (grouped into one commit when the store batches the writes of a tick).
// 2. Word-cloud votes: the cost of one vote as the distinct words grow (the tally comes back whole).
// 3. Room state: building and serialising RoomState per request, against a cached string.
// 4. Results payloads: bytes of a `results` frame as sent, and a compact form.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type Database from "better-sqlite3";
import { buildApp } from "../server/app.js";
import { openSqliteStore, type SqliteStore } from "../server/store/sqlite-store.js";
import { fsTypeOf } from "./lib/proc.js";
import { round } from "./lib/stats.js";
import { ADMIN_TOKEN, participantId } from "./lib/tribune-api.js";

const { values } = parseArgs({ options: { "data-dir": { type: "string", default: tmpdir() } } });
const base = values["data-dir"]!;
const out: string[] = [];
const say = (line: string) => {
  out.push(line);
  console.log(line);
};

async function seedPoll(store: SqliteStore, tag: string): Promise<string> {
  const now = new Date().toISOString();
  const code = `L${tag}`.slice(0, 6).toUpperCase().padEnd(6, "X");
  await store.createEvent({
    id: `e${tag}`,
    code: `E${tag}`.slice(0, 6).toUpperCase().padEnd(6, "Y"),
    title: "Levers",
    keyHash: `h${tag}`,
    createdAt: now,
    rooms: [{ id: `r${tag}`, code, name: "Room" }],
  });
  const pollId = `p${tag}`;
  await store.createPoll({
    id: pollId,
    roomCode: code,
    sessionId: null,
    title: "Q",
    kind: "single",
    options: ["a", "b", "c", "d"],
    status: "draft",
    resultsVisible: true,
    createdAt: now,
  });
  await store.setPollStatus(pollId, ["draft"], "open");
  return pollId;
}

async function commits(): Promise<void> {
  const dir = mkdtempSync(join(base, "tribune-levers-"));
  say(`SQLite commits (data dir on ${fsTypeOf(dir)}):`);
  try {
    const n = 400;
    const measure = async (label: string, synchronous: "FULL" | "NORMAL", perTransaction: number) => {
      const store = openSqliteStore(join(dir, `${label.replace(/\W+/g, "-")}.db`));
      const db = (store as unknown as { db: Database.Database }).db;
      db.pragma(`synchronous = ${synchronous}`);
      const pollId = await seedPoll(store, label.replace(/\W+/g, "").slice(0, 5));
      const ballots = Array.from({ length: n }, (_, i) => participantId("lever", i));
      const t0 = performance.now();
      // `perTransaction` votes in flight at once: a store that groups the writes of one tick
      // commits them together; one that does not commits each apart.
      for (let i = 0; i < n; i += perTransaction) {
        await Promise.all(
          ballots.slice(i, i + perTransaction).map((pid, k) => store.castBallot(pollId, pid, [k % 4], [String(k % 4)])),
        );
      }
      const ms = performance.now() - t0;
      const tally = await store.tally(pollId);
      await store.close();
      say(
        `  ${label.padEnd(44)} ${round((1000 * ms) / n)
          .toString()
          .padStart(7)} µs per vote, ${round((n / ms) * 1000)
          .toString()
          .padStart(7)} votes/s (counted ${tally?.voters})`,
      );
    };
    await measure("synchronous=FULL, one commit per vote", "FULL", 1);
    await measure("synchronous=NORMAL, one commit per vote", "NORMAL", 1);
    await measure("synchronous=FULL, 10 votes in flight", "FULL", 10);
    await measure("synchronous=FULL, 100 votes in flight", "FULL", 100);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A word-cloud vote returns the whole tally: its cost grows with the distinct words already given. */
async function wordcloud(): Promise<void> {
  const dir = mkdtempSync(join(base, "tribune-levers-"));
  say("Word-cloud votes (castBallot returns every word's count):");
  try {
    const store = openSqliteStore(join(dir, "words.db"));
    const now = new Date().toISOString();
    await store.createEvent({
      id: "ew",
      code: "EWEWEW",
      title: "Words",
      keyHash: "hw",
      createdAt: now,
      rooms: [{ id: "rw", code: "WORDSX", name: "Room" }],
    });
    await store.createPoll({
      id: "pw",
      roomCode: "WORDSX",
      sessionId: null,
      title: "One word",
      kind: "wordcloud",
      options: [],
      status: "draft",
      resultsVisible: true,
      createdAt: now,
    });
    await store.setPollStatus("pw", ["draft"], "open");
    let given = 0;
    for (const target of [0, 1000, 5000, 10_000]) {
      const seed: Promise<unknown>[] = [];
      for (; given < target; given++)
        seed.push(store.castBallot("pw", participantId("w", given), `word${given}`, [`word${given}`]));
      await Promise.all(seed);
      const n = 200;
      const t0 = performance.now();
      for (let i = 0; i < n; i += 100) {
        await Promise.all(
          Array.from({ length: 100 }, (_, k) =>
            store.castBallot("pw", participantId("x", given + i + k), `new${i + k}`, [`new${i + k}`]),
          ),
        );
      }
      const ms = performance.now() - t0;
      given += n;
      say(`  with ${String(target).padStart(6)} distinct words already: ${round((1000 * ms) / n)} µs per vote (100 in flight)`);
    }
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function roomState(): Promise<void> {
  const dir = mkdtempSync(join(base, "tribune-levers-"));
  const app = await buildApp({
    port: 0,
    host: "127.0.0.1",
    dataDir: dir,
    adminToken: ADMIN_TOKEN,
    publicUrl: "http://127.0.0.1",
    allowedOrigins: ["http://127.0.0.1"],
    logLevel: "silent",
    clientDir: "",
  });
  try {
    const inject = async (method: "GET" | "POST", url: string, payload?: unknown) => {
      const res = await app.fastify.inject({
        method,
        url,
        payload: payload as object,
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      });
      return res.json();
    };
    const event = await inject("POST", "/api/events", { title: "Levers", rooms: [{ name: "Plenary" }] });
    const code: string = event.rooms[0].code;
    for (let p = 0; p < 2; p++) {
      const poll = await inject("POST", `/api/rooms/${code}/polls`, {
        title: `Poll ${p}`,
        kind: "single",
        options: ["a", "b", "c", "d"],
      });
      await inject("POST", `/api/polls/${poll.id}/open`);
      for (let i = 0; i < 30; i++)
        await inject("POST", `/api/polls/${poll.id}/votes`, { participantId: participantId(`s${p}`, i), choice: [i % 4] });
    }
    for (let i = 0; i < 20; i++) {
      await inject("POST", `/api/rooms/${code}/questions`, {
        participantId: participantId("q", i),
        text: `Seed question number ${i}: how does the speaker see this topic evolving?`,
      });
    }
    const n = 3000;
    let bytes = 0;
    let t0 = performance.now();
    for (let i = 0; i < n; i++) bytes = JSON.stringify(await app.tribune.publicState(code)).length;
    const built = (performance.now() - t0) / n;
    const state = await app.tribune.publicState(code);
    t0 = performance.now();
    for (let i = 0; i < n; i++) JSON.stringify(state);
    const serialised = (performance.now() - t0) / n;
    t0 = performance.now();
    for (let i = 0; i < n; i++) await app.tribune.publicState(code, participantId("me", i));
    const withMe = (performance.now() - t0) / n;
    say(`Room state (2 polls, 20 questions, ${bytes} bytes of JSON):`);
    say(`  built from the store and serialised, per request   ${round(built * 1000)} µs`);
    say(`  the same for a participant (with 'me'), per join    ${round(withMe * 1000)} µs`);
    say(`  serialising a cached object only                    ${round(serialised * 1000)} µs`);
    say("  a cached serialised string                           ~0 µs (one write per request)");
    const results = { pollId: "AbCdEfGhIjKlMnOp", voters: 9873, counts: [2451, 3012, 2210, 2200], seq: 19746 };
    const frame = `42${JSON.stringify(["results", results])}`;
    const compact = `42${JSON.stringify(["r", [results.pollId, results.voters, results.seq, ...results.counts]])}`;
    say("Results frame (four options, 10,000 voters):");
    say(`  as sent: ${frame.length} bytes; compact array form: ${compact.length} bytes`);
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await commits();
await wordcloud();
await roomState();
