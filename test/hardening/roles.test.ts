// An audience or screen socket sending moderator events is refused, whatever the payload, and
// nothing changes; a moderator of another event cannot act here either.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { emitAck } from "../helpers/clients.js";
import {
  askOk,
  closeSockets,
  createEvent,
  createOpenPoll,
  createPoll,
  expectAckError,
  moderationState,
  moderatorSocket,
  participantSocket,
  screenSocket,
} from "../helpers/fixtures.js";
import { startServer, type TestServer } from "../helpers/server.js";

let server: TestServer;
let url: string;

beforeAll(async () => {
  server = await startServer();
  url = server.url;
});
afterAll(async () => {
  await server?.close();
});
afterEach(() => closeSockets());

function moderatorEvents(pollId: string, draftId: string, questionId: string): [string, unknown][] {
  return [
    ["poll:create", { title: "Injected", kind: "scale" }],
    ["poll:update", { pollId: draftId, title: "Renamed" }],
    ["poll:delete", { pollId }],
    ["poll:open", { pollId: draftId }],
    ["poll:close", { pollId }],
    ["poll:reset", { pollId }],
    ["question:moderate", { questionId, action: "reject" }],
    ["question:moderate", { questionId, action: "highlight" }],
    ["question:ban", { questionId }],
    ["question:ban", { questionId, on: false }],
    ["room:update", { qaOpen: false, premoderation: true, screen: { mode: "join" } }],
  ];
}

describe("audience sockets sending moderator events", () => {
  it("refuses every moderator event from a participant and a screen with forbidden; nothing changes", async () => {
    const ev = await createEvent(url);
    const poll = await createOpenPoll(url, ev.moderatorKey, ev.code);
    const draft = await createPoll(url, ev.moderatorKey, ev.code);
    const q = await askOk(url, ev.code, "Is this safe?");
    const participant = await participantSocket(url, ev.code);
    const screen = await screenSocket(url, ev.code);
    const before = await moderationState(url, ev.moderatorKey, ev.code);
    for (const socket of [participant.socket, screen.socket]) {
      for (const [event, payload] of moderatorEvents(poll.id, draft.id, q.id)) {
        expectAckError(await emitAck(socket, event, payload), "forbidden");
      }
    }
    const after = await moderationState(url, ev.moderatorKey, ev.code);
    expect(after).toEqual(before);
  });

  it("a screen may not vote, ask or upvote either", async () => {
    const ev = await createEvent(url);
    const poll = await createOpenPoll(url, ev.moderatorKey, ev.code);
    const q = await askOk(url, ev.code, "Screens stay quiet?");
    const { socket } = await screenSocket(url, ev.code);
    expectAckError(await emitAck(socket, "vote", { pollId: poll.id, choice: [0] }), "forbidden");
    expectAckError(await emitAck(socket, "ask", { text: "From the screen" }), "forbidden");
    expectAckError(await emitAck(socket, "upvote", { questionId: q.id, on: true }), "forbidden");
    const state = await moderationState(url, ev.moderatorKey, ev.code);
    expect(state.questions).toHaveLength(1);
    expect(state.polls[0].results.voters).toBe(0);
  });

  it("a moderator of another event cannot ban, moderate or change polls here", async () => {
    const ev = await createEvent(url);
    const other = await createEvent(url);
    const poll = await createOpenPoll(url, ev.moderatorKey, ev.code);
    const q = await askOk(url, ev.code, "Whose room is it?");
    const before = await moderationState(url, ev.moderatorKey, ev.code);
    const { socket } = await moderatorSocket(url, other.code, other.moderatorKey);
    expectAckError(await emitAck(socket, "question:ban", { questionId: q.id }), "forbidden");
    expectAckError(await emitAck(socket, "question:moderate", { questionId: q.id, action: "reject" }), "forbidden");
    expectAckError(await emitAck(socket, "poll:close", { pollId: poll.id }), "forbidden");
    expect(await moderationState(url, ev.moderatorKey, ev.code)).toEqual(before);
  });
});
