// Retries: the same ballot, the same ask (clientId) and the same upvote sent three times count once.
import { describe, expect, it } from "vitest";
import { emitAck, newParticipantId } from "../helpers/clients.js";
import { ask, askOk, expectAckOk, getResults, moderationState, pollBody, upvote, vote } from "../helpers/fixtures.js";
import { useServer } from "../helpers/use-server.js";

const server = useServer();

describe("over HTTP", () => {
  it("the same ballot three times counts once", async () => {
    const ev = await server.event();
    const poll = await server.openPoll(ev, pollBody("multiple"));
    const pid = newParticipantId();
    const replies = [];
    for (let i = 0; i < 3; i++) replies.push(await vote(server.url, poll.id, [2, 0], pid));
    for (const r of replies) expect(r.body).toMatchObject({ voters: 1, counts: [1, 0, 1] });
    expect(await getResults(server.url, poll.id)).toMatchObject({ voters: 1, counts: [1, 0, 1] });
  });

  it("the same ballot three times at once counts once", async () => {
    const ev = await server.event();
    const poll = await server.openPoll(ev, pollBody("wordcloud"));
    const pid = newParticipantId();
    const replies = await Promise.all([
      vote(server.url, poll.id, "Same", pid),
      vote(server.url, poll.id, "same ", pid),
      vote(server.url, poll.id, "SAME", pid),
    ]);
    for (const r of replies) expect(r.status).toBe(200);
    expect(await getResults(server.url, poll.id)).toMatchObject({ voters: 1, words: [{ text: "same", count: 1 }] });
  });

  it("the same ask (clientId) three times makes one question: 201 then 200, 200", async () => {
    const ev = await server.event();
    const pid = newParticipantId();
    const replies = [];
    for (let i = 0; i < 3; i++)
      replies.push(await ask(server.url, ev.code, "Asked thrice", { participantId: pid, clientId: "retry-1" }));
    expect(replies.map((r) => r.status)).toEqual([201, 200, 200]);
    expect(new Set(replies.map((r) => r.body.id)).size).toBe(1);
    const state = await moderationState(server.url, ev.moderatorKey, ev.code);
    expect(state.questions.map((q: any) => q.text)).toEqual(["Asked thrice"]);
  });

  it("the same ask three times at once makes one question, exactly one 201", async () => {
    const ev = await server.event();
    const pid = newParticipantId();
    const replies = await Promise.all(
      [0, 1, 2].map(() => ask(server.url, ev.code, "Asked thrice at once", { participantId: pid, clientId: "retry-2" })),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(replies.map((r) => r.body.id)).size).toBe(1);
    expect((await moderationState(server.url, ev.moderatorKey, ev.code)).questions).toHaveLength(1);
  });

  it("the same upvote three times counts once, and so does the same withdrawal", async () => {
    const ev = await server.event();
    const q = await askOk(server.url, ev.code, "Upvote thrice");
    const pid = newParticipantId();
    const replies = [];
    for (let i = 0; i < 3; i++) replies.push(await upvote(server.url, q.id, pid));
    for (const r of replies) expect(r.body).toEqual({ id: q.id, upvotes: 1 });
    const parallel = await Promise.all([0, 1, 2].map(() => upvote(server.url, q.id, pid)));
    for (const r of parallel) expect(r.body).toEqual({ id: q.id, upvotes: 1 });
    const withdrawals = await Promise.all([0, 1, 2].map(() => upvote(server.url, q.id, pid, false)));
    for (const r of withdrawals) expect(r.body).toEqual({ id: q.id, upvotes: 0 });
    expect((await moderationState(server.url, ev.moderatorKey, ev.code)).questions[0].upvotes).toBe(0);
  });
});

describe("over sockets", () => {
  it("the same ballot three times counts once", async () => {
    const ev = await server.event();
    const poll = await server.openPoll(ev, pollBody("scale"));
    const { socket } = await server.participant(ev.code);
    const acks = [];
    for (let i = 0; i < 3; i++) acks.push(await emitAck(socket, "vote", { pollId: poll.id, choice: 3 }));
    for (const a of acks) expect(expectAckOk(a)).toMatchObject({ voters: 1, counts: [0, 0, 1, 0, 0] });
    const parallel = await Promise.all([0, 1, 2].map(() => emitAck(socket, "vote", { pollId: poll.id, choice: 3 })));
    for (const a of parallel) expect(expectAckOk(a).voters).toBe(1);
    expect(await getResults(server.url, poll.id)).toMatchObject({ voters: 1, counts: [0, 0, 1, 0, 0] });
  });

  it("the same ask (clientId) three times makes one question, also across HTTP and a reconnect", async () => {
    const ev = await server.event();
    const p = await server.participant(ev.code);
    const acks = await Promise.all([0, 1, 2].map(() => emitAck(p.socket, "ask", { text: "Socket retry", clientId: "sock-1" })));
    const ids = acks.map((a) => expectAckOk(a).id);
    expect(new Set(ids).size).toBe(1);
    // The same participant retries over HTTP (the offline queue may use either door), then from a new socket.
    const http = await ask(server.url, ev.code, "Socket retry", { participantId: p.participantId, clientId: "sock-1" });
    expect(http.status).toBe(200);
    expect(http.body.id).toBe(ids[0]);
    p.socket.close();
    const again = await server.participant(ev.code, p.participantId);
    expect(expectAckOk(await emitAck(again.socket, "ask", { text: "Socket retry", clientId: "sock-1" })).id).toBe(ids[0]);
    expect(again.state.me.questions.map((q: any) => q.id)).toEqual([ids[0]]);
    expect((await moderationState(server.url, ev.moderatorKey, ev.code)).questions).toHaveLength(1);
  });

  it("the same upvote three times counts once", async () => {
    const ev = await server.event();
    const q = await askOk(server.url, ev.code, "Socket upvote thrice");
    const { socket } = await server.participant(ev.code);
    const acks = await Promise.all([0, 1, 2].map(() => emitAck(socket, "upvote", { questionId: q.id, on: true })));
    for (const a of acks) expect(expectAckOk(a)).toEqual({ id: q.id, upvotes: 1 });
    for (let i = 0; i < 3; i++)
      expect(expectAckOk(await emitAck(socket, "upvote", { questionId: q.id, on: true }))).toEqual({ id: q.id, upvotes: 1 });
    expect((await moderationState(server.url, ev.moderatorKey, ev.code)).questions[0].upvotes).toBe(1);
  });
});
