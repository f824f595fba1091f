// The event's own blocklist words (PATCH /api/events/:id `blocklist`): checked with the built-in
// list when a question is asked, whole words only, case and accents ignored, in the text and the
// author's name. Runs on both stores.
import { describe, expect, it } from "vitest";
import { api } from "../helpers/clients.js";
import { askOk, expectError, moderationState } from "../helpers/fixtures.js";
import { useServer } from "../helpers/use-server.js";

const server = useServer();

const patchEvent = (key: string, eventId: string, body: unknown) =>
  api(server.url, "PATCH", `/api/events/${eventId}`, { token: key, body });
const getEvent = (key: string, eventId: string) => api(server.url, "GET", `/api/events/${eventId}`, { token: key });

describe("PATCH /api/events/:id blocklist", () => {
  it("stores the words (trimmed, each once), shows them in GET, and replaces them", async () => {
    const ev = await server.event();
    expect((await getEvent(ev.moderatorKey, ev.eventId)).body.blocklist).toEqual([]);
    const res = await patchEvent(ev.moderatorKey, ev.eventId, { blocklist: [" Nucléaire ", "lobby", "lobby"] });
    expect(res.status).toBe(200);
    expect(res.body.blocklist).toEqual(["Nucléaire", "lobby"]);
    expect((await getEvent(ev.moderatorKey, ev.eventId)).body.blocklist).toEqual(["Nucléaire", "lobby"]);
    // Another field leaves the words as they are; an empty list removes them.
    expect((await patchEvent(ev.moderatorKey, ev.eventId, { title: "Renamed" })).body.blocklist).toEqual(["Nucléaire", "lobby"]);
    expect((await patchEvent(ev.moderatorKey, ev.eventId, { blocklist: [] })).body.blocklist).toEqual([]);
  });

  it("takes 200 words of 40 characters and refuses more, longer, blank or symbol-only words (400, nothing changes)", async () => {
    const ev = await server.event();
    const full = Array.from({ length: 200 }, (_, i) => `mot${i}`.padEnd(40, "é"));
    expect((await patchEvent(ev.moderatorKey, ev.eventId, { blocklist: full })).status).toBe(200);
    for (const bad of [[...full, "deux-cent-un"], ["x".repeat(41)], ["  "], ["?!…"], [42], "lobby", null]) {
      expectError(await patchEvent(ev.moderatorKey, ev.eventId, { blocklist: bad }), 400, "invalid");
    }
    expect((await getEvent(ev.moderatorKey, ev.eventId)).body.blocklist).toEqual(full);
  });

  it("is for the event's moderators: 401 without a key, 403 with another event's key", async () => {
    const ev = await server.event();
    const other = await server.event();
    expectError(await api(server.url, "PATCH", `/api/events/${ev.eventId}`, { body: { blocklist: ["x"] } }), 401, "unauthorized");
    expectError(await patchEvent(other.moderatorKey, ev.eventId, { blocklist: ["x"] }), 403, "forbidden");
    expect((await getEvent(ev.moderatorKey, ev.eventId)).body.blocklist).toEqual([]);
  });
});

describe("asking with the event's words", () => {
  it("holds a question holding an event word as pending and flagged, with pre-moderation off", async () => {
    const ev = await server.event({ rooms: 2 });
    await patchEvent(ev.moderatorKey, ev.eventId, { blocklist: ["lobby nucléaire", "Dupont"] });
    const second = ev.rooms[1]!.code;
    const phrase = await askOk(server.url, ev.code, "Qui finance le LOBBY NUCLEAIRE ?");
    const accents = await askOk(server.url, second, "Pourquoi inviter M. dupônt ?");
    const author = await askOk(server.url, ev.code, "Une question sur le budget ?", { author: "Jean DUPONT" });
    const substring = await askOk(server.url, ev.code, "Les Dupontel viennent-ils ? Le lobbying est-il encadré ?");
    const halfPhrase = await askOk(server.url, ev.code, "Le nucléaire, quel avenir ?");
    expect([phrase, accents, author].map((q) => q.status)).toEqual(["pending", "pending", "pending"]);
    expect([substring, halfPhrase].map((q) => q.status)).toEqual(["live", "live"]);

    const flags = new Map<string, boolean>();
    for (const code of [ev.code, second]) {
      for (const q of (await moderationState(server.url, ev.moderatorKey, code)).questions) flags.set(q.id, q.flagged);
    }
    expect(flags.get(phrase.id)).toBe(true);
    expect(flags.get(accents.id)).toBe(true);
    expect(flags.get(author.id)).toBe(true);
    expect(flags.get(substring.id)).toBe(false);
    expect(flags.get(halfPhrase.id)).toBe(false);
  });

  it("stops holding a word once it is removed, and keeps another event's words to that event", async () => {
    const ev = await server.event();
    const other = await server.event();
    await patchEvent(other.moderatorKey, other.eventId, { blocklist: ["budget"] });
    expect((await askOk(server.url, ev.code, "Quel budget ?")).status).toBe("live");
    expect((await askOk(server.url, other.code, "Quel budget ?")).status).toBe("pending");
    await patchEvent(other.moderatorKey, other.eventId, { blocklist: [] });
    expect((await askOk(server.url, other.code, "Quel budget cette fois ?")).status).toBe("live");
  });

  it("goes with the event when the event is erased", async () => {
    const ev = await server.event();
    await patchEvent(ev.moderatorKey, ev.eventId, { blocklist: ["budget"] });
    const erased = await api(server.url, "DELETE", `/api/events/${ev.eventId}`, { token: server.adminToken });
    expect(erased.status).toBe(204);
    expect(await server.app.store.eventBlocklist(ev.eventId)).toEqual([]);
  });
});
