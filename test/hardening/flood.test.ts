// Abuse from anonymous devices: a flood from one device is capped (per participant, per socket)
// while other participants' votes go through; a script rotating participant ids from one address
// meets the per-address ceiling while other addresses go on. The server trusts X-Forwarded-For
// here, so each test can speak from its own address.
import type { Socket } from "socket.io-client";
import { describe, expect, it, vi } from "vitest";
import type { Ack } from "../../shared/errors.js";
import { api, emitAck, newParticipantId } from "../helpers/clients.js";
import { createEvent, createOpenPoll, expectAckError, expectError, getResults, pollBody } from "../helpers/fixtures.js";
import { startServer } from "../helpers/server.js";
import { useServer } from "../helpers/use-server.js";
import { closeAll, connectFrom, eventually } from "./support.js";

vi.setConfig({ testTimeout: 60_000 }); // thousands of requests and connections per test

const server = useServer({ trustProxy: true });

describe("a flood from one device", () => {
  it("is capped while the other participants' votes, from the same venue, still go through", async () => {
    const ev = await server.event();
    const poll = await server.openPoll(ev, pollBody("scale"));
    const venue = "198.51.100.10";
    const flooder = await connectFrom(server.url, { code: ev.code, participantId: newParticipantId() }, { address: venue });
    const others = await Promise.all(
      Array.from({ length: 30 }, () =>
        connectFrom(server.url, { code: ev.code, participantId: newParticipantId() }, { address: venue }),
      ),
    );
    // 500 ballots fired at once by one device, and one ballot from each other phone meanwhile.
    const kicked = new Promise<string>((resolve) => flooder.once("disconnect", resolve));
    const flood = Array.from({ length: 500 }, (_, i) =>
      emitAck(flooder, "vote", { pollId: poll.id, choice: (i % 5) + 1 }).catch(() => null),
    );
    const fair = others.map((s, i) => emitAck(s, "vote", { pollId: poll.id, choice: (i % 5) + 1 }));
    const [flooded, honest] = await Promise.all([Promise.all(flood), Promise.all(fair)]);
    const answered = flooded.filter((a): a is Ack<unknown> => a !== null);
    // At most the participant's burst of 20 (and what refills meanwhile) reached the service.
    expect(answered.filter((a) => a.ok).length).toBeLessThanOrEqual(25);
    const refused = answered.filter((a) => !a.ok);
    expect(refused.length).toBeGreaterThan(100);
    for (const ack of refused.slice(0, 20)) {
      expectAckError(ack, "rate_limited");
      expect((ack as Extract<Ack<unknown>, { ok: false }>).error.retryAfter).toBeGreaterThanOrEqual(1);
    }
    // Still flooding after 200 refusals in a row: disconnected (the rest of its acks never come).
    expect(await kicked).toBe("io server disconnect");
    for (const ack of honest) expect(ack.ok, JSON.stringify(ack)).toBe(true);
    // One ballot per participant: the flooder counts once at most (its acks may have been cut off).
    expect([30, 31]).toContain((await getResults(server.url, poll.id)).voters);
    closeAll([flooder, ...others]);
  });

  it("a socket sending junk is capped before any handler, then disconnected; other sockets carry on", async () => {
    const ev = await server.event();
    const poll = await server.openPoll(ev, pollBody("scale"));
    const junk = await connectFrom(
      server.url,
      { code: ev.code, participantId: newParticipantId() },
      { address: "198.51.100.11" },
    );
    const gone = new Promise<string>((resolve) => junk.once("disconnect", resolve));
    const acks: Promise<Ack<unknown>>[] = [];
    for (let i = 0; i < 400; i++)
      acks.push(emitAck(junk, i % 2 ? "no-such-event" : "vote", { pollId: 7 }).catch(() => null as never));
    expect(await gone).toBe("io server disconnect");
    const answered = (await Promise.all(acks)).filter(Boolean);
    expect(answered.some((a) => !a.ok && a.error.code === "rate_limited")).toBe(true);
    const fine = await connectFrom(
      server.url,
      { code: ev.code, participantId: newParticipantId() },
      { address: "198.51.100.11" },
    );
    expect((await emitAck(fine, "vote", { pollId: poll.id, choice: 2 })).ok).toBe(true);
    closeAll([fine]);
  });

  it("the HTTP door caps one participant's flood with 429 and Retry-After", async () => {
    const ev = await server.event();
    const poll = await server.openPoll(ev, pollBody("scale"));
    const pid = newParticipantId();
    const headers = { "x-forwarded-for": "198.51.100.12" };
    const replies = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        api(server.url, "POST", `/api/polls/${poll.id}/votes`, { body: { participantId: pid, choice: (i % 5) + 1 }, headers }),
      ),
    );
    const limited = replies.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(150);
    expectError(limited[0]!, 429, "rate_limited");
    expect(Number(limited[0]!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(
      (
        await api(server.url, "POST", `/api/polls/${poll.id}/votes`, {
          body: { participantId: newParticipantId(), choice: 1 },
          headers,
        })
      ).status,
    ).toBe(200);
  });
});

describe("the per-address ceiling", () => {
  it("stops a script rotating participant ids from one address; other addresses go on", async () => {
    const ev = await server.event();
    const poll = await server.openPoll(ev, pollBody("scale"));
    const headers = { "x-forwarded-for": "192.0.2.66" };
    let limited = null as Awaited<ReturnType<typeof api>> | null;
    let admitted = 0;
    for (let batch = 0; batch < 20 && !limited; batch++) {
      const replies = await Promise.all(
        Array.from({ length: 100 }, () =>
          api(server.url, "POST", `/api/polls/${poll.id}/votes`, {
            body: { participantId: newParticipantId(), choice: 3 },
            headers,
          }),
        ),
      );
      admitted += replies.filter((r) => r.status === 200).length;
      limited = replies.find((r) => r.status === 429) ?? null;
    }
    expect(limited, "a script from one address was never limited").not.toBeNull();
    expectError(limited!, 429, "rate_limited");
    expect(Number(limited!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    // The ceiling admits a whole venue's burst first (1200 actions), and refused ballots count nowhere.
    expect(admitted).toBeGreaterThanOrEqual(1200);
    expect((await getResults(server.url, poll.id)).voters).toBe(admitted);
    // Another address is not affected, over HTTP or sockets.
    const elsewhere = { "x-forwarded-for": "192.0.2.67" };
    const ok = await api(server.url, "POST", `/api/polls/${poll.id}/votes`, {
      body: { participantId: newParticipantId(), choice: 1 },
      headers: elsewhere,
    });
    expect(ok.status).toBe(200);
    const socket: Socket = await connectFrom(
      server.url,
      { code: ev.code, participantId: newParticipantId() },
      { address: "192.0.2.68" },
    );
    expect((await emitAck(socket, "vote", { pollId: poll.id, choice: 2 })).ok).toBe(true);
    // The limited address is held to the refill (20 a second) over its sockets too.
    const same = await Promise.all(
      Array.from({ length: 40 }, () =>
        connectFrom(server.url, { code: ev.code, participantId: newParticipantId() }, { address: "192.0.2.66" }),
      ),
    );
    const acks = await Promise.all(same.map((s) => emitAck(s, "vote", { pollId: poll.id, choice: 2 })));
    const ceiling = acks.filter((a) => !a.ok);
    expect(ceiling.length).toBeGreaterThan(0);
    expectAckError(ceiling[0], "rate_limited");
    expect((ceiling[0] as any).error.message).toMatch(/this network/);
    closeAll([socket, ...same]);
  });

  it("does not count a direct client's forged X-Forwarded-For when the proxy is not trusted", async () => {
    const direct = await startServer(); // TRUST_PROXY off: every request here comes from 127.0.0.1
    try {
      const ev = await createEvent(direct.url);
      const poll = await createOpenPoll(direct.url, ev.moderatorKey, ev.code, pollBody("scale"));
      // 1400 ballots claiming one outside address: loopback is not under the ceiling, so all pass.
      let passed = 0;
      for (let batch = 0; batch < 14; batch++) {
        const replies = await Promise.all(
          Array.from({ length: 100 }, () =>
            api(direct.url, "POST", `/api/polls/${poll.id}/votes`, {
              body: { participantId: newParticipantId(), choice: 4 },
              headers: { "x-forwarded-for": "192.0.2.99" },
            }),
          ),
        );
        passed += replies.filter((r) => r.status === 200).length;
      }
      expect(passed).toBe(1400);
    } finally {
      await direct.close();
    }
  });
});

describe("connections from one address", () => {
  it("a connection storm from one address meets the connection ceiling, with a clear connect_error", async () => {
    const ev = await server.event();
    const sockets: Socket[] = [];
    let refusal: (Error & { data?: any }) | null = null;
    for (let batch = 0; batch < 8 && !refusal; batch++) {
      const results = await Promise.allSettled(
        Array.from({ length: 100 }, () =>
          connectFrom(server.url, { code: ev.code, role: "screen" }, { address: "203.0.113.200" }),
        ),
      );
      for (const r of results) {
        if (r.status === "fulfilled") sockets.push(r.value);
        else refusal ??= r.reason;
      }
    }
    expect(sockets.length).toBeGreaterThanOrEqual(600);
    expect(refusal).not.toBeNull();
    expect(refusal!.data).toMatchObject({ code: "rate_limited" });
    expect(refusal!.message).toMatch(/Too many connections/);
    // A moderator's handshake from the same address is never refused for it.
    const mod = await connectFrom(server.url, { code: ev.code, moderatorKey: ev.moderatorKey }, { address: "203.0.113.200" });
    expect(mod.connected).toBe(true);
    closeAll([...sockets, mod]);
    await eventually(() => sockets.every((s) => !s.connected));
  });
});
