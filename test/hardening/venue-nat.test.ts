// A venue puts every phone behind one NAT: 300 participants from one address all join, vote,
// ask and upvote, at both doors, without meeting the per-address ceilings.
import type { Socket } from "socket.io-client";
import { describe, expect, it } from "vitest";
import { api, emitAck, newParticipantId } from "../helpers/clients.js";
import { getResults, moderationState, pollBody } from "../helpers/fixtures.js";
import { useServer } from "../helpers/use-server.js";
import { closeAll, connectFrom } from "./support.js";

const VENUE = "203.0.113.7";
const N = 300;

const server = useServer({ trustProxy: true });

describe(`${N} participants behind one NAT`, () => {
  it("all connect, vote, ask and upvote over sockets and HTTP", async () => {
    const ev = await server.event();
    const poll = await server.openPoll(ev, pollBody("multiple"));
    const pids = Array.from({ length: N }, () => newParticipantId());
    const sockets: Socket[] = [];
    // The QR code goes up: everyone joins within a few seconds.
    for (let i = 0; i < N; i += 100) {
      sockets.push(
        ...(await Promise.all(
          pids
            .slice(i, i + 100)
            .map((participantId) => connectFrom(server.url, { code: ev.code, participantId }, { address: VENUE })),
        )),
      );
    }
    expect(sockets.every((s) => s.connected)).toBe(true);
    // Everyone votes at once, half of them changes its mind.
    const first = await Promise.all(sockets.map((s, i) => emitAck(s, "vote", { pollId: poll.id, choice: [i % 3] })));
    for (const ack of first) expect(ack.ok, JSON.stringify(ack)).toBe(true);
    const second = await Promise.all(
      sockets.filter((_, i) => i % 2 === 0).map((s) => emitAck(s, "vote", { pollId: poll.id, choice: [0, 2] })),
    );
    for (const ack of second) expect(ack.ok, JSON.stringify(ack)).toBe(true);
    // A third of the room asks, over sockets.
    const asked = await Promise.all(
      sockets.filter((_, i) => i % 3 === 0).map((s, i) => emitAck(s, "ask", { text: `From the floor ${i}`, clientId: `c${i}` })),
    );
    for (const ack of asked) expect(ack.ok, JSON.stringify(ack)).toBe(true);
    const questionId = (asked[0] as any).data.id;
    // Everyone upvotes the first question, over HTTP through the same NAT.
    const upvotes = await Promise.all(
      pids.map((participantId) =>
        api(server.url, "POST", `/api/questions/${questionId}/upvote`, {
          body: { participantId },
          headers: { "x-forwarded-for": VENUE },
        }),
      ),
    );
    for (const res of upvotes) expect(res.status, JSON.stringify(res.body)).toBe(200);

    const results = await getResults(server.url, poll.id);
    expect(results.voters).toBe(N);
    const state = await moderationState(server.url, ev.moderatorKey, ev.code);
    expect(state.questions).toHaveLength(asked.length);
    expect(state.questions.find((q: any) => q.id === questionId).upvotes).toBe(N);
    expect(state.participants).toBe(N);
    closeAll(sockets);
  }, 120_000);
});
