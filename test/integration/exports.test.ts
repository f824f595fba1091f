// Exports: a room's polls, results and questions as CSV and JSON, for moderators only.
import { describe, expect, it } from "vitest";
import { api, newParticipantId } from "../helpers/clients.js";
import {
  ADMIN_TOKEN,
  askOk,
  closePoll,
  createOpenPoll,
  createPoll,
  expectError,
  moderateOk,
  patchRoom,
  pollBody,
  upvote,
  vote,
} from "../helpers/fixtures.js";
import { useServer } from "../helpers/use-server.js";

const server = useServer();

/** A room with a poll of each kind, ballots and questions in several statuses; returns what to look for. */
async function busyRoom() {
  const ev = await server.event({ title: "Export day", rooms: ["Export room"] });
  const key = ev.moderatorKey;
  const pids = Array.from({ length: 4 }, () => newParticipantId());
  const single = await createOpenPoll(
    server.url,
    key,
    ev.code,
    pollBody("single", { title: "Lunch, or coffee?", options: ["Lunch", 'Coffee "now"', "Both"] }),
  );
  await vote(server.url, single.id, [1], pids[0]);
  await vote(server.url, single.id, [1], pids[1]);
  await vote(server.url, single.id, [2], pids[2]);
  await closePoll(server.url, key, single.id);
  const cloud = await createOpenPoll(server.url, key, ev.code, pollBody("wordcloud", { title: "One word" }));
  await vote(server.url, cloud.id, "Zanzibar", pids[0]);
  await vote(server.url, cloud.id, "zanzibar ", pids[1]);
  await vote(server.url, cloud.id, "Quokka", pids[3]);
  await closePoll(server.url, key, cloud.id);
  const hidden = await createOpenPoll(
    server.url,
    key,
    ev.code,
    pollBody("scale", { title: "Hidden scale", resultsVisible: false }),
  );
  await vote(server.url, hidden.id, 4, pids[0]);
  const draft = await createPoll(server.url, key, ev.code, pollBody("scale", { title: "Draft scale" }));
  const live = await askOk(server.url, ev.code, 'He said "hi", then left; why?', { participantId: pids[0], author: "Ann, B." });
  await upvote(server.url, live.id, pids[1]);
  await upvote(server.url, live.id, pids[2]);
  const answered = await askOk(server.url, ev.code, "Answered question text", { participantId: pids[1] });
  await moderateOk(server.url, key, answered.id, "answer");
  await patchRoom(server.url, key, ev.code, { premoderation: true });
  const pending = await askOk(server.url, ev.code, "Pending question text", { participantId: pids[2] });
  return { ev, key, pids, single, cloud, hidden, draft, live, answered, pending };
}

/** Finds, anywhere in a JSON value, an object matching `predicate`. */
function findDeep(value: unknown, predicate: (o: any) => boolean): any {
  if (value === null || typeof value !== "object") return undefined;
  if (!Array.isArray(value) && predicate(value)) return value;
  for (const child of Object.values(value as object)) {
    const found = findDeep(child, predicate);
    if (found) return found;
  }
  return undefined;
}

describe("GET /api/rooms/:code/export.json", () => {
  it("holds the room's polls with their results and its questions, without participant ids", async () => {
    const room = await busyRoom();
    const res = await api(server.url, "GET", `/api/rooms/${room.ev.code}/export.json`, { token: room.key });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    const body = res.body;
    expect(typeof body).toBe("object");
    // Polls with their results.
    const single = findDeep(body, (o) => o.id === room.single.id && o.title === "Lunch, or coffee?");
    expect(single).toBeDefined();
    expect(findDeep(body, (o) => Array.isArray(o.counts) && o.voters === 3)?.counts).toEqual([0, 2, 1]);
    const words = findDeep(body, (o) => Array.isArray(o.words) && o.voters === 3)?.words;
    expect(words).toEqual([
      { text: "zanzibar", count: 2 },
      { text: "quokka", count: 1 },
    ]);
    // Hidden results are exported to the moderator.
    expect(findDeep(body, (o) => Array.isArray(o.counts) && o.counts.length === 5 && o.voters === 1)?.counts).toEqual([
      0, 0, 0, 1, 0,
    ]);
    expect(findDeep(body, (o) => o.id === room.hidden.id)).toBeDefined();
    // Questions, whatever their status.
    const live = findDeep(body, (o) => o.id === room.live.id);
    expect(live).toMatchObject({ text: 'He said "hi", then left; why?', author: "Ann, B.", upvotes: 2 });
    expect(findDeep(body, (o) => o.id === room.answered.id)).toMatchObject({ status: "answered" });
    expect(findDeep(body, (o) => o.id === room.pending.id)).toMatchObject({ status: "pending" });
    const text = JSON.stringify(body);
    for (const pid of room.pids) expect(text).not.toContain(pid);
    expect(text).not.toContain("participantId");
  });

  it("accepts a lower-case code and the organizer token", async () => {
    const room = await busyRoom();
    const res = await api(server.url, "GET", `/api/rooms/${room.ev.code.toLowerCase()}/export.json`, { token: ADMIN_TOKEN });
    expect(res.status).toBe(200);
    expect(findDeep(res.body, (o) => o.id === room.live.id)).toBeDefined();
  });

  it("of an empty room is valid", async () => {
    const ev = await server.event();
    const res = await api(server.url, "GET", `/api/rooms/${ev.code}/export.json`, { token: ev.moderatorKey });
    expect(res.status).toBe(200);
    expect(typeof res.body).toBe("object");
  });
});

/** Parses RFC 4180 CSV into rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

describe("GET /api/rooms/:code/export.csv", () => {
  it("holds the polls, results and questions as CSV, quoting commas and quotes, without participant ids", async () => {
    const room = await busyRoom();
    const res = await api(server.url, "GET", `/api/rooms/${room.ev.code}/export.csv`, { token: room.key });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    const text: string = typeof res.body === "string" ? res.body : JSON.stringify(res.body);
    const rows = parseCsv(text.replace(/^\uFEFF/, ""));
    const cells = rows.flat();
    // Texts with commas and quotes come back whole once the CSV is parsed.
    expect(cells).toContain("Lunch, or coffee?");
    expect(cells).toContain('Coffee "now"');
    expect(cells).toContain('He said "hi", then left; why?');
    expect(cells).toContain("Ann, B.");
    expect(cells).toContain("Answered question text");
    expect(cells).toContain("Pending question text");
    expect(cells).toContain("zanzibar");
    expect(cells).toContain("Hidden scale");
    // Counts: the row of "Coffee \"now\"" carries 2, the row of zanzibar carries 2.
    const coffeeRow = rows.find((r) => r.includes('Coffee "now"'));
    expect(coffeeRow).toContain("2");
    const zanzibarRow = rows.find((r) => r.includes("zanzibar"));
    expect(zanzibarRow).toContain("2");
    const questionRow = rows.find((r) => r.includes('He said "hi", then left; why?'));
    expect(questionRow).toContain("2");
    for (const pid of room.pids) expect(text).not.toContain(pid);
  });
});

describe("export access", () => {
  for (const file of ["export.csv", "export.json"]) {
    it(`${file} is for moderators: 401 → 404 → 403`, async () => {
      const ev = await server.event();
      const other = await server.event();
      await askOk(server.url, ev.code, "Secret-ish question");
      expectError(await api(server.url, "GET", `/api/rooms/${ev.code}/${file}`), 401, "unauthorized");
      expectError(await api(server.url, "GET", `/api/rooms/${ev.code}/${file}`, { token: "wrong" }), 401, "unauthorized");
      expectError(await api(server.url, "GET", `/api/rooms/ZZZZZZ/${file}`, { token: ev.moderatorKey }), 404, "not_found");
      expectError(await api(server.url, "GET", `/api/rooms/${ev.code}/${file}`, { token: other.moderatorKey }), 403, "forbidden");
    });
  }
});
