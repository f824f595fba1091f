// Ranking polls through both doors (HTTP and Socket.IO), on the store the project runs with:
// Borda points, replacing a ballot, refusals that change nothing, `me.ballots`, exports.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { api, emitAck, newParticipantId } from "../helpers/clients.js";
import {
  closeSockets,
  createEvent,
  createOpenPoll,
  expectAckError,
  expectAckOk,
  expectError,
  getResults,
  participantSocket,
  pollBody,
  vote,
} from "../helpers/fixtures.js";
import { startServer, type TestServer } from "../helpers/server.js";

let server: TestServer;
let url: string;

beforeAll(async () => {
  server = await startServer();
  url = server.url;
});
afterEach(() => closeSockets());
afterAll(async () => {
  await server?.close();
});

const OPTIONS = ["Tram", "Bike", "Bus", "Walk"];

async function rankingPoll(options = OPTIONS) {
  const ev = await createEvent(url);
  const poll = await createOpenPoll(url, ev.moderatorKey, ev.code, pollBody("ranking", { options }));
  return { ev, poll };
}

/** Bad orderings of 4 options: a duplicate, a missing index, out of range, not an array, not integers. */
const BAD_ORDERINGS: unknown[] = [[0, 0, 1, 2], [0, 1, 2], [0, 1, 2, 4], [3, 2, 1, 0, 0], 2, "0,1,2,3", [0, 1.5, 2, 3], [], null];

describe("ranking polls", () => {
  it("are created with 2 to 10 options, and refused with fewer or more", async () => {
    const ev = await createEvent(url);
    const path = `/api/rooms/${ev.code}/polls`;
    const created = await api(url, "POST", path, { token: ev.moderatorKey, body: pollBody("ranking") });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: "ranking", options: ["Red", "Green", "Blue"], resultsVisible: true });
    for (const options of [["Only"], Array.from({ length: 11 }, (_, i) => `o${i}`), undefined]) {
      const body = { title: "Rank", kind: "ranking", ...(options ? { options } : {}) };
      expectError(await api(url, "POST", path, { token: ev.moderatorKey, body }), 400, "invalid");
    }
  });

  it("HTTP: counts Borda points, a new ballot replaces the old one", async () => {
    const { poll } = await rankingPoll();
    const pid = newParticipantId();
    const first = await vote(url, poll.id, [1, 0, 3, 2], pid);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ pollId: poll.id, voters: 1, counts: [2, 3, 0, 1], seq: first.body.seq });
    expect((await vote(url, poll.id, [0, 1, 2, 3])).body).toMatchObject({ voters: 2, counts: [5, 5, 1, 1] });
    // The first participant changes its mind: its old points are taken back, the new ones counted.
    const changed = await vote(url, poll.id, [3, 2, 1, 0], pid);
    expect(changed.body).toMatchObject({ voters: 2, counts: [3, 3, 3, 3] });
    expect(await getResults(url, poll.id)).toEqual(changed.body);
  });

  it("HTTP: a bad ordering is 400 invalid with a sentence and changes nothing", async () => {
    const { poll } = await rankingPoll();
    const pid = newParticipantId();
    const before = (await vote(url, poll.id, [2, 3, 0, 1], pid)).body;
    for (const choice of BAD_ORDERINGS) {
      expectError(await vote(url, poll.id, choice, pid), 400, "invalid");
      expectError(await vote(url, poll.id, choice), 400, "invalid");
    }
    const fr = await api(url, "POST", `/api/polls/${poll.id}/votes`, {
      body: { participantId: pid, choice: [0, 0, 1, 2] },
      headers: { "accept-language": "fr" },
    });
    expect(fr.body.error.message).toBe("Chaque option ne peut être classée qu’une fois.");
    const missing = await vote(url, poll.id, [0, 1, 2], pid);
    expect(missing.body.error.message).toBe("Rank every option: all 4 of them, in your order.");
    expect(await getResults(url, poll.id)).toEqual(before);
  });

  it("socket: vote, change, refusals, and the ordering kept in me.ballots", async () => {
    const { ev, poll } = await rankingPoll();
    const phone = await participantSocket(url, ev.code);
    const first = expectAckOk(await emitAck(phone.socket, "vote", { pollId: poll.id, choice: [3, 1, 2, 0] }));
    expect(first).toMatchObject({ voters: 1, counts: [0, 2, 1, 3] });
    const again = expectAckOk(await emitAck(phone.socket, "vote", { pollId: poll.id, choice: [1, 3, 0, 2] }));
    expect(again).toMatchObject({ voters: 1, counts: [1, 3, 0, 2] });
    for (const choice of BAD_ORDERINGS) {
      expectAckError(await emitAck(phone.socket, "vote", { pollId: poll.id, choice }), "invalid");
    }
    expect(await getResults(url, poll.id)).toMatchObject({ voters: 1, counts: [1, 3, 0, 2], seq: again.seq });
    // Back on the phone after a reload: its ordering, as given.
    const reloaded = await participantSocket(url, ev.code, phone.participantId);
    expect(reloaded.state.me.ballots).toEqual({ [poll.id]: [1, 3, 0, 2] });
  });

  it("exports one row per option with its points (CSV and JSON)", async () => {
    const { ev, poll } = await rankingPoll(["Tram, first", "Bike"]);
    await vote(url, poll.id, [1, 0]);
    await vote(url, poll.id, [1, 0]);
    await vote(url, poll.id, [0, 1]);
    const json = await api(url, "GET", `/api/rooms/${ev.code}/export.json`, { token: ev.moderatorKey });
    expect(json.body.polls[0]).toMatchObject({ id: poll.id, kind: "ranking", results: { voters: 3, counts: [1, 2] } });
    const csv = await api(url, "GET", `/api/rooms/${ev.code}/export.csv`, { token: ev.moderatorKey });
    expect(csv.status).toBe(200);
    const rows = (csv.body as string)
      .split("\r\n")
      .filter((line) => line.startsWith('"poll"'))
      .map((line) => line.slice(1, -1).split('","'));
    expect(rows.map((r) => [r[5], r[6], r[7]])).toEqual([
      ["Tram, first", "1", "3"],
      ["Bike", "2", "3"],
    ]);
  });
});
