// Bad input on every HTTP route: the right 4xx with {error:{code,message}}, and nothing changed.
import { describe, expect, it } from "vitest";
import { api, newParticipantId, type Reply } from "../helpers/clients.js";
import {
  ADMIN_TOKEN,
  askOk,
  createOpenPoll,
  createPoll,
  type EventFixture,
  expectError,
  moderationState,
  pollBody,
} from "../helpers/fixtures.js";
import { useServer } from "../helpers/use-server.js";

const server = useServer();

/** A room with an open poll, a draft and a live question, and a snapshot of everything that could change. */
async function scene() {
  const ev = await server.event({ rooms: 2 });
  const key = ev.moderatorKey;
  const poll = await createOpenPoll(server.url, key, ev.code);
  const draft = await createPoll(server.url, key, ev.code, pollBody("multiple", { title: "Draft" }));
  const question = await askOk(server.url, ev.code, "A question");
  return { ev, key, poll, draft, question };
}

async function snapshot(ev: EventFixture) {
  const event = await api(server.url, "GET", `/api/events/${ev.eventId}`, { token: ev.moderatorKey });
  const rooms = [];
  for (const room of ev.rooms) rooms.push(await moderationState(server.url, ev.moderatorKey, room.code));
  return { event: event.body, rooms };
}

interface Route {
  name: string;
  method: string;
  path: (s: Awaited<ReturnType<typeof scene>>) => string;
  /** Token to use (moderator routes); undefined for participant routes. */
  auth: "moderator" | "organizer" | "none";
  /** A valid body, to derive wrong ones from. */
  valid: (s: Awaited<ReturnType<typeof scene>>) => Record<string, unknown>;
  /** Bodies that must be refused with 400. */
  invalid: unknown[];
}

const pid = "participant_0123456789";

const routes: Route[] = [
  {
    name: "POST /api/events",
    method: "POST",
    path: () => "/api/events",
    auth: "organizer",
    valid: () => ({ title: "Ok", rooms: [{ name: "A" }] }),
    invalid: [
      {},
      { title: "Ok" },
      { rooms: [{ name: "A" }] },
      { title: 5, rooms: [{ name: "A" }] },
      { title: "", rooms: [{ name: "A" }] },
      { title: "x".repeat(201), rooms: [{ name: "A" }] },
      { title: "Ok", rooms: "A" },
      { title: "Ok", rooms: [{}] },
      { title: "Ok", rooms: [{ name: "" }] },
      { title: "Ok", rooms: [{ name: 3 }] },
      { title: "Ok", rooms: ["A"] },
      [],
      "a string",
      42,
      null,
    ],
  },
  {
    name: "POST /api/events/:id/rooms",
    method: "POST",
    path: (s) => `/api/events/${s.ev.eventId}/rooms`,
    auth: "moderator",
    valid: () => ({ name: "New room" }),
    invalid: [{}, { name: "" }, { name: "  " }, { name: 1 }, { name: ["a"] }, { name: "x".repeat(101) }, null, []],
  },
  {
    name: "PATCH /api/rooms/:code",
    method: "PATCH",
    path: (s) => `/api/rooms/${s.ev.code}`,
    auth: "moderator",
    valid: () => ({ qaOpen: false }),
    invalid: [
      { qaOpen: "false" },
      { premoderation: 0 },
      { screen: { mode: "fullscreen" } },
      { screen: {} },
      { screen: { mode: "poll", pollId: 5 } },
      { screen: null },
      null,
      [],
    ],
  },
  {
    name: "POST /api/rooms/:code/polls",
    method: "POST",
    path: (s) => `/api/rooms/${s.ev.code}/polls`,
    auth: "moderator",
    valid: () => ({ title: "Poll", kind: "scale" }),
    invalid: [
      {},
      { title: "Poll" },
      { kind: "scale" },
      { title: "Poll", kind: "rating" },
      { title: "Poll", kind: "SINGLE", options: ["a", "b"] },
      { title: "Poll", kind: "single", options: "a,b" },
      { title: "Poll", kind: "single", options: ["a"] },
      { title: "Poll", kind: "multiple", options: Array.from({ length: 13 }, (_, i) => `o${i}`) },
      { title: "Poll", kind: "single", options: ["a", "x".repeat(121)] },
      { title: "Poll", kind: "scale", options: ["a", "b"] },
      { title: "Poll", kind: "wordcloud", options: ["a", "b"] },
      { title: "", kind: "scale" },
      { title: "x".repeat(201), kind: "scale" },
      { title: "Poll", kind: "scale", resultsVisible: "true" },
      null,
    ],
  },
  {
    name: "PATCH /api/polls/:id",
    method: "PATCH",
    path: (s) => `/api/polls/${s.draft.id}`,
    auth: "moderator",
    valid: () => ({ title: "Renamed" }),
    invalid: [
      { title: "" },
      { title: 5 },
      { options: ["one"] },
      { options: [1, 2] },
      { options: "a,b" },
      { resultsVisible: 1 },
      null,
    ],
  },
  {
    name: "POST /api/polls/:id/votes",
    method: "POST",
    path: (s) => `/api/polls/${s.poll.id}/votes`,
    auth: "none",
    valid: () => ({ participantId: pid, choice: [0] }),
    invalid: [
      {},
      { participantId: pid },
      { choice: [0] },
      { participantId: pid, choice: [7] },
      { participantId: pid, choice: [0, 1] },
      { participantId: pid, choice: ["0"] },
      { participantId: pid, choice: 0 },
      { participantId: pid, choice: "Red" },
      { participantId: pid, choice: null },
      { participantId: "bad id!", choice: [0] },
      { participantId: 42, choice: [0] },
      null,
    ],
  },
  {
    name: "POST /api/rooms/:code/questions",
    method: "POST",
    path: (s) => `/api/rooms/${s.ev.code}/questions`,
    auth: "none",
    valid: () => ({ participantId: pid, text: "Valid?" }),
    invalid: [
      {},
      { participantId: pid },
      { text: "No participant" },
      { participantId: pid, text: "" },
      { participantId: pid, text: "   " },
      { participantId: pid, text: "x".repeat(281) },
      { participantId: pid, text: 12 },
      { participantId: pid, text: "ok", author: "a".repeat(41) },
      { participantId: pid, text: "ok", author: false },
      { participantId: pid, text: "ok", clientId: "" },
      { participantId: pid, text: "ok", clientId: "c".repeat(65) },
      { participantId: pid, text: "ok", clientId: 1 },
      null,
    ],
  },
  {
    name: "POST /api/questions/:id/upvote",
    method: "POST",
    path: (s) => `/api/questions/${s.question.id}/upvote`,
    auth: "none",
    valid: () => ({ participantId: pid }),
    invalid: [{}, { participantId: "" }, { participantId: "x" }, { participantId: ["p".repeat(20)] }, null],
  },
  {
    name: "DELETE /api/questions/:id/upvote",
    method: "DELETE",
    path: (s) => `/api/questions/${s.question.id}/upvote`,
    auth: "none",
    valid: () => ({ participantId: pid }),
    invalid: [{}, { participantId: "x" }, { participantId: 5 }, null],
  },
  {
    name: "POST /api/questions/:id/moderate",
    method: "POST",
    path: (s) => `/api/questions/${s.question.id}/moderate`,
    auth: "moderator",
    valid: () => ({ action: "answer" }),
    invalid: [{}, { action: "delete" }, { action: "Answer" }, { action: 1 }, { action: ["answer"] }, null],
  },
];

function tokenFor(route: Route, s: Awaited<ReturnType<typeof scene>>): string | undefined {
  if (route.auth === "organizer") return ADMIN_TOKEN;
  if (route.auth === "moderator") return s.key;
  return undefined;
}

describe.each(routes)("$name", (route) => {
  it("refuses wrong types, missing fields, unknown kinds and bad lengths with 400 invalid, and changes nothing", async () => {
    const s = await scene();
    const before = await snapshot(s.ev);
    for (const body of route.invalid) {
      const res = await api(server.url, route.method, route.path(s), {
        body: body === null ? "null" : body,
        token: tokenFor(route, s),
      });
      expect(res.status, `${route.name} with ${JSON.stringify(body)}`).toBe(400);
      expectError(res, 400, "invalid");
    }
    expect(await snapshot(s.ev)).toEqual(before);
  });

  it("refuses malformed JSON with 400 invalid", async () => {
    const s = await scene();
    const before = await snapshot(s.ev);
    for (const raw of ["{", '{"title":', "{'a':1}", "not json", '{"a":1}}', "\u0000"]) {
      const res = await api(server.url, route.method, route.path(s), { body: raw, token: tokenFor(route, s) });
      expectError(res, 400, "invalid");
    }
    expect(await snapshot(s.ev)).toEqual(before);
  });

  it("refuses __proto__ and constructor keys at any depth with 400, after auth", async () => {
    const s = await scene();
    const before = await snapshot(s.ev);
    const valid = JSON.stringify(route.valid(s));
    const inject = (extra: string) => `${valid.slice(0, -1)},${extra}}`;
    const bodies = [
      inject('"__proto__":{"polluted":true}'),
      inject('"constructor":{"prototype":{"polluted":true}}'),
      inject('"nested":{"deeper":[{"__proto__":{"polluted":true}}]}'),
      inject('"nested":{"a":{"b":{"c":{"constructor":1}}}}'),
    ];
    for (const raw of bodies) {
      const res = await api(server.url, route.method, route.path(s), { body: raw, token: tokenFor(route, s) });
      expectError(res, 400, "invalid");
    }
    expect(({} as any).polluted).toBeUndefined();
    if (route.auth !== "none") {
      // Without a token, auth answers first.
      expectError(await api(server.url, route.method, route.path(s), { body: bodies[0] }), 401, "unauthorized");
      expectError(
        await api(server.url, route.method, route.path(s), { body: bodies[2], token: "wrong-token" }),
        401,
        "unauthorized",
      );
    }
    expect(await snapshot(s.ev)).toEqual(before);
  });

  it("refuses an oversized body with 413 too_large", async () => {
    const s = await scene();
    const before = await snapshot(s.ev);
    const big = JSON.stringify({ ...route.valid(s), padding: "x".repeat(1024 * 1024) });
    const res = await api(server.url, route.method, route.path(s), { body: big, token: tokenFor(route, s) });
    expectError(res, 413, "too_large");
    expect(await snapshot(s.ev)).toEqual(before);
  });

  it("ignores unknown keys", async () => {
    const s = await scene();
    const res = await api(server.url, route.method, route.path(s), {
      body: { ...route.valid(s), somethingElse: { nested: [1, 2, 3] }, extra: "ignored" },
      token: tokenFor(route, s),
    });
    expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(200);
    expect(res.status).toBeLessThan(300);
  });
});

describe("unknown ids", () => {
  it("answer 404 not_found on every route, and change nothing", async () => {
    const s = await scene();
    const before = await snapshot(s.ev);
    const key = s.key;
    const p = newParticipantId();
    const cases: [string, string, unknown, string?][] = [
      ["GET", "/api/events/nope", undefined, key],
      ["POST", "/api/events/nope/rooms", { name: "x" }, ADMIN_TOKEN],
      ["DELETE", "/api/events/nope", undefined, ADMIN_TOKEN],
      ["GET", "/api/rooms/ZZZZZZ", undefined],
      ["PATCH", "/api/rooms/ZZZZZZ", { qaOpen: false }, key],
      ["POST", "/api/rooms/ZZZZZZ/polls", { title: "t", kind: "scale" }, key],
      ["PATCH", "/api/polls/nope", { title: "t" }, key],
      ["DELETE", "/api/polls/nope", undefined, key],
      ["POST", "/api/polls/nope/open", undefined, key],
      ["POST", "/api/polls/nope/close", undefined, key],
      ["POST", "/api/polls/nope/reset", undefined, key],
      ["POST", "/api/polls/nope/votes", { participantId: p, choice: [0] }],
      ["GET", "/api/polls/nope/results", undefined],
      ["POST", "/api/rooms/ZZZZZZ/questions", { participantId: p, text: "hi" }],
      ["POST", "/api/questions/nope/upvote", { participantId: p }],
      ["DELETE", "/api/questions/nope/upvote", { participantId: p }],
      ["POST", "/api/questions/nope/moderate", { action: "answer" }, key],
      ["GET", "/api/rooms/ZZZZZZ/moderation", undefined, key],
      ["GET", "/api/rooms/ZZZZZZ/export.csv", undefined, key],
      ["GET", "/api/rooms/ZZZZZZ/export.json", undefined, key],
    ];
    for (const [method, path, body, token] of cases) {
      const res = await api(server.url, method, path, { body, token });
      expect(res.status, `${method} ${path}`).toBe(404);
      expectError(res, 404, "not_found");
    }
    expect(await snapshot(s.ev)).toEqual(before);
  });

  it("unknown routes answer 404 in the error shape", async () => {
    for (const [method, path] of [
      ["GET", "/api/nothing"],
      ["POST", "/api/rooms"],
      ["PUT", "/api/events"],
    ]) {
      const res = await api(server.url, method, path, { body: method === "GET" ? undefined : {} });
      expect(res.status, `${method} ${path}`).toBe(404);
      expectError(res, 404, "not_found");
    }
  });
});

describe("odd requests", () => {
  it("a body that is not JSON (text/plain) is refused with a 4xx in the error shape", async () => {
    const s = await scene();
    const res = await api(server.url, "POST", `/api/rooms/${s.ev.code}/questions`, {
      body: "participantId=abc&text=hi",
      headers: { "content-type": "text/plain" },
    });
    expect(res.status).toBe(400);
    expectError(res, 400, "invalid");
  });

  it("a deeply nested body is refused with 400, not a crash", async () => {
    const s = await scene();
    const deep = `${"[".repeat(5000)}${"]".repeat(5000)}`;
    const raw = `{"participantId":"${pid}","text":"deep","author":${deep}}`;
    const res = await api(server.url, "POST", `/api/rooms/${s.ev.code}/questions`, { body: raw });
    expectError(res, 400, "invalid");
    const deepObject = `{"participantId":"${pid}","text":"deep","x":${'{"a":'.repeat(2000)}1${"}".repeat(2000)}}`;
    expectError(await api(server.url, "POST", `/api/rooms/${s.ev.code}/questions`, { body: deepObject }), 400, "invalid");
    expect((await moderationState(server.url, s.key, s.ev.code)).questions).toHaveLength(1);
  });

  it("never leaks a stack trace, whatever is sent", async () => {
    const s = await scene();
    const replies: Reply[] = [];
    const weird: [string, string, string | undefined, Record<string, string>?][] = [
      ["POST", `/api/polls/${s.poll.id}/votes`, '{"participantId":"participant_0123456789","choice":1e309}'],
      ["POST", `/api/polls/${s.poll.id}/votes`, '{"participantId":"participant_0123456789","choice":[1e400]}'],
      ["POST", `/api/rooms/${s.ev.code}/questions`, "[]"],
      ["POST", `/api/rooms/${s.ev.code}/questions`, "", { "content-type": "application/json" }],
      ["GET", "/api/rooms/%E0%A4%A", undefined],
      ["GET", `/api/rooms/${"A".repeat(5000)}`, undefined],
      ["GET", "/api/polls/..%2F..%2Fetc%2Fpasswd/results", undefined],
      ["POST", "/api/events", '{"title":"x","rooms":[{"name":"a"}]}', { authorization: "Basic abc" }],
      ["POST", "/api/events", '{"title":"x","rooms":[{"name":"a"}]}', { authorization: "Bearer" }],
    ];
    for (const [method, path, body, headers] of weird) replies.push(await api(server.url, method, path, { body, headers }));
    replies.forEach((res, i) => {
      const what = `${weird[i][0]} ${weird[i][1].slice(0, 60)} → ${res.status} ${JSON.stringify(res.body)?.slice(0, 200)}`;
      expect.soft(res.status, what).toBeGreaterThanOrEqual(400);
      expect.soft(res.status === 503 || res.status < 500, what).toBe(true);
      const text = JSON.stringify(res.body);
      expect.soft(text, what).not.toMatch(/\bat .+:\d+:\d+|node_modules|"stack"|Error:/);
      expect.soft(typeof res.body?.error?.code, what).toBe("string");
      expect.soft(typeof res.body?.error?.message, what).toBe("string");
    });
    // A lone surrogate is not text: refused, or at least no failure.
    const surrogate = await api(server.url, "POST", `/api/rooms/${s.ev.code}/questions`, {
      body: '{"participantId":"participant_0123456789","text":"\\ud800 lone"}',
    });
    expect([201, 400]).toContain(surrogate.status);
    // The server still serves.
    expect((await api(server.url, "GET", "/healthz")).status).toBe(200);
  });
});

describe("order of checks for bad bodies", () => {
  it("malformed JSON and __proto__ keys are judged at the invalid-body step: 401, 404 and 403 come first", async () => {
    const s = await scene();
    const other = await server.event();
    const proto = '{"participantId":"participant_0123456789","choice":[0],"__proto__":{"x":1}}';
    // Participant routes: an unknown resource answers 404 before the body is judged.
    expectError(await api(server.url, "POST", "/api/polls/unknown/votes", { body: proto }), 404, "not_found");
    expectError(await api(server.url, "POST", "/api/polls/unknown/votes", { body: "{oops" }), 404, "not_found");
    expectError(await api(server.url, "POST", "/api/rooms/ZZZZZZ/questions", { body: "{oops" }), 404, "not_found");
    // Moderator routes: 401, then 404, then 403, then 400.
    const bad = '{"title":"x","__proto__":{"x":1}}';
    expectError(await api(server.url, "PATCH", `/api/polls/${s.draft.id}`, { body: bad }), 401, "unauthorized");
    expectError(await api(server.url, "PATCH", "/api/polls/unknown", { body: bad, token: s.key }), 404, "not_found");
    expectError(
      await api(server.url, "PATCH", `/api/polls/${s.draft.id}`, { body: bad, token: other.moderatorKey }),
      403,
      "forbidden",
    );
    expectError(
      await api(server.url, "PATCH", `/api/polls/${s.draft.id}`, { body: "{oops", token: other.moderatorKey }),
      403,
      "forbidden",
    );
    expectError(await api(server.url, "PATCH", `/api/polls/${s.draft.id}`, { body: bad, token: s.key }), 400, "invalid");
    // 400 before 409: a bad body on an open poll (title changes are refused once open).
    expectError(await api(server.url, "PATCH", `/api/polls/${s.poll.id}`, { body: bad, token: s.key }), 400, "invalid");
  });
});

describe("unexpected failures", () => {
  const own = useServer();

  it("answer 503 unavailable with a sentence, never a stack trace", async () => {
    const ev = await own.event();
    const poll = await createOpenPoll(own.url, ev.moderatorKey, ev.code);
    // The store goes away under the server's feet.
    await own.app.store.close();
    const replies = [
      await api(own.url, "GET", `/api/rooms/${ev.code}`),
      await api(own.url, "POST", `/api/polls/${poll.id}/votes`, { body: { participantId: newParticipantId(), choice: [0] } }),
      await api(own.url, "POST", `/api/rooms/${ev.code}/questions`, {
        body: { participantId: newParticipantId(), text: "Anyone?" },
      }),
    ];
    for (const res of replies) {
      expectError(res, 503, "unavailable");
      expect(JSON.stringify(res.body)).not.toMatch(/\bat .+:\d+:\d+|node_modules|sqlite|redis|Error:/i);
    }
  });
});
