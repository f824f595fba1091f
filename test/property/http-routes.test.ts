// Property: every HTTP route, fed thousands of random and hostile bodies, paths and keys,
// answers a 4xx in the contract's shape (never a crash, never a 5xx), changes nothing, and the
// room's invariants hold afterwards.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Poll } from "../../shared/model.js";
import { api, newParticipantId, type Reply } from "../helpers/clients.js";
import { ADMIN_TOKEN, askOk, createOpenPoll, createPoll, patchRoom, pollBody } from "../helpers/fixtures.js";
import { useServer } from "../helpers/use-server.js";
import { accepts, type Body, hostileBody, hostileString, refused } from "./hostile.js";
import { expectInvariants } from "./invariants.js";

const server = useServer();
let key: string;
let code: string;
let eventId: string;
let open: Poll;
let draft: Poll;
let live: { id: string };
let pending: { id: string };

beforeAll(async () => {
  const ev = await server.event({ rooms: 1 });
  ({ moderatorKey: key, code, eventId } = ev);
  draft = await createPoll(server.url, key, code, pollBody("multiple"));
  open = await createOpenPoll(server.url, key, code, pollBody("single"));
  for (let i = 0; i < 5; i++)
    await api(server.url, "POST", `/api/polls/${open.id}/votes`, {
      body: { participantId: newParticipantId(), choice: [i % 3] },
    });
  live = await askOk(server.url, code, "A live question");
  await patchRoom(server.url, key, code, { premoderation: true });
  pending = await askOk(server.url, code, "A pending question");
});

/** Everything a refused request must leave as it was. */
async function snapshot() {
  const { moderation, audit } = await expectInvariants(server.url, key, code);
  const event = await api(server.url, "GET", `/api/events/${eventId}`, { token: key });
  const events = (await server.app.store.expiredEvents("2999-01-01T00:00:00.000Z")).length;
  const keys = (await api(server.url, "GET", `/api/rooms/${code}/keys`, { token: key })).body;
  return { moderation: { ...moderation, participants: 0 }, audit, event: event.body, events, keys };
}

async function send(method: string, path: string, body: Body | undefined, token?: string): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  let payload: string | undefined;
  if (body) {
    headers["content-type"] = "application/json";
    payload = "json" in body ? JSON.stringify(body.json) : body.raw;
  }
  const res = await fetch(server.url + path, { method, headers, body: payload });
  const text = await res.text();
  let parsed: any = text;
  try {
    parsed = JSON.parse(text);
  } catch {}
  return { status: res.status, body: parsed, headers: res.headers };
}

/** A refusal in the contract's shape: 4xx, a known code, a sentence, no stack trace. */
function expectRefusal(res: Reply, statuses: number[]): void {
  expect(statuses, `unexpected ${res.status}: ${JSON.stringify(res.body).slice(0, 200)}`).toContain(res.status);
  expect(typeof res.body?.error?.code).toBe("string");
  expect(typeof res.body?.error?.message).toBe("string");
  expect(JSON.stringify(res.body)).not.toMatch(/"stack"|node_modules|\.ts:\d+/);
}

interface BodyRoute {
  method: string;
  path: () => string;
  token?: () => string;
  valid: Record<string, unknown>;
  accept: (value: unknown) => boolean;
}

const BODY_ROUTES: Record<string, BodyRoute> = {
  "POST /api/events": {
    method: "POST",
    path: () => "/api/events",
    token: () => ADMIN_TOKEN,
    valid: { title: "T", rooms: [{ name: "R" }], retentionDays: 30 },
    accept: accepts.createEvent,
  },
  "POST /api/events/:id/rooms": {
    method: "POST",
    path: () => `/api/events/${eventId}/rooms`,
    token: () => key,
    valid: { name: "Room" },
    accept: accepts.addRoom,
  },
  "PATCH /api/events/:id": {
    method: "PATCH",
    path: () => `/api/events/${eventId}`,
    // The organizer's token may send every field; a moderator key sending `retentionDays` is
    // refused 403 before its body is read (test/integration/retention-edit.test.ts).
    token: () => ADMIN_TOKEN,
    valid: { title: "Event", premoderation: false },
    accept: accepts.eventPatch,
  },
  "PATCH /api/rooms/:code": {
    method: "PATCH",
    path: () => `/api/rooms/${code}`,
    token: () => key,
    valid: { qaOpen: false, premoderation: false, screen: { mode: "join" } },
    accept: accepts.roomPatch,
  },
  "POST /api/rooms/:code/polls": {
    method: "POST",
    path: () => `/api/rooms/${code}/polls`,
    token: () => key,
    valid: { title: "P", kind: "single", options: ["a", "b"], resultsVisible: false },
    accept: accepts.pollCreate,
  },
  "PATCH /api/polls/:id": {
    method: "PATCH",
    path: () => `/api/polls/${draft.id}`,
    token: () => key,
    valid: { title: "New", options: ["x", "y"], resultsVisible: true },
    accept: (v) => accepts.pollUpdate(draft)(v),
  },
  "POST /api/polls/:id/votes": {
    method: "POST",
    path: () => `/api/polls/${open.id}/votes`,
    valid: { participantId: "p_valid_participant_1", choice: [1] },
    accept: (v) => accepts.vote(open)(v),
  },
  "POST /api/rooms/:code/questions": {
    method: "POST",
    path: () => `/api/rooms/${code}/questions`,
    valid: { participantId: "p_valid_participant_1", text: "Q?", author: "A", clientId: "c" },
    accept: accepts.ask,
  },
  "POST /api/questions/:id/upvote": {
    method: "POST",
    path: () => `/api/questions/${live.id}/upvote`,
    valid: { participantId: "p_valid_participant_1" },
    accept: accepts.upvote,
  },
  "DELETE /api/questions/:id/upvote": {
    method: "DELETE",
    path: () => `/api/questions/${live.id}/upvote`,
    valid: { participantId: "p_valid_participant_1" },
    accept: accepts.upvote,
  },
  "POST /api/questions/:id/moderate": {
    method: "POST",
    path: () => `/api/questions/${pending.id}/moderate`,
    token: () => key,
    valid: { action: "approve" },
    accept: accepts.moderate,
  },
  "POST /api/rooms/:code/keys": {
    method: "POST",
    path: () => `/api/rooms/${code}/keys`,
    token: () => key,
    valid: { role: "speaker", label: "Lectern" },
    accept: accepts.roomKey,
  },
  "POST /api/rooms/:code/messages": {
    method: "POST",
    path: () => `/api/rooms/${code}/messages`,
    token: () => key,
    valid: { text: "5 minutes left" },
    accept: accepts.message,
  },
};

const RUNS_PER_BODY_ROUTE = 220;

describe("hostile bodies", () => {
  for (const [name, route] of Object.entries(BODY_ROUTES)) {
    it(`${name}: ${RUNS_PER_BODY_ROUTE} hostile bodies get 400 or 413 and change nothing`, async () => {
      const before = await snapshot();
      await fc.assert(
        fc.asyncProperty(hostileBody(route.valid), async (body) => {
          fc.pre(refused(body, route.accept));
          const res = await send(route.method, route.path(), body, route.token?.());
          expectRefusal(res, [400, 413]);
          expect(res.body.error.code).toBe(res.status === 413 ? "too_large" : "invalid");
        }),
        { numRuns: RUNS_PER_BODY_ROUTE, seed: Number(process.env.FC_SEED) || undefined },
      );
      expect(await snapshot()).toEqual(before);
    });
  }
});

/** Every route with an id or a code in its path. */
const PATH_ROUTES: [string, string, boolean][] = [
  ["GET", "/api/events/{}", true],
  ["POST", "/api/events/{}/rooms", true],
  ["DELETE", "/api/events/{}", true],
  ["POST", "/api/events/{}/moderator-key", true],
  ["GET", "/api/rooms/{}", false],
  ["PATCH", "/api/rooms/{}", true],
  ["GET", "/api/rooms/{}/moderation", true],
  ["GET", "/api/rooms/{}/audit", true],
  ["POST", "/api/rooms/{}/polls", true],
  ["POST", "/api/rooms/{}/questions", false],
  ["GET", "/api/rooms/{}/export.json", true],
  ["GET", "/api/rooms/{}/export.csv", true],
  ["PATCH", "/api/polls/{}", true],
  ["DELETE", "/api/polls/{}", true],
  ["POST", "/api/polls/{}/open", true],
  ["POST", "/api/polls/{}/close", true],
  ["POST", "/api/polls/{}/reset", true],
  ["POST", "/api/polls/{}/votes", false],
  ["GET", "/api/polls/{}/results", false],
  ["POST", "/api/questions/{}/upvote", false],
  ["DELETE", "/api/questions/{}/upvote", false],
  ["POST", "/api/questions/{}/moderate", true],
  ["POST", "/api/questions/{}/ban", true],
  ["DELETE", "/api/questions/{}/ban", true],
  ["POST", "/api/rooms/{}/keys", true],
  ["GET", "/api/rooms/{}/keys", true],
  ["DELETE", "/api/keys/{}", true],
  ["POST", "/api/rooms/{}/messages", true],
];

/** Routes that need a key, and the session route that tells what a key opens. */
const STAFF_ROUTES: [string, string, boolean][] = [
  ...PATH_ROUTES.filter(([, , staff]) => staff),
  ["GET", "/api/session", true],
  ["POST", "/api/events", true],
];

describe("hostile paths and keys", () => {
  it(`every route with an unknown, huge or strange id or code answers 4xx and changes nothing`, async () => {
    const before = await snapshot();
    const known = () => new Set([eventId, code, code.toLowerCase(), open.id, draft.id, live.id, pending.id]);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PATH_ROUTES),
        hostileString,
        fc.boolean(),
        async ([method, template, staff], id, raw) => {
          fc.pre(!known().has(id.trim()) && !known().has(id.trim().toUpperCase()));
          // Encoded, or raw with its percent signs kept (broken escapes like %ZZ or %00 reach the router).
          const wellFormed = id.replace(/[\ud800-\udfff]/gu, "\ufffd"); // lone surrogates cannot be URL-encoded
          const segment = raw
            ? wellFormed.replace(/[^A-Za-z0-9%._~-]/gu, (c: string) => encodeURIComponent(c))
            : encodeURIComponent(wellFormed);
          const path = template.replace("{}", segment);
          const body: Body = {
            json: { participantId: "p_valid_participant_1", choice: [0], text: "Q", name: "R", action: "approve" },
          };
          const res = await send(method, path, method === "GET" ? undefined : body, staff ? key : undefined);
          expectRefusal(res, [400, 404, 413]);
        },
      ),
      { numRuns: 400 },
    );
    expect(await snapshot()).toEqual(before);
  });

  it("a random key on every staff route answers 401 (or 429 once the address sent too many), and changes nothing", async () => {
    const before = await snapshot();
    const token = fc.string({
      unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)),
      minLength: 1,
      maxLength: 300,
    });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...STAFF_ROUTES), token, async ([method, template], bad) => {
        fc.pre(bad !== key && bad !== ADMIN_TOKEN);
        const target = template.includes("/rooms/")
          ? code
          : template.includes("/events/")
            ? eventId
            : template.includes("/polls/")
              ? open.id
              : live.id;
        const res = await send(
          method,
          template.replace("{}", target),
          method === "GET" ? undefined : { json: { action: "reject", name: "X", qaOpen: false } },
          bad,
        );
        expectRefusal(res, [401, 429]);
      }),
      { numRuns: 200 },
    );
    expect(await snapshot()).toEqual(before);
    // A valid key is never refused, even after all of that.
    expect((await api(server.url, "GET", `/api/rooms/${code}/moderation`, { token: key })).status).toBe(200);
  });
});
