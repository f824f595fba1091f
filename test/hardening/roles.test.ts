// An audience or screen socket sending moderator events is refused, whatever the payload, and
// nothing changes; a moderator of another event cannot act here either.
import { describe, expect, it } from "vitest";
import { CLIENT_EVENTS, type ClientEventName } from "../../shared/protocol.js";
import { api, emitAck } from "../helpers/clients.js";
import { askOk, createPoll, expectAckError, moderationState } from "../helpers/fixtures.js";
import { useServer } from "../helpers/use-server.js";

const server = useServer();

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
    const ev = await server.event();
    const poll = await server.openPoll(ev);
    const draft = await createPoll(server.url, ev.moderatorKey, ev.code);
    const q = await askOk(server.url, ev.code, "Is this safe?");
    const participant = await server.participant(ev.code);
    const screen = await server.screen(ev.code);
    const before = await moderationState(server.url, ev.moderatorKey, ev.code);
    for (const socket of [participant.socket, screen.socket]) {
      for (const [event, payload] of moderatorEvents(poll.id, draft.id, q.id)) {
        expectAckError(await emitAck(socket, event, payload), "forbidden");
      }
    }
    const after = await moderationState(server.url, ev.moderatorKey, ev.code);
    expect(after).toEqual(before);
  });

  it("a screen may not vote, ask or upvote either", async () => {
    const ev = await server.event();
    const poll = await server.openPoll(ev);
    const q = await askOk(server.url, ev.code, "Screens stay quiet?");
    const { socket } = await server.screen(ev.code);
    expectAckError(await emitAck(socket, "vote", { pollId: poll.id, choice: [0] }), "forbidden");
    expectAckError(await emitAck(socket, "ask", { text: "From the screen" }), "forbidden");
    expectAckError(await emitAck(socket, "upvote", { questionId: q.id, on: true }), "forbidden");
    const state = await moderationState(server.url, ev.moderatorKey, ev.code);
    expect(state.questions).toHaveLength(1);
    expect(state.polls[0].results.voters).toBe(0);
  });

  it("a moderator of another event cannot ban, moderate or change polls here", async () => {
    const ev = await server.event();
    const other = await server.event();
    const poll = await server.openPoll(ev);
    const q = await askOk(server.url, ev.code, "Whose room is it?");
    const before = await moderationState(server.url, ev.moderatorKey, ev.code);
    const { socket } = await server.moderator(other.code, other.moderatorKey);
    expectAckError(await emitAck(socket, "question:ban", { questionId: q.id }), "forbidden");
    expectAckError(await emitAck(socket, "question:moderate", { questionId: q.id, action: "reject" }), "forbidden");
    expectAckError(await emitAck(socket, "poll:close", { pollId: poll.id }), "forbidden");
    expect(await moderationState(server.url, ev.moderatorKey, ev.code)).toEqual(before);
  });
});

describe("a speaker's socket", () => {
  it("is refused every event the table does not open to speakers, whatever the payload; nothing changes", async () => {
    const ev = await server.event();
    const poll = await server.openPoll(ev);
    const draft = await createPoll(server.url, ev.moderatorKey, ev.code);
    const q = await askOk(server.url, ev.code, "Who may do what?");
    const created = await api(server.url, "POST", `/api/rooms/${ev.code}/keys`, {
      token: ev.moderatorKey,
      body: { role: "speaker" },
    });
    const { socket } = await server.moderator(ev.code, created.body.key);
    const before = await moderationState(server.url, ev.moderatorKey, ev.code);
    const refused = (Object.keys(CLIENT_EVENTS) as ClientEventName[]).filter(
      (e) => !(CLIENT_EVENTS[e].roles as readonly string[]).includes("speaker"),
    );
    expect(refused).toContain("room:message");
    for (const event of refused) {
      const payload = { pollId: draft.id, questionId: q.id, text: "x", title: "Injected", kind: "scale", choice: [0] };
      expectAckError(await emitAck(socket, event, payload), "forbidden");
    }
    for (const [event, payload] of moderatorEvents(poll.id, draft.id, q.id)) {
      const allowed = event === "question:moderate" && (payload as { action: string }).action === "highlight";
      if (!allowed) expectAckError(await emitAck(socket, event, payload), "forbidden");
    }
    expect(await moderationState(server.url, ev.moderatorKey, ev.code)).toEqual(before);
  });
});
