// Polls: creation per kind, drafts, updates, transitions, reset, delete, hidden results.
import { describe, expect, it } from "vitest";
import { api, newParticipantId, record, waitFor } from "../helpers/clients.js";
import {
  ADMIN_TOKEN,
  barrier,
  closePoll,
  createOpenPoll,
  createPoll,
  expectError,
  getResults,
  ISO_MS,
  moderationState,
  openPoll,
  pollBody,
  publicState,
  vote,
} from "../helpers/fixtures.js";
import { useServer } from "../helpers/use-server.js";

const server = useServer();

const opts = (n: number) => Array.from({ length: n }, (_, i) => `Option ${i + 1}`);

async function modPolls(key: string, code: string) {
  return (await moderationState(server.url, key, code)).polls;
}

describe("POST /api/rooms/:code/polls", () => {
  it("creates a single-choice draft: 201 Poll with resultsVisible true by default", async () => {
    const ev = await server.event();
    const res = await api(server.url, "POST", `/api/rooms/${ev.code}/polls`, {
      token: ev.moderatorKey,
      body: { title: "  Favourite colour?  ", kind: "single", options: ["Red", " Green ", "Blue"] },
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: res.body.id,
      roomCode: ev.code,
      title: "Favourite colour?",
      kind: "single",
      options: ["Red", "Green", "Blue"],
      status: "draft",
      resultsVisible: true,
      createdAt: res.body.createdAt,
      sessionId: null,
    });
    expect(typeof res.body.id).toBe("string");
    expect(res.body.createdAt).toMatch(ISO_MS);
    expect(Math.abs(Date.parse(res.body.createdAt) - Date.now())).toBeLessThan(60_000);
  });

  it("creates each kind with its option bounds: single/multiple 2–12 options, scale and wordcloud none", async () => {
    const ev = await server.event();
    const key = ev.moderatorKey;
    const post = (body: unknown) => api(server.url, "POST", `/api/rooms/${ev.code}/polls`, { token: key, body });
    for (const kind of ["single", "multiple"]) {
      for (const n of [2, 12]) {
        const res = await post({ title: `${kind} ${n}`, kind, options: opts(n) });
        expect(res.status, `${kind} with ${n} options`).toBe(201);
        expect(res.body.options).toEqual(opts(n));
        expect(res.body.kind).toBe(kind);
      }
      for (const n of [0, 1, 13]) expectError(await post({ title: "t", kind, options: opts(n) }), 400, "invalid");
      expectError(await post({ title: "t", kind }), 400, "invalid");
      expectError(await post({ title: "t", kind, options: ["ok", ""] }), 400, "invalid");
      expectError(await post({ title: "t", kind, options: ["ok", "   "] }), 400, "invalid");
      expectError(await post({ title: "t", kind, options: ["ok", "x".repeat(121)] }), 400, "invalid");
      expectError(await post({ title: "t", kind, options: ["ok", 2] }), 400, "invalid");
      const emoji = await post({ title: "emoji", kind, options: ["ok", "🍕".repeat(120)] });
      expect(emoji.status).toBe(201);
    }
    for (const kind of ["scale", "wordcloud"]) {
      const res = await post({ title: kind, kind });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ kind, options: [], status: "draft", resultsVisible: true });
      expectError(await post({ title: kind, kind, options: ["a", "b"] }), 400, "invalid");
    }
    expectError(await post({ title: "t", kind: "survey", options: opts(3) }), 400, "invalid");
    expectError(await post({ title: "t" }), 400, "invalid");
    expectError(await post({ title: "", kind: "scale" }), 400, "invalid");
    expectError(await post({ title: "x".repeat(201), kind: "scale" }), 400, "invalid");
    expect((await post({ title: "é".repeat(200), kind: "scale" })).status).toBe(201);
    expectError(await post({ title: "t", kind: "scale", resultsVisible: "no" }), 400, "invalid");
    const polls = await modPolls(key, ev.code);
    expect(polls).toHaveLength(4 + 2 + 2 + 1);
  });

  it("keeps resultsVisible false when asked", async () => {
    const ev = await server.event();
    const poll = await createPoll(server.url, ev.moderatorKey, ev.code, pollBody("scale", { resultsVisible: false }));
    expect(poll.resultsVisible).toBe(false);
  });

  it("answers in order 401 → 404 → 403 → 400", async () => {
    const ev = await server.event();
    const other = await server.event();
    const bad = { title: "", kind: "nope" };
    const path = `/api/rooms/${ev.code}/polls`;
    expectError(await api(server.url, "POST", path, { body: bad }), 401, "unauthorized");
    expectError(await api(server.url, "POST", path, { body: bad, token: "x" }), 401, "unauthorized");
    expectError(
      await api(server.url, "POST", "/api/rooms/ZZZZZZ/polls", { body: bad, token: ev.moderatorKey }),
      404,
      "not_found",
    );
    expectError(await api(server.url, "POST", path, { body: bad, token: other.moderatorKey }), 403, "forbidden");
    expectError(await api(server.url, "POST", path, { body: bad, token: ev.moderatorKey }), 400, "invalid");
    expect(await modPolls(ev.moderatorKey, ev.code)).toEqual([]);
    const organizer = await api(server.url, "POST", path, { body: pollBody("scale"), token: ADMIN_TOKEN });
    expect(organizer.status).toBe(201);
  });
});

describe("drafts", () => {
  it("are unknown (404) to the public: not in the room state, no results, no vote", async () => {
    const ev = await server.event();
    const draft = await createPoll(server.url, ev.moderatorKey, ev.code);
    expect((await publicState(server.url, ev.code)).polls).toEqual([]);
    expectError(await api(server.url, "GET", `/api/polls/${draft.id}/results`), 404, "not_found");
    expectError(await vote(server.url, draft.id, [0]), 404, "not_found");
    const { state } = await server.participant(ev.code);
    expect(state.polls).toEqual([]);
    const screen = await server.screen(ev.code);
    expect(screen.state.polls).toEqual([]);
    // The moderator sees it, with its (empty) results.
    const results = await getResults(server.url, draft.id, ev.moderatorKey);
    expect(results).toMatchObject({ pollId: draft.id, voters: 0, counts: [0, 0, 0] });
    expect((await modPolls(ev.moderatorKey, ev.code)).map((p: any) => p.id)).toEqual([draft.id]);
  });
});

describe("PATCH /api/polls/:id", () => {
  it("changes title and options while draft", async () => {
    const ev = await server.event();
    const poll = await createPoll(server.url, ev.moderatorKey, ev.code);
    const res = await api(server.url, "PATCH", `/api/polls/${poll.id}`, {
      token: ev.moderatorKey,
      body: { title: "New title", options: ["Yes", "No"] },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...poll, title: "New title", options: ["Yes", "No"] });
    const only = await api(server.url, "PATCH", `/api/polls/${poll.id}`, {
      token: ev.moderatorKey,
      body: { title: "Only title" },
    });
    expect(only.body).toEqual({ ...poll, title: "Only title", options: ["Yes", "No"] });
  });

  it("refuses title or options once open or closed (409) and changes nothing", async () => {
    const ev = await server.event();
    const key = ev.moderatorKey;
    const poll = await createOpenPoll(server.url, key, ev.code);
    expectError(
      await api(server.url, "PATCH", `/api/polls/${poll.id}`, { token: key, body: { title: "Changed" } }),
      409,
      "conflict",
    );
    expectError(
      await api(server.url, "PATCH", `/api/polls/${poll.id}`, { token: key, body: { options: ["A", "B"] } }),
      409,
      "conflict",
    );
    expectError(
      await api(server.url, "PATCH", `/api/polls/${poll.id}`, { token: key, body: { title: "Changed", resultsVisible: false } }),
      409,
      "conflict",
    );
    await closePoll(server.url, key, poll.id);
    expectError(
      await api(server.url, "PATCH", `/api/polls/${poll.id}`, { token: key, body: { title: "Changed" } }),
      409,
      "conflict",
    );
    const [stored] = await modPolls(key, ev.code);
    expect(stored).toMatchObject({ title: poll.title, options: poll.options, resultsVisible: true, status: "closed" });
  });

  it("changes resultsVisible whatever the status", async () => {
    const ev = await server.event();
    const key = ev.moderatorKey;
    const poll = await createOpenPoll(server.url, key, ev.code);
    const hide = await api(server.url, "PATCH", `/api/polls/${poll.id}`, { token: key, body: { resultsVisible: false } });
    expect(hide.status).toBe(200);
    expect(hide.body).toMatchObject({ id: poll.id, status: "open", resultsVisible: false });
    await closePoll(server.url, key, poll.id);
    const show = await api(server.url, "PATCH", `/api/polls/${poll.id}`, { token: key, body: { resultsVisible: true } });
    expect(show.status).toBe(200);
    expect(show.body).toMatchObject({ status: "closed", resultsVisible: true });
  });

  it("validates: bad title/options 400 (even on an open poll: 400 comes before 409), unknown 404", async () => {
    const ev = await server.event();
    const key = ev.moderatorKey;
    const draft = await createPoll(server.url, key, ev.code);
    const scale = await createPoll(server.url, key, ev.code, pollBody("scale"));
    const open = await createOpenPoll(server.url, key, ev.code);
    for (const body of [
      { title: "" },
      { title: 3 },
      { options: ["only one"] },
      { options: opts(13) },
      { options: [1, 2] },
      { resultsVisible: "yes" },
    ]) {
      expectError(await api(server.url, "PATCH", `/api/polls/${draft.id}`, { token: key, body }), 400, "invalid");
    }
    expectError(
      await api(server.url, "PATCH", `/api/polls/${scale.id}`, { token: key, body: { options: ["a", "b"] } }),
      400,
      "invalid",
    );
    expectError(await api(server.url, "PATCH", `/api/polls/${open.id}`, { token: key, body: { title: "" } }), 400, "invalid");
    expectError(
      await api(server.url, "PATCH", "/api/polls/no-such-poll", { token: key, body: { title: "x" } }),
      404,
      "not_found",
    );
    const polls = await modPolls(key, ev.code);
    expect(polls.find((p: any) => p.id === draft.id)).toMatchObject({
      title: draft.title,
      options: draft.options,
      resultsVisible: true,
    });
  });

  it("answers in order 401 → 404 → 403", async () => {
    const ev = await server.event();
    const other = await server.event();
    const poll = await createPoll(server.url, ev.moderatorKey, ev.code);
    expectError(await api(server.url, "PATCH", `/api/polls/${poll.id}`, { body: { title: "" } }), 401, "unauthorized");
    expectError(await api(server.url, "PATCH", "/api/polls/nope", { body: { title: "" }, token: "nope" }), 401, "unauthorized");
    expectError(
      await api(server.url, "PATCH", "/api/polls/nope", { body: { title: "" }, token: other.moderatorKey }),
      404,
      "not_found",
    );
    expectError(
      await api(server.url, "PATCH", `/api/polls/${poll.id}`, { body: { title: "" }, token: other.moderatorKey }),
      403,
      "forbidden",
    );
  });
});

describe("poll transitions", () => {
  it("open: draft → open, closed → open; close: open → closed; any other move 409 and nothing changes", async () => {
    const ev = await server.event();
    const key = ev.moderatorKey;
    const poll = await createPoll(server.url, key, ev.code);
    const move = (m: string) => api(server.url, "POST", `/api/polls/${poll.id}/${m}`, { token: key });

    expectError(await move("close"), 409, "conflict");
    expect((await modPolls(key, ev.code))[0].status).toBe("draft");

    const opened = await move("open");
    expect(opened.status).toBe(200);
    expect(opened.body).toEqual({ ...poll, status: "open" });
    expectError(await move("open"), 409, "conflict");
    expect((await modPolls(key, ev.code))[0].status).toBe("open");

    const closed = await move("close");
    expect(closed.status).toBe(200);
    expect(closed.body).toEqual({ ...poll, status: "closed" });
    expectError(await move("close"), 409, "conflict");
    expect((await modPolls(key, ev.code))[0].status).toBe("closed");

    const reopened = await move("open");
    expect(reopened.status).toBe(200);
    expect(reopened.body.status).toBe("open");
  });

  it("opening a poll closes the other open poll of the room, and only of that room", async () => {
    const ev = await server.event({ rooms: 2 });
    const key = ev.moderatorKey;
    const a = await createOpenPoll(server.url, key, ev.rooms[0].code);
    const elsewhere = await createOpenPoll(server.url, key, ev.rooms[1].code);
    const b = await createPoll(server.url, key, ev.rooms[0].code);
    const screen = await server.screen(ev.rooms[0].code);
    const polls = record(screen.socket, "poll");
    const res = await api(server.url, "POST", `/api/polls/${b.id}/open`, { token: key });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("open");
    const room0 = await modPolls(key, ev.rooms[0].code);
    expect(Object.fromEntries(room0.map((p: any) => [p.id, p.status]))).toEqual({ [a.id]: "closed", [b.id]: "open" });
    expect((await modPolls(key, ev.rooms[1].code))[0]).toMatchObject({ id: elsewhere.id, status: "open" });
    // The screen hears both changes.
    await barrier(server.url, key, ev.rooms[0].code, [screen.socket]);
    expect(polls.find((p: any) => p.id === a.id)?.status).toBe("closed");
    expect(polls.find((p: any) => p.id === b.id)?.status).toBe("open");
    // A vote on the closed one: 409.
    expectError(await vote(server.url, a.id, [0]), 409, "conflict");
  });

  it("unknown poll 404; order 401 → 404 → 403 for open, close, reset and delete", async () => {
    const ev = await server.event();
    const other = await server.event();
    const poll = await createPoll(server.url, ev.moderatorKey, ev.code);
    for (const [method, suffix] of [
      ["POST", "/open"],
      ["POST", "/close"],
      ["POST", "/reset"],
      ["DELETE", ""],
    ]) {
      expectError(await api(server.url, method, `/api/polls/${poll.id}${suffix}`), 401, "unauthorized");
      expectError(await api(server.url, method, `/api/polls/unknown${suffix}`, { token: "bad" }), 401, "unauthorized");
      expectError(await api(server.url, method, `/api/polls/unknown${suffix}`, { token: ev.moderatorKey }), 404, "not_found");
      expectError(
        await api(server.url, method, `/api/polls/${poll.id}${suffix}`, { token: other.moderatorKey }),
        403,
        "forbidden",
      );
    }
    expect((await modPolls(ev.moderatorKey, ev.code))[0]).toMatchObject({ id: poll.id, status: "draft" });
  });
});

describe("POST /api/polls/:id/reset", () => {
  it("removes all ballots: 200 Results with zero counts and a greater seq; voting works again", async () => {
    const ev = await server.event();
    const key = ev.moderatorKey;
    const poll = await createOpenPoll(server.url, key, ev.code);
    const pid = newParticipantId();
    await vote(server.url, poll.id, [0], pid);
    await vote(server.url, poll.id, [1]);
    const last = await vote(server.url, poll.id, [1]);
    expect(last.body.voters).toBe(3);
    const res = await api(server.url, "POST", `/api/polls/${poll.id}/reset`, { token: key });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ pollId: poll.id, voters: 0, counts: [0, 0, 0] });
    expect(res.body.seq).toBeGreaterThan(last.body.seq);
    expect(await getResults(server.url, poll.id)).toMatchObject({ voters: 0, counts: [0, 0, 0] });
    // The participant's ballot is gone from its state.
    const { state } = await server.participant(ev.code, pid);
    expect(state.me.ballots[poll.id]).toBeUndefined();
    const again = await vote(server.url, poll.id, [2], pid);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ voters: 1, counts: [0, 0, 1] });
    expect(again.body.seq).toBeGreaterThan(res.body.seq);
  });

  it("empties a word cloud", async () => {
    const ev = await server.event();
    const poll = await server.openPoll(ev, pollBody("wordcloud"));
    await vote(server.url, poll.id, "hello");
    const res = await api(server.url, "POST", `/api/polls/${poll.id}/reset`, { token: ev.moderatorKey });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ pollId: poll.id, voters: 0, words: [] });
  });
});

describe("DELETE /api/polls/:id", () => {
  it("deletes (204); every client gets `state` without it; afterwards it is unknown", async () => {
    const ev = await server.event();
    const key = ev.moderatorKey;
    const keep = await createPoll(server.url, key, ev.code, pollBody("scale", { title: "Keep" }));
    const poll = await createOpenPoll(server.url, key, ev.code);
    await vote(server.url, poll.id, [0]);
    const sockets = [
      (await server.participant(ev.code)).socket,
      (await server.screen(ev.code)).socket,
      (await server.moderator(ev.code, key)).socket,
    ];
    const states = sockets.map((s) => waitFor(s, "state", (st: any) => !st.polls.some((p: any) => p.id === poll.id)));
    const res = await api(server.url, "DELETE", `/api/polls/${poll.id}`, { token: key });
    expect(res.status).toBe(204);
    const [participantState, screenState, modState] = await Promise.all(states);
    expect(participantState.polls).toEqual([]);
    expect(screenState.polls).toEqual([]);
    expect(modState.polls.map((p: any) => p.id)).toEqual([keep.id]);
    expect(participantState.me).toBeDefined();
    expectError(await api(server.url, "GET", `/api/polls/${poll.id}/results`, { token: key }), 404, "not_found");
    expectError(await vote(server.url, poll.id, [1]), 404, "not_found");
    expectError(await api(server.url, "DELETE", `/api/polls/${poll.id}`, { token: key }), 404, "not_found");
    expectError(await api(server.url, "POST", `/api/polls/${poll.id}/open`, { token: key }), 404, "not_found");
    expect((await modPolls(key, ev.code)).map((p: any) => p.id)).toEqual([keep.id]);
  });

  it("deletes a draft too", async () => {
    const ev = await server.event();
    const poll = await createPoll(server.url, ev.moderatorKey, ev.code);
    expect((await api(server.url, "DELETE", `/api/polls/${poll.id}`, { token: ev.moderatorKey })).status).toBe(204);
    expect(await modPolls(ev.moderatorKey, ev.code)).toEqual([]);
  });
});

describe("GET /api/polls/:id/results", () => {
  it("answers Results to anyone while visible", async () => {
    const ev = await server.event();
    const poll = await server.openPoll(ev);
    await vote(server.url, poll.id, [2]);
    const res = await api(server.url, "GET", `/api/polls/${poll.id}/results`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ pollId: poll.id, voters: 1, counts: [0, 0, 1], seq: res.body.seq });
    expect(typeof res.body.seq).toBe("number");
  });

  it("answers 403 to the public while hidden, full results to a moderator or the organizer", async () => {
    const ev = await server.event();
    const key = ev.moderatorKey;
    const poll = await createOpenPoll(server.url, key, ev.code, pollBody("single", { resultsVisible: false }));
    await vote(server.url, poll.id, [1]);
    expectError(await api(server.url, "GET", `/api/polls/${poll.id}/results`), 403, "forbidden");
    expect(await getResults(server.url, poll.id, key)).toMatchObject({ voters: 1, counts: [0, 1, 0] });
    expect(await getResults(server.url, poll.id, ADMIN_TOKEN)).toMatchObject({ voters: 1, counts: [0, 1, 0] });
    const other = await server.event();
    const otherKey = await api(server.url, "GET", `/api/polls/${poll.id}/results`, { token: other.moderatorKey });
    expectError(otherKey, 403, "forbidden");
    // Shown again: anyone.
    await api(server.url, "PATCH", `/api/polls/${poll.id}`, { token: key, body: { resultsVisible: true } });
    expect(await getResults(server.url, poll.id)).toMatchObject({ voters: 1, counts: [0, 1, 0] });
  });

  it("answers 404 for an unknown poll", async () => {
    expectError(await api(server.url, "GET", "/api/polls/nothing-here/results"), 404, "not_found");
  });
});

describe("`poll` events", () => {
  it("reach moderators for drafts, and everyone once open, closed or changed", async () => {
    const ev = await server.event();
    const key = ev.moderatorKey;
    const p = await server.participant(ev.code);
    const s = await server.screen(ev.code);
    const m = await server.moderator(ev.code, key);
    const seen = {
      participant: record(p.socket, "poll"),
      screen: record(s.socket, "poll"),
      moderator: record(m.socket, "poll"),
    };
    const draft = await createPoll(server.url, key, ev.code);
    await api(server.url, "PATCH", `/api/polls/${draft.id}`, { token: key, body: { title: "Renamed draft" } });
    await barrier(server.url, key, ev.code, [p.socket, s.socket, m.socket]);
    expect(seen.moderator.map((x: any) => x.title)).toEqual([draft.title, "Renamed draft"]);
    expect(seen.participant).toEqual([]);
    expect(seen.screen).toEqual([]);

    await openPoll(server.url, key, draft.id);
    await api(server.url, "PATCH", `/api/polls/${draft.id}`, { token: key, body: { resultsVisible: false } });
    await closePoll(server.url, key, draft.id);
    await barrier(server.url, key, ev.code, [p.socket, s.socket, m.socket]);
    for (const list of [seen.participant, seen.screen]) {
      expect(list.map((x: any) => [x.status, x.resultsVisible])).toEqual([
        ["open", true],
        ["open", false],
        ["closed", false],
      ]);
      for (const poll of list)
        expect(poll).toMatchObject({ id: draft.id, roomCode: ev.code, kind: "single", title: "Renamed draft" });
    }
    expect(seen.moderator.slice(2).map((x: any) => x.status)).toEqual(["open", "open", "closed"]);
  });
});
