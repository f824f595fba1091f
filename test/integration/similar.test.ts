// Moderating many questions: similar questions (GET /api/rooms/:code/similar and `similar` in
// the moderation view, HTTP and the moderator's socket state) and the blocklist (held as pending
// and `flagged` even without pre-moderation). Runs on both stores.
import { describe, expect, it } from "vitest";
import { api } from "../helpers/clients.js";
import { askOk, expectError, moderateOk, moderationState, patchRoom } from "../helpers/fixtures.js";
import { useServer } from "../helpers/use-server.js";

const server = useServer();

const similar = (code: string, text?: string) =>
  api(server.url, "GET", `/api/rooms/${code}/similar${text === undefined ? "" : `?text=${encodeURIComponent(text)}`}`);

describe("GET /api/rooms/:code/similar", () => {
  it("refuses a missing, blank or too long text (400) and an unknown room (404)", async () => {
    const ev = await server.event();
    expectError(await similar(ev.code), 400, "invalid");
    expectError(await similar(ev.code, "   "), 400, "invalid");
    expectError(await similar(ev.code, "x".repeat(281)), 400, "invalid");
    expect((await similar(ev.code, "x".repeat(280))).status).toBe(200);
    expectError(await similar("ZZZZZZ", "Une question ?"), 404, "not_found");
  });

  it("answers up to 3 public questions asking the same thing, most similar first", async () => {
    const ev = await server.event();
    const key = ev.moderatorKey;
    const exact = await askOk(server.url, ev.code, "Comment l’IA peut-elle aider les agents d’accueil en mairie ?");
    const close = await askOk(server.url, ev.code, "L’intelligence artificielle peut-elle aider les agents d’accueil ?");
    const answered = await moderateOk(
      server.url,
      key,
      (await askOk(server.url, ev.code, "En quoi l’intelligence artificielle aide les agents de la mairie ?")).id,
      "answer",
    );
    await askOk(server.url, ev.code, "Quel est le calendrier des travaux du tramway ?");
    const res = await similar(ev.code, "comment l'intelligence artificielle peut aider les agents d'accueil de la mairie");
    expect(res.status).toBe(200);
    const ids = res.body.questions.map((q: { id: string }) => q.id);
    expect(ids[0]).toBe(exact.id);
    expect(new Set(ids)).toEqual(new Set([exact.id, close.id, answered.id]));
    expect(res.body.questions[0]).toEqual(exact); // the public shape, no moderation hints
    expect((await similar(ev.code, "Où est le vestiaire ?")).body).toEqual({ questions: [] });
  });

  it("never names a pending, rejected or archived question", async () => {
    const ev = await server.event();
    const key = ev.moderatorKey;
    const text = "Faut-il payer la rançon après un rançongiciel ?";
    const archived = await askOk(server.url, ev.code, text);
    await moderateOk(server.url, key, archived.id, "archive");
    const rejected = await askOk(server.url, ev.code, text);
    await moderateOk(server.url, key, rejected.id, "reject");
    await patchRoom(server.url, key, ev.code, { premoderation: true });
    const pending = await askOk(server.url, ev.code, text);
    expect(pending.status).toBe("pending");
    expect((await similar(ev.code, text)).body).toEqual({ questions: [] });
    await moderateOk(server.url, key, pending.id, "approve");
    const res = await similar(ev.code, text);
    expect(res.body.questions.map((q: { id: string }) => q.id)).toEqual([pending.id]);
  });

  it("names only questions of the room's current session", async () => {
    const ev = await server.event();
    const key = ev.moderatorKey;
    const text = "Quand le tramway arrivera-t-il à la gare ?";
    const session = async (title: string) => {
      const created = await api(server.url, "POST", `/api/rooms/${ev.code}/sessions`, { token: key, body: { title } });
      expect(created.status).toBe(201);
      return created.body.id as string;
    };
    const start = async (id: string) =>
      expect((await api(server.url, "POST", `/api/sessions/${id}/start`, { token: key })).status).toBe(200);
    const ids = async () => (await similar(ev.code, text)).body.questions.map((q: { id: string }) => q.id);
    const before = await askOk(server.url, ev.code, text);
    expect(await ids()).toEqual([before.id]);
    const [first, second] = [await session("Mobilités"), await session("Budget")];
    // Read just before the start: the index this node holds must not outlive the change of session.
    await start(first);
    expect(await ids()).toEqual([]);
    const during = await askOk(server.url, ev.code, text);
    expect(await ids()).toEqual([during.id]);
    await start(second);
    expect(await ids()).toEqual([]);
  });
});

describe("similar questions in the moderation view", () => {
  it("names up to 3 other questions (not archived) asking the same thing, over HTTP and in the moderator's state", async () => {
    const ev = await server.event();
    const key = ev.moderatorKey;
    await patchRoom(server.url, key, ev.code, { premoderation: true });
    const a = await askOk(server.url, ev.code, "Le RGPD s’applique-t-il aux caméras de vidéoprotection ?");
    const b = await askOk(
      server.url,
      ev.code,
      "Les caméras de vidéoprotection sont-elles soumises au règlement général sur la protection des données ?",
    );
    const c = await askOk(server.url, ev.code, "le rgpd s'applique t il aux cameras de videoprotection");
    const other = await askOk(server.url, ev.code, "Comment financer la rénovation énergétique des écoles ?");
    const archived = await askOk(server.url, ev.code, "Le RGPD s’applique-t-il aux caméras de vidéoprotection ?");
    await moderateOk(server.url, key, archived.id, "archive");

    const byId = new Map<string, any>((await moderationState(server.url, key, ev.code)).questions.map((q: any) => [q.id, q]));
    expect(new Set(byId.get(a.id).similar)).toEqual(new Set([b.id, c.id]));
    expect(byId.get(c.id).similar[0]).toBe(a.id); // the same words rank first
    expect(byId.get(other.id).similar).toEqual([]);
    expect(byId.get(archived.id).similar).toContain(a.id);
    for (const q of byId.values()) expect(q.similar).not.toContain(archived.id);
    expect(byId.get(a.id).flagged).toBe(false);

    const { state } = await server.moderator(ev.code, key);
    const fromSocket = state.questions.find((q: { id: string }) => q.id === a.id);
    expect(new Set(fromSocket.similar)).toEqual(new Set([b.id, c.id]));
  });

  it("keeps the hints out of the public state", async () => {
    const ev = await server.event();
    await askOk(server.url, ev.code, "Quel budget pour la cybersécurité ?");
    await askOk(server.url, ev.code, "Quel budget prévoir pour la cybersécurité ?");
    const state = (await api(server.url, "GET", `/api/rooms/${ev.code}`)).body;
    for (const q of state.questions) {
      expect(q).not.toHaveProperty("similar");
      expect(q).not.toHaveProperty("flagged");
    }
  });
});

describe("blocklist", () => {
  it("holds a question with a blocklisted word as pending, flagged, with pre-moderation off", async () => {
    const ev = await server.event();
    const key = ev.moderatorKey;
    const rude = await askOk(server.url, ev.code, "Quel con a choisi ce prestataire ?");
    const byAuthor = await askOk(server.url, ev.code, "Une question sur le budget ?", { author: "Gros Connard" });
    const clean = await askOk(server.url, ev.code, "Le contrat de concession est-il signé ?", { author: "Conan" });
    expect(rude.status).toBe("pending");
    expect(byAuthor.status).toBe("pending");
    expect(clean.status).toBe("live");
    const byId = new Map<string, any>((await moderationState(server.url, key, ev.code)).questions.map((q: any) => [q.id, q]));
    expect(byId.get(rude.id).flagged).toBe(true);
    expect(byId.get(byAuthor.id).flagged).toBe(true);
    expect(byId.get(clean.id).flagged).toBe(false);
    const publicIds = (await api(server.url, "GET", `/api/rooms/${ev.code}`)).body.questions.map((q: any) => q.id);
    expect(publicIds).toEqual([clean.id]);
    // A moderator may still approve it: it stays flagged, for the record.
    await moderateOk(server.url, key, rude.id, "approve");
    expect((await moderationState(server.url, key, ev.code)).questions.find((q: any) => q.id === rude.id).flagged).toBe(true);
  });
});
