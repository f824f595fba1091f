// Q&A: asking, pre-moderation, retries, lengths, upvotes, moderation transitions, highlight, ordering.
import { describe, expect, it } from "vitest";
import { api, newParticipantId } from "../helpers/clients.js";
import {
  ADMIN_TOKEN,
  ask,
  askOk,
  expectError,
  findQuestion,
  ISO_MS,
  moderate,
  moderateOk,
  moderationState,
  patchRoom,
  publicState,
  sleep,
  upvote,
} from "../helpers/fixtures.js";
import { useServer } from "../helpers/use-server.js";

const server = useServer();

type Status = "pending" | "live" | "answered" | "rejected" | "archived";

/** A fresh question of the room in the given status. */
async function questionIn(ev: { code: string; moderatorKey: string }, status: Status, text = `In ${status}?`) {
  const key = ev.moderatorKey;
  if (status === "pending" || status === "rejected") {
    await patchRoom(server.url, key, ev.code, { premoderation: true });
    const q = await askOk(server.url, ev.code, text);
    await patchRoom(server.url, key, ev.code, { premoderation: false });
    expect(q.status).toBe("pending");
    if (status === "rejected") return moderateOk(server.url, key, q.id, "reject");
    return q;
  }
  const q = await askOk(server.url, ev.code, text);
  if (status === "answered") return moderateOk(server.url, key, q.id, "answer");
  if (status === "archived") return moderateOk(server.url, key, q.id, "archive");
  return q;
}

describe("POST /api/rooms/:code/questions", () => {
  it("asks a named question: 201 Question, live without pre-moderation", async () => {
    const ev = await server.event();
    const pid = newParticipantId();
    const res = await ask(server.url, ev.code, "  What about accessibility?  ", { participantId: pid, author: "  Ada  " });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: res.body.id,
      roomCode: ev.code,
      text: "What about accessibility?",
      author: "Ada",
      status: "live",
      upvotes: 0,
      highlighted: false,
      createdAt: res.body.createdAt,
      sessionId: null,
      reply: null,
      repliedAt: null,
      labels: [],
    });
    expect(res.body.createdAt).toMatch(ISO_MS);
    expect(JSON.stringify(res.body)).not.toContain(pid);
    const state = await publicState(server.url, ev.code);
    expect(state.questions).toEqual([res.body]);
  });

  it("asks anonymously: author empty, whether absent or blank", async () => {
    const ev = await server.event();
    expect((await askOk(server.url, ev.code, "No name")).author).toBe("");
    expect((await askOk(server.url, ev.code, "Blank name", { author: "   " })).author).toBe("");
    expect((await askOk(server.url, ev.code, "Empty name", { author: "" })).author).toBe("");
  });

  it("with pre-moderation on, a new question is pending and reaches the public only once approved", async () => {
    const ev = await server.event();
    await patchRoom(server.url, ev.moderatorKey, ev.code, { premoderation: true });
    const q = await askOk(server.url, ev.code, "Moderate me");
    expect(q.status).toBe("pending");
    expect((await publicState(server.url, ev.code)).questions).toEqual([]);
    expect((await findQuestion(server.url, ev.moderatorKey, ev.code, q.id)).status).toBe("pending");
    const approved = await moderateOk(server.url, ev.moderatorKey, q.id, "approve");
    expect(approved).toEqual({ ...q, status: "live" });
    expect((await publicState(server.url, ev.code)).questions).toEqual([approved]);
  });

  it("turning pre-moderation off leaves pending questions pending; new ones are live", async () => {
    const ev = await server.event();
    await patchRoom(server.url, ev.moderatorKey, ev.code, { premoderation: true });
    const pending = await askOk(server.url, ev.code, "Asked under premoderation");
    await patchRoom(server.url, ev.moderatorKey, ev.code, { premoderation: false });
    expect((await findQuestion(server.url, ev.moderatorKey, ev.code, pending.id)).status).toBe("pending");
    expect((await publicState(server.url, ev.code)).questions).toEqual([]);
    const live = await askOk(server.url, ev.code, "Asked after");
    expect(live.status).toBe("live");
  });

  it("refuses a question while Q&A is closed (409) and stores nothing", async () => {
    const ev = await server.event();
    await patchRoom(server.url, ev.moderatorKey, ev.code, { qaOpen: false });
    expectError(await ask(server.url, ev.code, "Too late?"), 409, "conflict");
    expectError(await ask(server.url, ev.code, "Too late with id?", { clientId: "c-1" }), 409, "conflict");
    expect((await moderationState(server.url, ev.moderatorKey, ev.code)).questions).toEqual([]);
    await patchRoom(server.url, ev.moderatorKey, ev.code, { qaOpen: true });
    expect((await ask(server.url, ev.code, "Open again")).status).toBe(201);
  });

  it("a retried ask (same participant, same clientId) answers the original with 200, even after Q&A closed", async () => {
    const ev = await server.event();
    const pid = newParticipantId();
    const first = await ask(server.url, ev.code, "Retry me", { participantId: pid, clientId: "abc-123" });
    expect(first.status).toBe(201);
    const again = await ask(server.url, ev.code, "Retry me", { participantId: pid, clientId: "abc-123" });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    await patchRoom(server.url, ev.moderatorKey, ev.code, { qaOpen: false });
    const afterClose = await ask(server.url, ev.code, "Retry me", { participantId: pid, clientId: "abc-123" });
    expect(afterClose.status).toBe(200);
    expect(afterClose.body.id).toBe(first.body.id);
    expect((await moderationState(server.url, ev.moderatorKey, ev.code)).questions).toHaveLength(1);
  });

  it("a clientId belongs to its participant: another participant's same clientId makes a new question", async () => {
    const ev = await server.event();
    const a = await ask(server.url, ev.code, "Mine", { clientId: "same-id" });
    const b = await ask(server.url, ev.code, "Yours", { clientId: "same-id" });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.id).not.toBe(a.body.id);
    expect(b.body.text).toBe("Yours");
  });

  it("a retry answers the question in its current status", async () => {
    const ev = await server.event();
    const pid = newParticipantId();
    const q = await askOk(server.url, ev.code, "Answer me", { participantId: pid, clientId: "k" });
    await moderateOk(server.url, ev.moderatorKey, q.id, "answer");
    const again = await ask(server.url, ev.code, "Answer me", { participantId: pid, clientId: "k" });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: q.id, status: "answered" });
  });

  it("counts lengths in code points after trimming: text 1–280, author 0–40, clientId 1–64", async () => {
    const ev = await server.event();
    const okText = await ask(server.url, ev.code, `  ${"🙂".repeat(280)}  `);
    expect(okText.status).toBe(201);
    expect(okText.body.text).toBe("🙂".repeat(280));
    expect((await ask(server.url, ev.code, "x".repeat(280))).status).toBe(201);
    // A family emoji is several code points: 70 × 4 = 280 code points fits, 71 × 4 does not.
    expect((await ask(server.url, ev.code, `${"👍🏽x".repeat(93)}a`)).status).toBe(201);
    for (const text of ["", "    ", "\n\t ", "🙂".repeat(281), "x".repeat(281)]) {
      expectError(await ask(server.url, ev.code, text), 400, "invalid");
    }
    expect((await ask(server.url, ev.code, "Named", { author: "🐙".repeat(40) })).body.author).toBe("🐙".repeat(40));
    expectError(await ask(server.url, ev.code, "Named", { author: "🐙".repeat(41) }), 400, "invalid");
    expect((await ask(server.url, ev.code, "With id", { clientId: "c".repeat(64) })).status).toBe(201);
    expectError(await ask(server.url, ev.code, "With id", { clientId: "c".repeat(65) }), 400, "invalid");
    expectError(await ask(server.url, ev.code, "With id", { clientId: "" }), 400, "invalid");
    expect((await moderationState(server.url, ev.moderatorKey, ev.code)).questions).toHaveLength(5);
  });

  it("refuses wrong types, a bad participantId (400) and an unknown room (404)", async () => {
    const ev = await server.event();
    const post = (body: unknown, code = ev.code) => api(server.url, "POST", `/api/rooms/${code}/questions`, { body });
    const pid = newParticipantId();
    for (const body of [
      { participantId: pid },
      { participantId: pid, text: 42 },
      { participantId: pid, text: ["a"] },
      { participantId: pid, text: "ok", author: 7 },
      { participantId: pid, text: "ok", clientId: 7 },
      { text: "no participant" },
      { participantId: "short", text: "ok" },
    ]) {
      expectError(await post(body), 400, "invalid");
    }
    expectError(await post({ participantId: pid, text: "hi" }, "ZZZZZZ"), 404, "not_found");
    expect((await moderationState(server.url, ev.moderatorKey, ev.code)).questions).toEqual([]);
  });

  it("finds the room whatever the case of the code", async () => {
    const ev = await server.event();
    const res = await ask(server.url, ev.code.toLowerCase(), "lower case code");
    expect(res.status).toBe(201);
    expect(res.body.roomCode).toBe(ev.code);
  });
});

describe("upvotes", () => {
  it("one upvote per participant; repeating changes nothing; withdrawing removes it", async () => {
    const ev = await server.event();
    const q = await askOk(server.url, ev.code, "Upvote me");
    const a = newParticipantId();
    const b = newParticipantId();
    const r1 = await upvote(server.url, q.id, a);
    expect(r1.status).toBe(200);
    expect(r1.body).toEqual({ id: q.id, upvotes: 1 });
    expect((await upvote(server.url, q.id, a)).body).toEqual({ id: q.id, upvotes: 1 });
    expect((await upvote(server.url, q.id, b)).body).toEqual({ id: q.id, upvotes: 2 });
    const w = await upvote(server.url, q.id, a, false);
    expect(w.status).toBe(200);
    expect(w.body).toEqual({ id: q.id, upvotes: 1 });
    expect((await upvote(server.url, q.id, a, false)).body).toEqual({ id: q.id, upvotes: 1 });
    expect((await upvote(server.url, q.id, newParticipantId(), false)).body).toEqual({ id: q.id, upvotes: 1 });
    expect((await publicState(server.url, ev.code)).questions[0].upvotes).toBe(1);
  });

  it("upvotes go only to live questions (else 409); withdrawing also works on answered ones", async () => {
    const ev = await server.event();
    for (const status of ["pending", "answered", "rejected", "archived"] as Status[]) {
      const q = await questionIn(ev, status);
      expectError(await upvote(server.url, q.id, newParticipantId()), 409, "conflict");
      expect((await findQuestion(server.url, ev.moderatorKey, ev.code, q.id)).upvotes).toBe(0);
    }
    const q = await askOk(server.url, ev.code, "Answered later");
    const pid = newParticipantId();
    await upvote(server.url, q.id, pid);
    await upvote(server.url, q.id, newParticipantId());
    await moderateOk(server.url, ev.moderatorKey, q.id, "answer");
    const w = await upvote(server.url, q.id, pid, false);
    expect(w.status).toBe(200);
    expect(w.body).toEqual({ id: q.id, upvotes: 1 });
  });

  it("withdrawing on pending, rejected or archived questions is refused (409)", async () => {
    const ev = await server.event();
    for (const status of ["rejected", "archived"] as Status[]) {
      const q = await askOk(server.url, ev.code, `Upvoted then ${status}`);
      const pid = newParticipantId();
      await upvote(server.url, q.id, pid);
      if (status === "rejected") await moderateOk(server.url, ev.moderatorKey, q.id, "reject");
      else await moderateOk(server.url, ev.moderatorKey, q.id, "archive");
      expectError(await upvote(server.url, q.id, pid, false), 409, "conflict");
      expect((await findQuestion(server.url, ev.moderatorKey, ev.code, q.id)).upvotes).toBe(1);
    }
    const pending = await questionIn(ev, "pending");
    expectError(await upvote(server.url, pending.id, newParticipantId(), false), 409, "conflict");
  });

  it("validates: unknown question 404, bad participantId 400", async () => {
    const ev = await server.event();
    const q = await askOk(server.url, ev.code, "Validate upvotes");
    expectError(await upvote(server.url, "no-such-question", newParticipantId()), 404, "not_found");
    expectError(await upvote(server.url, "no-such-question", newParticipantId(), false), 404, "not_found");
    for (const body of [{}, { participantId: "tiny" }, { participantId: 5 }]) {
      expectError(await api(server.url, "POST", `/api/questions/${q.id}/upvote`, { body }), 400, "invalid");
      expectError(await api(server.url, "DELETE", `/api/questions/${q.id}/upvote`, { body }), 400, "invalid");
    }
    expect((await findQuestion(server.url, ev.moderatorKey, ev.code, q.id)).upvotes).toBe(0);
  });
});

describe("moderation", () => {
  const statuses: Status[] = ["pending", "live", "answered", "rejected", "archived"];
  const allowed: Record<string, Partial<Record<Status, { status: Status; highlighted?: boolean }>>> = {
    approve: { pending: { status: "live" }, rejected: { status: "live" } },
    reject: { pending: { status: "rejected" }, live: { status: "rejected" } },
    answer: { live: { status: "answered" } },
    archive: {
      pending: { status: "archived" },
      live: { status: "archived" },
      answered: { status: "archived" },
      rejected: { status: "archived" },
    },
    highlight: { live: { status: "live", highlighted: true }, answered: { status: "answered", highlighted: true } },
    unhighlight: { live: { status: "live", highlighted: false }, answered: { status: "answered", highlighted: false } },
  };

  for (const [action, moves] of Object.entries(allowed)) {
    for (const from of statuses) {
      const expected = moves[from];
      const title = expected ? `${action}: ${from} → ${expected.status} (200)` : `${action} on ${from}: 409 and nothing changes`;
      it(title, async () => {
        const ev = await server.event();
        const q = await questionIn(ev, from);
        const before = await findQuestion(server.url, ev.moderatorKey, ev.code, q.id);
        const res = await moderate(server.url, ev.moderatorKey, q.id, action);
        if (expected) {
          expect(res.status).toBe(200);
          const { similar: _similar, flagged: _flagged, ...asked } = before; // hints of the moderation view only
          expect(res.body).toEqual({
            ...asked,
            status: expected.status,
            highlighted: expected.highlighted ?? false,
          });
          expect(await findQuestion(server.url, ev.moderatorKey, ev.code, q.id)).toMatchObject(res.body);
        } else {
          expectError(res, 409, "conflict");
          expect(await findQuestion(server.url, ev.moderatorKey, ev.code, q.id)).toEqual(before);
        }
      });
    }
  }

  it("validates: unknown action 400, unknown question 404; order 401 → 404 → 403 → 400 → 409", async () => {
    const ev = await server.event();
    const other = await server.event();
    const q = await questionIn(ev, "answered");
    const path = `/api/questions/${q.id}/moderate`;
    expectError(await api(server.url, "POST", path, { body: { action: "delete" } }), 401, "unauthorized");
    expectError(
      await api(server.url, "POST", "/api/questions/nope/moderate", { body: { action: "x" }, token: "nope" }),
      401,
      "unauthorized",
    );
    expectError(
      await api(server.url, "POST", "/api/questions/nope/moderate", { body: { action: "x" }, token: ev.moderatorKey }),
      404,
      "not_found",
    );
    expectError(await api(server.url, "POST", path, { body: { action: "x" }, token: other.moderatorKey }), 403, "forbidden");
    for (const body of [{ action: "delete" }, {}, { action: 1 }, { action: "APPROVE" }]) {
      expectError(await api(server.url, "POST", path, { body, token: ev.moderatorKey }), 400, "invalid");
    }
    // answered → answer again: 409.
    expectError(await api(server.url, "POST", path, { body: { action: "answer" }, token: ev.moderatorKey }), 409, "conflict");
    const byOrganizer = await api(server.url, "POST", path, { body: { action: "archive" }, token: ADMIN_TOKEN });
    expect(byOrganizer.status).toBe(200);
    expect(byOrganizer.body.status).toBe("archived");
  });

  it("highlights at most one question per room: highlighting another replaces it", async () => {
    const ev = await server.event({ rooms: 2 });
    const key = ev.moderatorKey;
    const q1 = await askOk(server.url, ev.code, "First highlight");
    const q2 = await questionIn(ev, "answered", "Second highlight");
    const elsewhere = await askOk(server.url, ev.rooms[1].code, "Other room");
    await moderateOk(server.url, key, elsewhere.id, "highlight");
    expect((await moderateOk(server.url, key, q1.id, "highlight")).highlighted).toBe(true);
    expect((await moderateOk(server.url, key, q2.id, "highlight")).highlighted).toBe(true);
    const state = await moderationState(server.url, key, ev.code);
    expect(state.questions.filter((q: any) => q.highlighted).map((q: any) => q.id)).toEqual([q2.id]);
    expect((await findQuestion(server.url, key, ev.rooms[1].code, elsewhere.id)).highlighted).toBe(true);
    const pub = await publicState(server.url, ev.code);
    expect(pub.questions.filter((q: any) => q.highlighted).map((q: any) => q.id)).toEqual([q2.id]);
  });

  it("a question that leaves live/answered loses its highlight; answering keeps it", async () => {
    const ev = await server.event();
    const key = ev.moderatorKey;
    const q = await askOk(server.url, ev.code, "Highlighted then answered");
    await moderateOk(server.url, key, q.id, "highlight");
    expect(await moderateOk(server.url, key, q.id, "answer")).toMatchObject({ status: "answered", highlighted: true });
    expect(await moderateOk(server.url, key, q.id, "archive")).toMatchObject({ status: "archived", highlighted: false });

    const r = await askOk(server.url, ev.code, "Highlighted then rejected");
    await moderateOk(server.url, key, r.id, "highlight");
    expect(await moderateOk(server.url, key, r.id, "reject")).toMatchObject({ status: "rejected", highlighted: false });
    expect(await moderateOk(server.url, key, r.id, "approve")).toMatchObject({ status: "live", highlighted: false });
    const state = await moderationState(server.url, key, ev.code);
    expect(state.questions.some((x: any) => x.highlighted)).toBe(false);
  });
});

describe("ordering and visibility", () => {
  it("sorts by upvotes, most first, then oldest first", async () => {
    const ev = await server.event();
    const q1 = await askOk(server.url, ev.code, "zero upvotes, oldest");
    await sleep(5);
    const q2 = await askOk(server.url, ev.code, "two upvotes, older");
    await sleep(5);
    const q3 = await askOk(server.url, ev.code, "two upvotes, newer");
    await sleep(5);
    const q4 = await askOk(server.url, ev.code, "one upvote");
    await sleep(5);
    const q5 = await askOk(server.url, ev.code, "zero upvotes, newest");
    for (const q of [q3, q2]) {
      await upvote(server.url, q.id, newParticipantId());
      await upvote(server.url, q.id, newParticipantId());
    }
    await upvote(server.url, q4.id, newParticipantId());
    const expected = [q2.id, q3.id, q4.id, q1.id, q5.id];
    expect((await publicState(server.url, ev.code)).questions.map((q: any) => q.id)).toEqual(expected);
    expect((await moderationState(server.url, ev.moderatorKey, ev.code)).questions.map((q: any) => q.id)).toEqual(expected);
    // Withdrawing reorders.
    const pid = newParticipantId();
    await upvote(server.url, q5.id, pid);
    await upvote(server.url, q5.id, newParticipantId());
    await upvote(server.url, q5.id, newParticipantId());
    expect((await publicState(server.url, ev.code)).questions[0].id).toBe(q5.id);
    await upvote(server.url, q5.id, pid, false);
    expect((await publicState(server.url, ev.code)).questions.map((q: any) => q.id)).toEqual([q2.id, q3.id, q5.id, q4.id, q1.id]);
  });

  it("the public never sees pending, rejected or archived questions, nor participant ids", async () => {
    const ev = await server.event();
    const pids: string[] = [];
    const visible: string[] = [];
    for (const status of ["pending", "live", "answered", "rejected", "archived"] as Status[]) {
      const pid = newParticipantId();
      pids.push(pid);
      await patchRoom(server.url, ev.moderatorKey, ev.code, { premoderation: status === "pending" || status === "rejected" });
      const q = await askOk(server.url, ev.code, `${status} question`, { participantId: pid, clientId: `c-${status}` });
      if (status === "answered") await moderateOk(server.url, ev.moderatorKey, q.id, "answer");
      if (status === "rejected") await moderateOk(server.url, ev.moderatorKey, q.id, "reject");
      if (status === "archived") await moderateOk(server.url, ev.moderatorKey, q.id, "archive");
      if (status === "live" || status === "answered") visible.push(q.id);
      await upvote(server.url, q.id, pid);
    }
    const state = await publicState(server.url, ev.code);
    expect(state.questions.map((q: any) => q.id).sort()).toEqual(visible.sort());
    expect(state.questions.map((q: any) => q.status).sort()).toEqual(["answered", "live"]);
    const text = JSON.stringify(state);
    for (const pid of pids) expect(text).not.toContain(pid);
    expect(text).not.toContain("participantId");
    expect(text).not.toContain("clientId");
    for (const q of state.questions) {
      expect(Object.keys(q).sort()).toEqual([
        "author",
        "createdAt",
        "highlighted",
        "id",
        "labels",
        "repliedAt",
        "reply",
        "roomCode",
        "sessionId",
        "status",
        "text",
        "upvotes",
      ]);
    }
    // Neither does the moderation view show participant ids.
    const mod = JSON.stringify(await moderationState(server.url, ev.moderatorKey, ev.code));
    for (const pid of pids) expect(mod).not.toContain(pid);
  });
});
