// Per-event retention: past `retentionDays`, participant ids, ballots' owners, upvoters, client
// ids and bans are erased and only aggregates stay; events still within retention keep
// everything; DELETE /api/events/:id erases everything at once.

import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { RetentionSweeper, sweepRetention } from "../../server/service/retention.js";
import { api, emitAck, newParticipantId } from "../helpers/clients.js";
import {
  ADMIN_TOKEN,
  ask,
  askOk,
  createOpenPoll,
  expectAckOk,
  expectError,
  moderationState,
  pollBody,
  upvote,
  vote,
} from "../helpers/fixtures.js";
import { useServer } from "../helpers/use-server.js";

const server = useServer();

const DAY = 24 * 60 * 60 * 1000;

/** Reads every row of every table of the SQLite file and checks which strings appear. */
function expectOnDisk(expected: { absent: string[]; present: string[] }): void {
  const db = new Database(join(server.dataDir, "tribune.db"), { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    const dump = JSON.stringify(tables.map((t) => db.prepare(`SELECT * FROM "${t.name}"`).all()));
    for (const text of expected.absent) expect(dump).not.toContain(text);
    for (const text of expected.present) expect(dump).toContain(text);
  } finally {
    db.close();
  }
}

async function createEvent(body: Record<string, unknown>) {
  return api(server.url, "POST", "/api/events", {
    token: ADMIN_TOKEN,
    body: { title: "Retention", rooms: [{ name: "R" }], ...body },
  });
}

/** An event with votes, a question with a clientId, upvotes and a ban: everything that holds participant ids. */
async function busyEvent(retentionDays?: number) {
  const res = await createEvent(retentionDays === undefined ? {} : { retentionDays });
  expect(res.status).toBe(201);
  const key = res.body.moderatorKey;
  const code = res.body.rooms[0].code;
  const pids = [newParticipantId(), newParticipantId(), newParticipantId()];
  const poll = await createOpenPoll(server.url, key, code, pollBody("single"));
  for (const [i, pid] of pids.entries()) {
    expect((await vote(server.url, poll.id, [i % 2], pid)).status).toBe(200);
  }
  const words = await createOpenPoll(server.url, key, code, pollBody("wordcloud")); // closes the first one
  expect((await vote(server.url, words.id, "Rust", pids[0])).status).toBe(200);
  const q = await askOk(server.url, code, "Kept as text?", { participantId: pids[0], clientId: "first", author: "Ada" });
  const troll = await askOk(server.url, code, "Troll", { participantId: pids[2] });
  for (const pid of pids.slice(1)) expect((await upvote(server.url, q.id, pid)).status).toBe(200);
  expect((await api(server.url, "POST", `/api/questions/${troll.id}/ban`, { token: key })).status).toBe(200);
  return { id: res.body.id as string, key, code, pids, poll, words, q, troll };
}

describe("retentionDays in POST /api/events", () => {
  it("is 30 by default, 1 to 365 whole days, else 400", async () => {
    const plain = await createEvent({});
    expect(plain.status).toBe(201);
    expect(plain.body.retentionDays).toBe(30);
    for (const days of [1, 365]) expect((await createEvent({ retentionDays: days })).body.retentionDays).toBe(days);
    for (const bad of [0, 366, 1.5, "30", -1, null]) expectError(await createEvent({ retentionDays: bad }), 400, "invalid");
  });
});

describe("the retention sweep", () => {
  it("erases participant ids of events past retention, keeps every aggregate, and touches nothing else", async () => {
    const short = await busyEvent(1);
    const long = await busyEvent(); // 30 days
    const shortBefore = await moderationState(server.url, short.key, short.code);
    const longBefore = await moderationState(server.url, long.key, long.code);

    // Within retention, nothing happens.
    expect((await sweepRetention(server.app, new Date(Date.now() + DAY / 2))).events).toBe(0);
    // Two days later: the one-day event is swept.
    const report = await sweepRetention(server.app, new Date(Date.now() + 2 * DAY));
    expect(report.events).toBeGreaterThanOrEqual(1);
    expect(report.erased.ballots).toBeGreaterThanOrEqual(4);

    // On disk: no participant id of the swept event is left anywhere in the database.
    if (server.app.store.kind === "sqlite") expectOnDisk({ absent: short.pids, present: long.pids });

    // Aggregates stay: the moderation view (results, voters, upvotes, texts, statuses) is unchanged.
    expect(await moderationState(server.url, short.key, short.code)).toEqual(shortBefore);
    expect(await moderationState(server.url, long.key, long.code)).toEqual(longBefore);
    const json = await api(server.url, "GET", `/api/rooms/${short.code}/export.json`, { token: short.key });
    expect(json.body.questions.find((q: any) => q.id === short.q.id)).toMatchObject({
      text: "Kept as text?",
      author: "Ada",
      upvotes: 2,
    });

    // What pointed to a participant is gone: its own state is empty, its ban is lifted.
    const me = await server.participant(short.code, short.pids[0]);
    expect(me.state.me).toEqual({ ballots: {}, upvoted: [], questions: [], nickname: null, score: 0, rank: null, points: {} });
    const upvoter = await server.participant(short.code, short.pids[1]);
    expect(upvoter.state.me.upvoted).toEqual([]);
    expect((await ask(server.url, short.code, "Unbanned by retention", { participantId: short.pids[2] })).status).toBe(201);
    // The other event keeps everything.
    const kept = await server.participant(long.code, long.pids[0]);
    expect(kept.state.me.ballots).toEqual({ [long.poll.id]: [0], [long.words.id]: "rust" });
    expect(kept.state.me.questions.map((q: any) => q.id)).toEqual([long.q.id]);
    expectError(await ask(server.url, long.code, "Still banned", { participantId: long.pids[2] }), 403, "forbidden");
  });

  it("a question whose author was erased can no longer be used to ban anyone", async () => {
    const ev = await busyEvent(1);
    await sweepRetention(server.app, new Date(Date.now() + 2 * DAY));
    expectError(await api(server.url, "POST", `/api/questions/${ev.q.id}/ban`, { token: ev.key }), 409, "conflict");
    // Participants keep taking part; votes count on top of the kept aggregate.
    const p = await server.participant(ev.code);
    const results = expectAckOk(await emitAck(p.socket, "vote", { pollId: ev.words.id, choice: "Go" }));
    expect(results.voters).toBe(2);
  });

  it("the sweeper runs at start and then periodically, and stops with the server", async () => {
    const ev = await busyEvent(1);
    const logged: unknown[] = [];
    const log = { info: (o: unknown) => logged.push(o), error: (o: unknown) => logged.push(o) };
    const later = { store: server.app.store, now: () => new Date(Date.now() + 2 * DAY) };
    const sweeper = new RetentionSweeper(later, 50, log);
    sweeper.start();
    await new Promise((r) => setTimeout(r, 200));
    await sweeper.stop();
    expect(logged.length).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(logged)).not.toContain(ev.pids[0]);
    const me = await server.participant(ev.code, ev.pids[0]);
    expect(me.state.me.ballots).toEqual({});
  });
});

describe("DELETE /api/events/:id", () => {
  it("erases everything of the event at once, audit log and bans included", async () => {
    const ev = await busyEvent();
    expect((await api(server.url, "DELETE", `/api/events/${ev.id}`, { token: ADMIN_TOKEN })).status).toBe(204);
    expectError(await api(server.url, "GET", `/api/rooms/${ev.code}`), 404, "not_found");
    expectError(await api(server.url, "GET", `/api/rooms/${ev.code}/audit`, { token: ADMIN_TOKEN }), 404, "not_found");
    expect(await server.app.store.auditLog(ev.code)).toEqual([]);
    expect(await server.app.store.isBanned(ev.code, ev.pids[2])).toBe(false);
    if (server.app.store.kind === "sqlite") expectOnDisk({ absent: [...ev.pids, ev.code], present: [] });
  });
});
