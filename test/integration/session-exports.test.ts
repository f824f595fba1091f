// One session's exports: the room's records limited to that session's polls, questions and the
// audit entries about them, as JSON and CSV, for moderators of its event only.
import { describe, expect, it } from "vitest";
import { api } from "../helpers/clients.js";
import { askOk, closePoll, createOpenPoll, createPoll, expectError, pollBody, vote } from "../helpers/fixtures.js";
import { useServer } from "../helpers/use-server.js";

const server = useServer();

/** A room with a poll and a question before any session, then two sessions with their own. */
async function roomWithSessions() {
  const ev = await server.event({ rooms: ["Main hall"] });
  const key = ev.moderatorKey;
  const session = async (title: string) => {
    const res = await api(server.url, "POST", `/api/rooms/${ev.code}/sessions`, { token: key, body: { title } });
    expect(res.status).toBe(201);
    return res.body;
  };
  const start = async (id: string) =>
    expect((await api(server.url, "POST", `/api/sessions/${id}/start`, { token: key })).status).toBe(200);
  const before = await createPoll(server.url, key, ev.code, pollBody("single", { title: "Before any session" }));
  const beforeQ = await askOk(server.url, ev.code, "Asked before the programme");
  const first = await session("Opening");
  const second = await session("Closing");
  await start(first.id);
  const poll = await createOpenPoll(server.url, key, ev.code, pollBody("single", { title: "First session poll" }));
  await vote(server.url, poll.id, [2]);
  await closePoll(server.url, key, poll.id);
  const question = await askOk(server.url, ev.code, "A question in the opening");
  await start(second.id);
  const later = await createPoll(server.url, key, ev.code, pollBody("single", { title: "Second session poll" }));
  const laterQ = await askOk(server.url, ev.code, "A question in the closing");
  return { ev, key, first, second, poll, question, before, beforeQ, later, laterQ };
}

describe("GET /api/sessions/:id/export.json", () => {
  it("holds the session's polls with their results, its questions and the audit entries about them", async () => {
    const r = await roomWithSessions();
    const res = await api(server.url, "GET", `/api/sessions/${r.first.id}/export.json`, { token: r.key });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="tribune-${r.ev.code}-${r.first.id}.json"`);
    expect(res.body.room.code).toBe(r.ev.code);
    expect(res.body.polls.map((p: any) => [p.id, p.sessionId])).toEqual([[r.poll.id, r.first.id]]);
    expect(res.body.polls[0].results.counts).toEqual([0, 0, 1]);
    expect(res.body.questions.map((q: any) => [q.id, q.sessionId])).toEqual([[r.question.id, r.first.id]]);
    const targets = new Set(res.body.audit.map((e: any) => e.targetId));
    expect(targets).toEqual(new Set([r.first.id, r.poll.id]));
    expect(res.body.audit.map((e: any) => e.action)).toEqual(
      expect.arrayContaining(["session:create", "session:start", "poll:create", "poll:open", "poll:close"]),
    );

    const room = await api(server.url, "GET", `/api/rooms/${r.ev.code}/export.json`, { token: r.key });
    expect(room.body.polls.map((p: any) => p.id).sort()).toEqual([r.before.id, r.poll.id, r.later.id].sort());
  });

  it("is empty for a session that has nothing yet", async () => {
    const r = await roomWithSessions();
    const empty = await api(server.url, "POST", `/api/rooms/${r.ev.code}/sessions`, { token: r.key, body: { title: "Later" } });
    const res = await api(server.url, "GET", `/api/sessions/${empty.body.id}/export.json`, { token: r.key });
    expect(res.status).toBe(200);
    expect([res.body.polls, res.body.questions]).toEqual([[], []]);
    expect(res.body.audit.map((e: any) => e.action)).toEqual(["session:create"]);
  });
});

describe("GET /api/sessions/:id/export.csv", () => {
  it("is the room's CSV table limited to the session", async () => {
    const r = await roomWithSessions();
    const res = await api(server.url, "GET", `/api/sessions/${r.second.id}/export.csv`, { token: r.key });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="tribune-${r.ev.code}-${r.second.id}.csv"`);
    const text = String(res.body).replace(/^\uFEFF/, "");
    expect(text).toContain("Second session poll");
    expect(text).toContain("A question in the closing");
    for (const other of ["First session poll", "A question in the opening", "Before any session", "Asked before the programme"]) {
      expect(text).not.toContain(other);
    }
    const rows = text.trim().split("\r\n").slice(1);
    // An id may begin with "-", which the export defuses as a spreadsheet would read a formula.
    const sessionCell = `"${r.second.id.startsWith("-") ? "'" : ""}${r.second.id}"`;
    for (const row of rows.filter((line) => !line.startsWith('"audit"'))) expect(row.endsWith(`,${sessionCell}`), row).toBe(true);
  });
});

describe("session export access", () => {
  for (const file of ["export.csv", "export.json"]) {
    it(`${file} is for moderators of the session's event: 401 → 404 → 403`, async () => {
      const r = await roomWithSessions();
      const other = await server.event();
      const path = `/api/sessions/${r.first.id}/${file}`;
      expectError(await api(server.url, "GET", path), 401, "unauthorized");
      expectError(await api(server.url, "GET", path, { token: "wrong" }), 401, "unauthorized");
      expectError(await api(server.url, "GET", `/api/sessions/nope/${file}`, { token: r.key }), 404, "not_found");
      expectError(await api(server.url, "GET", path, { token: other.moderatorKey }), 403, "forbidden");
    });
  }
});
