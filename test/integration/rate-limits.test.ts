// Rate limits admit what a person does by hand and refuse what a script floods.
import { describe, expect, it } from "vitest";
import type { Reply } from "../helpers/clients.js";
import { api, connect, emitAck, newParticipantId } from "../helpers/clients.js";
import {
  ADMIN_TOKEN,
  ask,
  askOk,
  connectTracked,
  createOpenPoll,
  expectAckError,
  expectAckOk,
  expectError,
  moderationState,
  pollBody,
  upvote,
  vote,
} from "../helpers/fixtures.js";
import { useServer } from "../helpers/use-server.js";

const server = useServer();

function expectRateLimited(res: Reply): void {
  expectError(res, 429, "rate_limited");
  const retryAfter = res.headers.get("retry-after");
  expect(retryAfter, "429 needs a Retry-After header").not.toBeNull();
  expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  expect(Number.isInteger(Number(retryAfter))).toBe(true);
}

describe("participant limits", () => {
  it("a flood of asks from one participant gets 429 with Retry-After; refused asks are not stored", async () => {
    const ev = await server.event();
    const pid = newParticipantId();
    const replies: Reply[] = [];
    for (let i = 0; i < 60; i++) {
      const res = await ask(server.url, ev.code, `Flood ${i}`, { participantId: pid, clientId: `flood-${i}` });
      replies.push(res);
      if (res.status === 429) break;
    }
    const last = replies.at(-1)!;
    expect(last.status, "no 429 after 60 asks in a row").toBe(429);
    expectRateLimited(last);
    const admitted = replies.filter((r) => r.status === 201).length;
    expect(admitted).toBeGreaterThanOrEqual(3);
    const stored = (await moderationState(server.url, ev.moderatorKey, ev.code)).questions;
    expect(stored).toHaveLength(admitted);
    expect(stored.some((q: any) => q.text === last.body?.text)).toBe(false);
    // Another participant is not affected.
    expect((await ask(server.url, ev.code, "Someone else")).status).toBe(201);
  });

  it("a flood of asks over a socket gets the ack rate_limited", async () => {
    const ev = await server.event();
    const { socket } = await server.participant(ev.code);
    let limited: any = null;
    let admitted = 0;
    for (let i = 0; i < 60 && !limited; i++) {
      const ack: any = await emitAck(socket, "ask", { text: `Socket flood ${i}`, clientId: `sf-${i}` });
      if (ack.ok) admitted++;
      else limited = ack;
    }
    expect(limited, "no rate_limited ack after 60 asks").not.toBeNull();
    expectAckError(limited, "rate_limited");
    expect(admitted).toBeGreaterThanOrEqual(3);
    expect((await moderationState(server.url, ev.moderatorKey, ev.code)).questions).toHaveLength(admitted);
  });

  it("the HTTP and socket doors share one participant's limit", async () => {
    const ev = await server.event();
    const p = await server.participant(ev.code);
    let limited = false;
    for (let i = 0; i < 60 && !limited; i++) {
      const res = await ask(server.url, ev.code, `Mixed ${i}`, { participantId: p.participantId, clientId: `m-${i}` });
      limited = res.status === 429;
    }
    expect(limited).toBe(true);
    expectAckError(await emitAck(p.socket, "ask", { text: "Over the socket now" }), "rate_limited");
  });

  it("a flood of ballots from one participant gets 429; the stored ballot is the last admitted one", async () => {
    const ev = await server.event();
    const poll = await server.openPoll(ev, pollBody("scale"));
    const pid = newParticipantId();
    let lastAdmitted = 0;
    let limited: Reply | null = null;
    for (let i = 0; i < 500 && !limited; i++) {
      const choice = (i % 5) + 1;
      const res = await vote(server.url, poll.id, choice, pid);
      if (res.status === 200) lastAdmitted = choice;
      else limited = res;
    }
    expect(limited, "no 429 after 500 ballots in a row").not.toBeNull();
    expectRateLimited(limited!);
    const counts = new Array(5).fill(0);
    counts[lastAdmitted - 1] = 1;
    const results = await api(server.url, "GET", `/api/polls/${poll.id}/results`);
    expect(results.body).toMatchObject({ voters: 1, counts });
  });

  it("a flood of upvote toggles from one participant gets 429", async () => {
    const ev = await server.event();
    const q = await askOk(server.url, ev.code, "Toggle me");
    const pid = newParticipantId();
    let limited: Reply | null = null;
    for (let i = 0; i < 500 && !limited; i++) {
      const res = await upvote(server.url, q.id, pid, i % 2 === 0);
      if (res.status !== 200) limited = res;
    }
    expect(limited, "no 429 after 500 upvote toggles").not.toBeNull();
    expectRateLimited(limited!);
  });

  it("admits a person's normal pace: a few questions, changing one's mind, upvoting many questions", async () => {
    const ev = await server.event();
    const key = ev.moderatorKey;
    const poll = await createOpenPoll(server.url, key, ev.code);
    const pid = newParticipantId();
    for (let i = 0; i < 3; i++)
      expect((await ask(server.url, ev.code, `My question ${i}`, { participantId: pid })).status).toBe(201);
    for (let i = 0; i < 8; i++) expect((await vote(server.url, poll.id, [i % 3], pid)).status).toBe(200);
    const others = [];
    for (let i = 0; i < 20; i++) others.push(await askOk(server.url, ev.code, `Other ${i}`));
    for (const q of others) expect((await upvote(server.url, q.id, pid)).status).toBe(200);
    for (const q of others.slice(0, 5)) expect((await upvote(server.url, q.id, pid, false)).status).toBe(200);
  });

  it("admits a whole room asking from one address (a venue behind one NAT)", async () => {
    const ev = await server.event();
    const replies = await Promise.all(Array.from({ length: 150 }, (_, i) => ask(server.url, ev.code, `From the crowd ${i}`)));
    for (const r of replies) expect(r.status).toBe(201);
    const poll = await server.openPoll(ev);
    const votes = await Promise.all(Array.from({ length: 150 }, (_, i) => vote(server.url, poll.id, [i % 3])));
    for (const r of votes) expect(r.status).toBe(200);
  });

  it("retried asks (same clientId) are not counted against the limit", async () => {
    const ev = await server.event();
    const pid = newParticipantId();
    const first = await ask(server.url, ev.code, "Retried many times", { participantId: pid, clientId: "same" });
    expect(first.status).toBe(201);
    for (let i = 0; i < 30; i++) {
      const res = await ask(server.url, ev.code, "Retried many times", { participantId: pid, clientId: "same" });
      expect(res.status, `retry ${i}`).toBe(200);
      expect(res.body.id).toBe(first.body.id);
    }
    // The participant can still ask a new question.
    expect((await ask(server.url, ev.code, "A new one", { participantId: pid, clientId: "new" })).status).toBe(201);
  });
});

describe("wrong keys", () => {
  const own = useServer();

  it("many wrong keys from one address get 429 with Retry-After, but a valid key still works", async () => {
    const base = own.url;
    const ev = await own.event();
    let limited: Reply | null = null;
    let unauthorized = 0;
    for (let i = 0; i < 200 && !limited; i++) {
      const res = await api(base, "GET", `/api/events/${ev.eventId}`, { token: `wrong-key-${i}` });
      if (res.status === 401) {
        expectError(res, 401, "unauthorized");
        unauthorized++;
      } else limited = res;
    }
    expect(limited, "no 429 after 200 wrong keys").not.toBeNull();
    expectRateLimited(limited!);
    expect(unauthorized).toBeGreaterThanOrEqual(3);
    // Still refused with 429 on other routes.
    expectRateLimited(await api(base, "GET", `/api/rooms/${ev.code}/moderation`, { token: "another-wrong-key" }));
    // A valid key is never refused.
    const valid = await api(base, "GET", `/api/events/${ev.eventId}`, { token: ev.moderatorKey });
    expect(valid.status).toBe(200);
    expect((await api(base, "GET", `/api/rooms/${ev.code}/moderation`, { token: ev.moderatorKey })).status).toBe(200);
    expect(
      (await api(base, "POST", "/api/events", { token: ADMIN_TOKEN, body: { title: "Still", rooms: [{ name: "A" }] } })).status,
    ).toBe(201);
    // Over a socket too: a valid key connects, a wrong one is refused.
    const socket = await connectTracked(base, { code: ev.code, moderatorKey: ev.moderatorKey });
    expect(socket.connected).toBe(true);
    expectAckOk(await emitAck(socket, "room:update", { qaOpen: false }));
    await expect(connect(base, { code: ev.code, moderatorKey: "wrong-again" })).rejects.toThrow();
    // Public routes are not affected.
    expect((await api(base, "GET", `/api/rooms/${ev.code}`)).status).toBe(200);
  });
});

describe("wrong keys with a forged X-Forwarded-For", () => {
  const own = useServer();

  it("a direct client cannot dodge the wrong-key limit by forging X-Forwarded-For", async () => {
    const base = own.url;
    const ev = await own.event();
    let limited = false;
    for (let i = 0; i < 200 && !limited; i++) {
      const res = await api(base, "GET", `/api/events/${ev.eventId}`, {
        token: `forged-${i}`,
        headers: { "x-forwarded-for": `203.0.113.${i % 250}` },
      });
      limited = res.status === 429;
    }
    expect(limited, "200 wrong keys with forged X-Forwarded-For were never limited").toBe(true);
  });
});
