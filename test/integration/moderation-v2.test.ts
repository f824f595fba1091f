// Moderating many questions (contract v2): written replies, labels, merging duplicates.
import { afterEach, describe, expect, it } from "vitest";
import { api, emitAck, newParticipantId, waitFor } from "../helpers/clients.js";
import {
  askOk,
  closeSockets,
  expectAckError,
  expectAckOk,
  expectError,
  ISO_MS,
  moderate,
  moderateOk,
  moderatorSocket,
  participantSocket,
  patchRoom,
  publicState,
  upvote,
} from "../helpers/fixtures.js";
import { useServer } from "../helpers/use-server.js";

const server = useServer();
afterEach(closeSockets);

const reply = (key: string, id: string, text: unknown) =>
  api(server.url, "POST", `/api/questions/${id}/reply`, { token: key, body: { text } });
const label = (key: string, id: string, labels: unknown) =>
  api(server.url, "PATCH", `/api/questions/${id}`, { token: key, body: { labels } });

describe("replies", () => {
  it("sets, shows to the public, and removes a reply", async () => {
    const ev = await server.event();
    const q = await askOk(server.url, ev.code, "When are the slides online?");
    const phone = await participantSocket(server.url, ev.code);
    const heard = waitFor(phone.socket, "question", (x: any) => x.id === q.id && x.reply !== null);
    const res = await reply(ev.moderatorKey, q.id, "  Tonight, on the event page.  ");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: q.id, reply: "Tonight, on the event page.", labels: [] });
    expect(res.body.repliedAt).toMatch(ISO_MS);
    expect((await heard).reply).toBe("Tonight, on the event page.");
    const state = await publicState(server.url, ev.code);
    expect(state.questions.find((x: any) => x.id === q.id)).toMatchObject({ reply: "Tonight, on the event page." });

    const removed = await reply(ev.moderatorKey, q.id, "");
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ reply: null, repliedAt: null });
  });

  it("takes 1000 characters and refuses 1001 without changing anything", async () => {
    const ev = await server.event();
    const q = await askOk(server.url, ev.code, "Long answer?");
    expect((await reply(ev.moderatorKey, q.id, "é".repeat(1000))).status).toBe(200);
    expectError(await reply(ev.moderatorKey, q.id, "x".repeat(1001)), 400, "invalid");
    const state = await publicState(server.url, ev.code);
    expect(state.questions[0].reply).toBe("é".repeat(1000));
  });

  it("is for moderators: 401 without a key, 404 for an unknown question", async () => {
    const ev = await server.event();
    const q = await askOk(server.url, ev.code, "Who replies?");
    expectError(await api(server.url, "POST", `/api/questions/${q.id}/reply`, { body: { text: "Me" } }), 401, "unauthorized");
    expectError(await reply(ev.moderatorKey, "nope", "Me"), 404, "not_found");
  });

  it("stays with moderators while the question is pending", async () => {
    const ev = await server.event();
    await patchRoom(server.url, ev.moderatorKey, ev.code, { premoderation: true });
    const q = await askOk(server.url, ev.code, "Held?");
    expect((await reply(ev.moderatorKey, q.id, "Later")).body.reply).toBe("Later");
    expect((await publicState(server.url, ev.code)).questions).toEqual([]);
  });

  it("works over the socket: question:reply", async () => {
    const ev = await server.event();
    const q = await askOk(server.url, ev.code, "Socket reply?");
    const { socket } = await moderatorSocket(server.url, ev.code, ev.moderatorKey);
    const done = expectAckOk(await emitAck(socket, "question:reply", { questionId: q.id, text: "Yes." }));
    expect(done).toMatchObject({ id: q.id, reply: "Yes." });
    expectAckError(await emitAck(socket, "question:reply", { questionId: q.id, text: "x".repeat(1001) }), "invalid");
  });
});

describe("labels", () => {
  it("replaces the labels and shows them to the public", async () => {
    const ev = await server.event();
    const q = await askOk(server.url, ev.code, "Budget?");
    const res = await label(ev.moderatorKey, q.id, [" budget ", "panel"]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: q.id, labels: ["budget", "panel"], reply: null });
    expect((await publicState(server.url, ev.code)).questions[0].labels).toEqual(["budget", "panel"]);
    expect((await label(ev.moderatorKey, q.id, [])).body.labels).toEqual([]);
  });

  it("refuses 6 labels, a 31-character label and an empty one, changing nothing", async () => {
    const ev = await server.event();
    const q = await askOk(server.url, ev.code, "Labels?");
    expect((await label(ev.moderatorKey, q.id, ["a", "b", "c", "d", "e"])).status).toBe(200);
    expectError(await label(ev.moderatorKey, q.id, ["a", "b", "c", "d", "e", "f"]), 400, "invalid");
    expectError(await label(ev.moderatorKey, q.id, ["x".repeat(31)]), 400, "invalid");
    expectError(await label(ev.moderatorKey, q.id, [""]), 400, "invalid");
    expect((await label(ev.moderatorKey, q.id, ["x".repeat(30)])).status).toBe(200);
    expect((await publicState(server.url, ev.code)).questions[0].labels).toEqual(["x".repeat(30)]);
  });

  it("works over the socket: question:update", async () => {
    const ev = await server.event();
    const q = await askOk(server.url, ev.code, "Socket labels?");
    const { socket } = await moderatorSocket(server.url, ev.code, ev.moderatorKey);
    const done = expectAckOk(await emitAck(socket, "question:update", { questionId: q.id, labels: ["tech"] }));
    expect(done).toMatchObject({ id: q.id, labels: ["tech"] });
    const phone = await participantSocket(server.url, ev.code, newParticipantId());
    const refused = await emitAck(phone.socket, "question:update", { questionId: q.id, labels: ["mine"] });
    expectAckError(refused, "forbidden");
    await moderateOk(server.url, ev.moderatorKey, q.id, "answer");
  });
});

const merge = (key: string, id: string, into?: string) =>
  api(server.url, "POST", `/api/questions/${id}/moderate`, { token: key, body: { action: "merge", into } });

describe("merging", () => {
  it("moves the union of upvoters and the asker into the target, each once", async () => {
    const ev = await server.event();
    const [a, b, c, d] = [newParticipantId(), newParticipantId(), newParticipantId(), newParticipantId()];
    const target = await askOk(server.url, ev.code, "Will the talks be recorded?");
    const dup = await askOk(server.url, ev.code, "Are the talks recorded?", { participantId: c });
    for (const v of [a, b]) expect((await upvote(server.url, target.id, v)).status).toBe(200);
    for (const v of [b, d]) expect((await upvote(server.url, dup.id, v)).status).toBe(200);
    await moderateOk(server.url, ev.moderatorKey, dup.id, "highlight");

    const phone = await participantSocket(server.url, ev.code);
    const asker = await participantSocket(server.url, ev.code, c);
    const heardDup = waitFor(phone.socket, "question", (q: any) => q.id === dup.id);
    const heardTarget = waitFor(phone.socket, "question", (q: any) => q.id === target.id);
    const res = await merge(ev.moderatorKey, dup.id, target.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: dup.id, status: "merged", mergedInto: target.id, highlighted: false });
    // a, b (both), c (the asker), d: four people, four upvotes.
    expect((await heardTarget).upvotes).toBe(4);
    expect((await heardDup).status).toBe("merged");

    const state = await publicState(server.url, ev.code);
    expect(state.questions.map((q: any) => q.id)).toEqual([target.id]);
    expect(state.questions[0].upvotes).toBe(4);
    // The asker keeps its own question, with where it went.
    asker.socket.close();
    const again = await participantSocket(server.url, ev.code, c);
    expect(again.state.me.questions).toEqual([expect.objectContaining({ id: dup.id, status: "merged", mergedInto: target.id })]);
    expect(again.state.me.upvoted).toEqual([target.id]);
    // The asker's upvote is a real one: it can be withdrawn.
    expect((await upvote(server.url, target.id, c, false)).body.upvotes).toBe(3);
  });

  it("merges pending and answered questions, into answered ones too", async () => {
    const ev = await server.event();
    const answered = await moderateOk(server.url, ev.moderatorKey, (await askOk(server.url, ev.code, "Done?")).id, "answer");
    await patchRoom(server.url, ev.moderatorKey, ev.code, { premoderation: true });
    const pending = await askOk(server.url, ev.code, "Done yet?");
    expect((await merge(ev.moderatorKey, pending.id, answered.id)).body).toMatchObject({ status: "merged" });
    expect((await publicState(server.url, ev.code)).questions[0]).toMatchObject({ id: answered.id, upvotes: 1 });
  });

  it("refuses what cannot be merged, and a merged question takes no more moderation", async () => {
    const ev = await server.event({ rooms: 2 });
    const key = ev.moderatorKey;
    const target = await askOk(server.url, ev.code, "Target?");
    const dup = await askOk(server.url, ev.code, "Duplicate?");
    const third = await askOk(server.url, ev.code, "Third?");
    const elsewhere = await askOk(server.url, ev.rooms[1]!.code, "Other room?");
    await patchRoom(server.url, key, ev.code, { premoderation: true });
    const pending = await askOk(server.url, ev.code, "Pending?");
    const rejected = await moderateOk(server.url, key, (await askOk(server.url, ev.code, "Rejected?")).id, "reject");

    expectError(await merge(key, third.id), 400, "invalid");
    expectError(await merge(key, third.id, third.id), 409, "conflict");
    expectError(await merge(key, third.id, pending.id), 409, "conflict");
    expectError(await merge(key, third.id, elsewhere.id), 409, "conflict");
    expectError(await merge(key, third.id, "no-such-question"), 409, "conflict");
    expectError(await merge(key, rejected.id, target.id), 409, "conflict");
    expect((await merge(key, dup.id, target.id)).status).toBe(200);
    expectError(await merge(key, dup.id, target.id), 409, "conflict");
    expectError(await merge(key, third.id, dup.id), 409, "conflict");
    for (const action of ["approve", "reject", "answer", "archive", "highlight"])
      expectError(await moderate(server.url, key, dup.id, action), 409, "conflict");
    expect((await upvote(server.url, dup.id, newParticipantId())).status).toBe(409);
    const state = await publicState(server.url, ev.code);
    expect(state.questions.find((q: any) => q.id === third.id)).toMatchObject({ status: "live", upvotes: 0 });
    expect(state.questions.find((q: any) => q.id === target.id)).toMatchObject({ upvotes: 1 });
  });

  it("gives one of two moderators merging the same pair at once a 409, upvotes counted once", async () => {
    const ev = await server.event();
    const target = await askOk(server.url, ev.code, "Concurrent target?");
    const dup = await askOk(server.url, ev.code, "Concurrent duplicate?");
    for (let i = 0; i < 5; i++) await upvote(server.url, dup.id, newParticipantId());
    const { socket } = await moderatorSocket(server.url, ev.code, ev.moderatorKey);
    const [http, ack] = await Promise.all([
      merge(ev.moderatorKey, dup.id, target.id),
      emitAck(socket, "question:moderate", { questionId: dup.id, action: "merge", into: target.id }),
    ]);
    const outcomes = [http.status === 200, ack.ok === true];
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    if (http.status !== 200) expectError(http, 409, "conflict");
    else expectAckError(ack, "conflict");
    expect((await publicState(server.url, ev.code)).questions).toEqual([expect.objectContaining({ id: target.id, upvotes: 6 })]);
  });
});
