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
  moderateOk,
  moderatorSocket,
  participantSocket,
  patchRoom,
  publicState,
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
