// Live reactions through both doors, on the store the project runs with: counted once each in the
// room's totals, coalesced to screens and moderators, never sent to phones, five a second per phone.
import { describe, expect, it } from "vitest";
import { api, emitAck, newParticipantId, record } from "../helpers/clients.js";
import { expectAckError, expectAckOk, expectError, sleep } from "../helpers/fixtures.js";
import { added, totalsReach as reachStored } from "../helpers/reactions.js";
import { useServer } from "../helpers/use-server.js";

const server = useServer();

const totalsReach = (code: string, expected: number) => reachStored(server.app.store, code, expected);

const react = (code: string, body: unknown) => api(server.url, "POST", `/api/rooms/${code}/reactions`, { body });

describe("reactions", () => {
  it("HTTP and Socket.IO: each is answered ok, reaches screens and moderators, never phones, and is counted", async () => {
    const ev = await server.event();
    const screen = await server.screen(ev.code);
    const mod = await server.moderator(ev.code, ev.moderatorKey);
    const phone = await server.participant(ev.code);
    const [onScreen, onConsole, onPhone] = [screen, mod, phone].map((c) => record(c.socket, "reactions"));
    const http = await react(ev.code, { participantId: newParticipantId(), emoji: "👏" });
    expect(http.status).toBe(200);
    expect(http.body).toEqual({ ok: true });
    expect(await emitAck(phone.socket, "react", { emoji: "❤️" })).toEqual({ ok: true, data: null });
    expect(await totalsReach(ev.code, 2)).toEqual({ "👏": 1, "❤️": 1 });
    await sleep(300);
    expect(added(onScreen)).toEqual({ "👏": 1, "❤️": 1 });
    expect(added(onConsole)).toEqual({ "👏": 1, "❤️": 1 });
    expect(onPhone).toEqual([]);
  });

  it("refuse an unknown emoji (400), an unknown room (404), a screen or a moderator (403), and count nothing", async () => {
    const ev = await server.event();
    const pid = newParticipantId();
    for (const emoji of ["🍕", "", ":clap:", 1]) expectError(await react(ev.code, { participantId: pid, emoji }), 400, "invalid");
    expectError(await react(ev.code, { emoji: "👏" }), 400, "invalid");
    expectError(await react("ZZZZZZ", { participantId: pid, emoji: "👏" }), 404, "not_found");
    const phone = await server.participant(ev.code);
    expectAckError(await emitAck(phone.socket, "react", { emoji: "🍕" }), "invalid");
    expectAckError(await emitAck((await server.screen(ev.code)).socket, "react", { emoji: "👏" }), "forbidden");
    expectAckError(
      await emitAck((await server.moderator(ev.code, ev.moderatorKey)).socket, "react", { emoji: "👏" }),
      "forbidden",
    );
    await sleep(300);
    expect(await server.app.store.reactionTotals(ev.code)).toEqual({});
  });

  it("hold one phone to five a second (rate_limited past that) while another phone's reactions count", async () => {
    const ev = await server.event();
    const flooder = await server.participant(ev.code);
    const other = await server.participant(ev.code);
    const acks = await Promise.all(Array.from({ length: 50 }, () => emitAck(flooder.socket, "react", { emoji: "😂" })));
    const passed = acks.filter((a) => a.ok).length;
    expect(passed).toBeGreaterThanOrEqual(5);
    expect(passed).toBeLessThan(10);
    for (const ack of acks.filter((a) => !a.ok)) expectAckError(ack, "rate_limited");
    // The same participant through the other door shares the bucket.
    const http = await react(ev.code, { participantId: flooder.participantId, emoji: "😂" });
    expectError(http, 429, "rate_limited");
    expect(Number(http.headers.get("retry-after"))).toBeGreaterThan(0);
    for (let i = 0; i < 3; i++) expectAckOk(await emitAck(other.socket, "react", { emoji: "🎉" }));
    expect(await totalsReach(ev.code, passed + 3)).toEqual({ "😂": passed, "🎉": 3 });
  });

  it("a storm of 2,000 a second from 200 phones: each acknowledged one counted once, a few messages per screen", async () => {
    const ev = await server.event();
    const screens = await Promise.all([server.screen(ev.code), server.screen(ev.code)]);
    const phones = await Promise.all(Array.from({ length: 200 }, () => server.participant(ev.code)));
    const onScreens = screens.map((s) => record<{ counts: Record<string, number> }>(s.socket, "reactions"));
    const onPhones = phones.map((p) => record(p.socket, "reactions"));
    const emojis = ["👏", "❤️", "😂", "😮", "👍", "🎉"];
    const started = Date.now();
    const acks: Promise<{ ok: boolean }>[] = [];
    for (let round = 0; round < 10; round++) {
      for (const [i, phone] of phones.entries()) acks.push(emitAck(phone.socket, "react", { emoji: emojis[(i + round) % 6] }));
      await sleep(100);
    }
    const answered = await Promise.all(acks);
    const ok = answered.filter((a) => a.ok).length;
    expect(ok).toBeGreaterThanOrEqual(1000); // 5 in a burst, then 5 a second, per phone
    const totals = await totalsReach(ev.code, ok);
    expect(Object.values(totals).reduce((a, b) => a + b, 0)).toBe(ok);
    await sleep(300);
    const elapsed = Date.now() - started;
    for (const seen of onScreens) {
      expect(added(seen)).toEqual(totals);
      // One message per 250 ms tick at most, plus the first one of an idle room.
      expect(seen.length).toBeLessThanOrEqual(Math.ceil(elapsed / 250) + 1);
    }
    for (const seen of onPhones) expect(seen).toEqual([]);
  });
});
