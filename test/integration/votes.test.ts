// Votes: each kind, ballot replacement, validation, word clouds, hidden results.
import { describe, expect, it } from "vitest";
import { api, newParticipantId } from "../helpers/clients.js";
import {
  closePoll,
  createOpenPoll,
  createPoll,
  expectError,
  getResults,
  pollBody,
  publicState,
  vote,
} from "../helpers/fixtures.js";
import { useServer } from "../helpers/use-server.js";

const server = useServer();

async function openPollOf(kind: "single" | "multiple" | "scale" | "wordcloud", extra: Record<string, unknown> = {}) {
  const ev = await server.event();
  const poll = await server.openPoll(ev, pollBody(kind, extra));
  return { ev, poll };
}

describe("POST /api/polls/:id/votes", () => {
  it("single: counts one option per ballot and answers Results", async () => {
    const { poll } = await openPollOf("single");
    const first = await vote(server.url, poll.id, [1]);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ pollId: poll.id, voters: 1, counts: [0, 1, 0], seq: first.body.seq });
    const second = await vote(server.url, poll.id, [1]);
    const third = await vote(server.url, poll.id, [2]);
    expect(third.body).toMatchObject({ voters: 3, counts: [0, 2, 1] });
    expect(second.body.seq).toBeGreaterThan(first.body.seq);
    expect(third.body.seq).toBeGreaterThan(second.body.seq);
    expect(await getResults(server.url, poll.id)).toEqual(third.body);
  });

  it("multiple: 1..n distinct indexes, each counted", async () => {
    const { poll } = await openPollOf("multiple");
    expect((await vote(server.url, poll.id, [0, 2])).body).toMatchObject({ voters: 1, counts: [1, 0, 1] });
    expect((await vote(server.url, poll.id, [2, 1, 0])).body).toMatchObject({ voters: 2, counts: [2, 1, 2] });
    expect((await vote(server.url, poll.id, [1])).body).toMatchObject({ voters: 3, counts: [2, 2, 2] });
  });

  it("scale: an integer 1–5, five counts", async () => {
    const { poll } = await openPollOf("scale");
    for (const n of [1, 5, 5, 3]) expect((await vote(server.url, poll.id, n)).status).toBe(200);
    expect(await getResults(server.url, poll.id)).toMatchObject({ voters: 4, counts: [1, 0, 1, 0, 2] });
  });

  it("wordcloud: answers trimmed and case-folded when counted", async () => {
    const { poll } = await openPollOf("wordcloud");
    for (const w of ["  Hello ", "hello", "HELLO", "World", "Élan", "éLAN"]) {
      expect((await vote(server.url, poll.id, w)).status).toBe(200);
    }
    const results = await getResults(server.url, poll.id);
    expect(results).toEqual({
      pollId: poll.id,
      voters: 6,
      words: [
        { text: "hello", count: 3 },
        { text: "élan", count: 2 },
        { text: "world", count: 1 },
      ],
      seq: results.seq,
    });
    expect(results.counts).toBeUndefined();
  });

  it("wordcloud: 1–40 code points after trimming", async () => {
    const { poll } = await openPollOf("wordcloud");
    expect((await vote(server.url, poll.id, "🌍".repeat(40))).status).toBe(200);
    expect((await vote(server.url, poll.id, `   ${"a".repeat(40)}   `)).status).toBe(200);
    for (const bad of ["", "   ", "a".repeat(41), "🌍".repeat(41)])
      expectError(await vote(server.url, poll.id, bad), 400, "invalid");
    expect((await getResults(server.url, poll.id)).voters).toBe(2);
  });

  it("wordcloud: words are the 100 most frequent answers, most first", async () => {
    const { poll } = await openPollOf("wordcloud");
    const ballots: string[] = ["Popular", "popular", "POPULAR", "second", "Second"];
    for (let i = 0; i < 110; i++) ballots.push(`word${String(i).padStart(3, "0")}`);
    for (let i = 0; i < ballots.length; i += 20) {
      const replies = await Promise.all(ballots.slice(i, i + 20).map((w) => vote(server.url, poll.id, w)));
      for (const r of replies) expect(r.status).toBe(200);
    }
    const results = await getResults(server.url, poll.id);
    expect(results.voters).toBe(ballots.length);
    expect(results.words).toHaveLength(100);
    expect(results.words[0]).toEqual({ text: "popular", count: 3 });
    expect(results.words[1]).toEqual({ text: "second", count: 2 });
    for (let i = 1; i < results.words.length; i++) expect(results.words[i].count).toBeLessThanOrEqual(results.words[i - 1].count);
    for (const w of results.words.slice(2)) expect(w).toEqual({ text: expect.stringMatching(/^word\d{3}$/), count: 1 });
  });

  it("replaces a participant's ballot while open: voters never counts anyone twice", async () => {
    const { poll } = await openPollOf("single");
    const pid = newParticipantId();
    expect((await vote(server.url, poll.id, [0], pid)).body).toMatchObject({ voters: 1, counts: [1, 0, 0] });
    expect((await vote(server.url, poll.id, [1], pid)).body).toMatchObject({ voters: 1, counts: [0, 1, 0] });
    expect((await vote(server.url, poll.id, [2], pid)).body).toMatchObject({ voters: 1, counts: [0, 0, 1] });
    expect((await vote(server.url, poll.id, [2])).body).toMatchObject({ voters: 2, counts: [0, 0, 2] });
  });

  it("replaces ballots of every kind", async () => {
    const pid = newParticipantId();
    const multiple = await openPollOf("multiple");
    await vote(server.url, multiple.poll.id, [0, 1, 2], pid);
    expect((await vote(server.url, multiple.poll.id, [1], pid)).body).toMatchObject({ voters: 1, counts: [0, 1, 0] });
    const scale = await openPollOf("scale");
    await vote(server.url, scale.poll.id, 1, pid);
    expect((await vote(server.url, scale.poll.id, 4, pid)).body).toMatchObject({ voters: 1, counts: [0, 0, 0, 1, 0] });
    const cloud = await openPollOf("wordcloud");
    await vote(server.url, cloud.poll.id, "first", pid);
    expect((await vote(server.url, cloud.poll.id, "Second", pid)).body).toMatchObject({
      voters: 1,
      words: [{ text: "second", count: 1 }],
    });
  });

  it("refuses a vote on a poll that is not open (409) and on a draft (404, unknown to the public)", async () => {
    const ev = await server.event();
    const key = ev.moderatorKey;
    const draft = await createPoll(server.url, key, ev.code);
    expectError(await vote(server.url, draft.id, [0]), 404, "not_found");
    const poll = await createOpenPoll(server.url, key, ev.code);
    const pid = newParticipantId();
    await vote(server.url, poll.id, [0], pid);
    await closePoll(server.url, key, poll.id);
    expectError(await vote(server.url, poll.id, [1], pid), 409, "conflict");
    expectError(await vote(server.url, poll.id, [1]), 409, "conflict");
    expect(await getResults(server.url, poll.id)).toMatchObject({ voters: 1, counts: [1, 0, 0] });
  });

  it("checks the body before the poll's state: a bad ballot on a closed poll is 400", async () => {
    const ev = await server.event();
    const poll = await server.openPoll(ev);
    await closePoll(server.url, ev.moderatorKey, poll.id);
    expectError(await vote(server.url, poll.id, "not an array"), 400, "invalid");
    expectError(await api(server.url, "POST", `/api/polls/${poll.id}/votes`, { body: { choice: [0] } }), 400, "invalid");
  });

  it("refuses out-of-range and duplicate indexes and wrong types (400), and counts nothing", async () => {
    const single = await openPollOf("single");
    const multiple = await openPollOf("multiple");
    const scale = await openPollOf("scale");
    const cloud = await openPollOf("wordcloud");
    const cases: [string, unknown][] = [
      [single.poll.id, [3]],
      [single.poll.id, [-1]],
      [single.poll.id, [0, 1]],
      [single.poll.id, []],
      [single.poll.id, [1.5]],
      [single.poll.id, ["0"]],
      [single.poll.id, 0],
      [single.poll.id, "Red"],
      [single.poll.id, null],
      [single.poll.id, { 0: true }],
      [multiple.poll.id, [0, 0]],
      [multiple.poll.id, [1, 2, 1]],
      [multiple.poll.id, [0, 3]],
      [multiple.poll.id, []],
      [multiple.poll.id, [0, 1, 2, 0]],
      [multiple.poll.id, 1],
      [scale.poll.id, 0],
      [scale.poll.id, 6],
      [scale.poll.id, 2.5],
      [scale.poll.id, "3"],
      [scale.poll.id, [3]],
      [scale.poll.id, -1],
      [cloud.poll.id, 42],
      [cloud.poll.id, ["word"]],
      [cloud.poll.id, true],
    ];
    for (const [pollId, choice] of cases) {
      const res = await vote(server.url, pollId, choice);
      expect(res.status, `choice ${JSON.stringify(choice)}`).toBe(400);
      expectError(res, 400, "invalid");
    }
    for (const { poll } of [single, multiple, scale, cloud]) expect((await getResults(server.url, poll.id)).voters).toBe(0);
  });

  it("refuses a bad participantId (400) and an unknown poll (404)", async () => {
    const { poll } = await openPollOf("single");
    for (const participantId of [
      "short",
      "x".repeat(15),
      "x".repeat(65),
      "has space in it 1234",
      "é".repeat(20),
      1234567890123456,
      null,
    ]) {
      const res = await api(server.url, "POST", `/api/polls/${poll.id}/votes`, { body: { participantId, choice: [0] } });
      expectError(res, 400, "invalid");
    }
    for (const participantId of ["x".repeat(16), `${"A-b_c".repeat(12)}1234`]) {
      const res = await api(server.url, "POST", `/api/polls/${poll.id}/votes`, { body: { participantId, choice: [0] } });
      expect(res.status).toBe(200);
    }
    expectError(await vote(server.url, "no-such-poll", [0]), 404, "not_found");
    // Unknown poll with a bad body: 404 comes first.
    expectError(await vote(server.url, "no-such-poll", "bad"), 404, "not_found");
    expect((await getResults(server.url, poll.id)).voters).toBe(2);
  });

  it("while results are hidden, answers the vote with voters but without counts or words", async () => {
    const single = await openPollOf("single", { resultsVisible: false });
    const res = await vote(server.url, single.poll.id, [1]);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ pollId: single.poll.id, voters: 1, seq: res.body.seq });
    const cloud = await openPollOf("wordcloud", { resultsVisible: false });
    const word = await vote(server.url, cloud.poll.id, "secret");
    expect(word.status).toBe(200);
    expect(word.body).toEqual({ pollId: cloud.poll.id, voters: 1, seq: word.body.seq });
    expect(JSON.stringify(word.body)).not.toContain("secret");
    // The public state carries no counts either; the moderator sees them.
    const state = await publicState(server.url, cloud.ev.code);
    expect(JSON.stringify(state)).not.toContain("secret");
    expect(await getResults(server.url, cloud.poll.id, cloud.ev.moderatorKey)).toMatchObject({
      words: [{ text: "secret", count: 1 }],
    });
  });

  it("never shows participant ids in results or state", async () => {
    const { ev, poll } = await openPollOf("single");
    const pid = newParticipantId();
    const res = await vote(server.url, poll.id, [0], pid);
    expect(JSON.stringify(res.body)).not.toContain(pid);
    expect(JSON.stringify(await publicState(server.url, ev.code))).not.toContain(pid);
  });
});
