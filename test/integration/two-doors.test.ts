// Both doors, one answer: for every HTTP route of the protocol table that has a Socket.IO twin,
// the same wrong request sent through both doors gets the same error code, and a request wrong in
// several ways gets the first refusal in the contract's order (401 → 404 → 403 → 400 → 409).
// A twin added to the table without its cases here is a type error.
import type { Socket } from "socket.io-client";
import { describe, expect, it } from "vitest";
import type { ErrorCode } from "../../shared/errors.js";
import { KEYED_ROLES, ROUTES, type RouteKey, type RouteSpecOf } from "../../shared/protocol.js";
import { routeMethod, routeUrl } from "../../shared/route-url.js";
import { api, connect, emitAck, newParticipantId } from "../helpers/clients.js";
import { askOk, createOpenPoll, createPoll, patchRoom, pollBody } from "../helpers/fixtures.js";
import { useServer } from "../helpers/use-server.js";

type TwinRoute = { [K in RouteKey]: RouteSpecOf<K> extends { event: string } ? K : never }[RouteKey];

/** What one test sets up: event A (the target) and event B (a moderator of another event). */
interface World {
  code: string;
  keyA: string;
  keyB: string;
  /** The participant of event A's room, over both doors. */
  participantId: string;
  socketA: Socket;
  participantA: Socket;
  socketB: Socket;
  poll: { draft: string; open: string; closed: string };
  question: { live: string; pending: string };
  /** An answer of an open-answers poll (`poll.words`). */
  answer: { poll: string; id: string };
  /** Sessions of event A's room: the live one is the room's current session. */
  session: { upcoming: string; live: string };
}

interface Twin {
  /** The payload field that names the resource; absent when the socket's room is the resource. */
  ref?: "pollId" | "questionId" | "sessionId";
  /** A body the route accepts, and one it refuses (400). */
  body: Record<string, unknown>;
  invalid: Record<string, unknown>;
  /** Socket-only fields that pick the action (`on` for upvotes and bans). */
  socketExtra?: Record<string, unknown>;
  /** A resource of event A on which the action is refused by its state (409), if any can be. */
  conflict?: (w: World) => string;
  /** A resource of event A on which the action may run. */
  target: (w: World) => string;
}

const TWINS: Record<TwinRoute, Twin> = {
  "PATCH /api/rooms/:code": {
    body: { qaOpen: true },
    invalid: { qaOpen: "yes" },
    target: (w) => w.code,
  },
  "POST /api/rooms/:code/polls": {
    body: pollBody("single"),
    invalid: { title: "", kind: "single", options: ["A", "B"] },
    target: (w) => w.code,
  },
  "POST /api/rooms/:code/questions": {
    body: { text: "Is this the same at both doors?" },
    invalid: { text: "x".repeat(281) },
    target: (w) => w.code,
  },
  "PATCH /api/polls/:id": {
    ref: "pollId",
    body: { title: "A new title" },
    invalid: { title: "" },
    conflict: (w) => w.poll.open,
    target: (w) => w.poll.draft,
  },
  "DELETE /api/polls/:id": {
    ref: "pollId",
    body: {},
    invalid: JSON.parse('{"__proto__": {"x": 1}}'),
    target: (w) => w.poll.closed,
  },
  "POST /api/polls/:id/open": {
    ref: "pollId",
    body: {},
    invalid: JSON.parse('{"__proto__": {"x": 1}}'),
    conflict: (w) => w.poll.open,
    target: (w) => w.poll.draft,
  },
  "POST /api/polls/:id/close": {
    ref: "pollId",
    body: {},
    invalid: JSON.parse('{"constructor": {"x": 1}}'),
    conflict: (w) => w.poll.draft,
    target: (w) => w.poll.open,
  },
  "POST /api/polls/:id/reset": {
    ref: "pollId",
    body: {},
    invalid: JSON.parse('{"__proto__": {"x": 1}}'),
    target: (w) => w.poll.open,
  },
  "POST /api/polls/:id/votes": {
    ref: "pollId",
    body: { choice: [0] },
    invalid: { choice: "zero" },
    conflict: (w) => w.poll.closed,
    target: (w) => w.poll.open,
  },
  "POST /api/questions/:id/upvote": {
    ref: "questionId",
    body: {},
    invalid: JSON.parse('{"__proto__": {"x": 1}}'),
    socketExtra: { on: true },
    target: (w) => w.question.live,
  },
  "DELETE /api/questions/:id/upvote": {
    ref: "questionId",
    body: {},
    invalid: JSON.parse('{"__proto__": {"x": 1}}'),
    socketExtra: { on: false },
    target: (w) => w.question.live,
  },
  "POST /api/questions/:id/moderate": {
    ref: "questionId",
    body: { action: "answer" },
    invalid: { action: "delete" },
    conflict: (w) => w.question.pending,
    target: (w) => w.question.live,
  },
  "POST /api/questions/:id/reply": {
    ref: "questionId",
    body: { text: "Answered in the slides." },
    invalid: { text: "x".repeat(1001) },
    target: (w) => w.question.live,
  },
  "PATCH /api/questions/:id": {
    ref: "questionId",
    body: { labels: ["budget"] },
    invalid: { labels: ["a", "b", "c", "d", "e", "f"] },
    target: (w) => w.question.live,
  },
  "POST /api/questions/:id/ban": {
    ref: "questionId",
    body: {},
    invalid: JSON.parse('{"__proto__": {"x": 1}}'),
    socketExtra: { on: true },
    target: (w) => w.question.live,
  },
  "DELETE /api/questions/:id/ban": {
    ref: "questionId",
    body: {},
    invalid: JSON.parse('{"__proto__": {"x": 1}}'),
    socketExtra: { on: false },
    target: (w) => w.question.live,
  },
  "POST /api/rooms/:code/reactions": {
    body: { emoji: "👏" },
    invalid: { emoji: "🍕" },
    target: (w) => w.code,
  },
  "POST /api/polls/:id/answers/:answerId/hide": {
    ref: "pollId",
    body: {},
    invalid: JSON.parse('{"__proto__": {"x": 1}}'),
    target: (w) => w.answer.poll,
  },
  "POST /api/polls/:id/answers/:answerId/show": {
    ref: "pollId",
    body: {},
    invalid: JSON.parse('{"constructor": {"x": 1}}'),
    target: (w) => w.answer.poll,
  },
  "POST /api/rooms/:code/sessions": {
    body: { title: "Keynote" },
    invalid: { title: "" },
    target: (w) => w.code,
  },
  "PATCH /api/sessions/:id": {
    ref: "sessionId",
    body: { title: "A new title" },
    invalid: { title: "" },
    target: (w) => w.session.upcoming,
  },
  "DELETE /api/sessions/:id": {
    ref: "sessionId",
    body: {},
    invalid: JSON.parse('{"__proto__": {"x": 1}}'),
    conflict: (w) => w.session.live,
    target: (w) => w.session.upcoming,
  },
  "POST /api/sessions/:id/start": {
    ref: "sessionId",
    body: {},
    invalid: JSON.parse('{"__proto__": {"x": 1}}'),
    conflict: (w) => w.session.live,
    target: (w) => w.session.upcoming,
  },
  "POST /api/sessions/:id/end": {
    ref: "sessionId",
    body: {},
    invalid: JSON.parse('{"constructor": {"x": 1}}'),
    conflict: (w) => w.session.upcoming,
    target: (w) => w.session.live,
  },
  "POST /api/rooms/:code/messages": {
    body: { text: "5 minutes left" },
    invalid: { text: "x".repeat(201) },
    target: (w) => w.code,
  },
};

const UNKNOWN = "no-such-id-0123456789";

const server = useServer();

async function world(): Promise<World> {
  const [a, b] = [await server.event(), await server.event()];
  // The live session first: starting one closes the open polls of other sessions.
  const newSession = async (title: string) =>
    (await api(server.url, "POST", `/api/rooms/${a.code}/sessions`, { token: a.moderatorKey, body: { title } })).body
      .id as string;
  const upcoming = await newSession("Upcoming talk");
  const liveSession = await newSession("Live talk");
  expect((await api(server.url, "POST", `/api/sessions/${liveSession}/start`, { token: a.moderatorKey })).status).toBe(200);
  const draft = (await createPoll(server.url, a.moderatorKey, a.code)).id;
  const open = (await createOpenPoll(server.url, a.moderatorKey, a.code, pollBody("single"))).id;
  const closed = (await createOpenPoll(server.url, a.moderatorKey, a.code, pollBody("single"))).id;
  // Opening `closed` closed `open`: open it again, which closes `closed`.
  await api(server.url, "POST", `/api/polls/${open}/open`, { token: a.moderatorKey });
  const live = (await askOk(server.url, a.code, "A live question?")).id;
  await patchRoom(server.url, a.moderatorKey, a.code, { premoderation: true });
  const pending = (await askOk(server.url, a.code, "A pending question?")).id;
  await patchRoom(server.url, a.moderatorKey, a.code, { premoderation: false });
  const participantId = newParticipantId();
  const answers = (await createOpenPoll(server.url, a.moderatorKey, a.code, pollBody("open"))).id;
  const answered = await api(server.url, "POST", `/api/polls/${answers}/votes`, {
    body: { participantId: newParticipantId(), choice: "Plus de pistes cyclables" },
  });
  const results = await api(server.url, "GET", `/api/polls/${answers}/results`, { token: a.moderatorKey });
  expect(answered.status).toBe(200);
  // Opening the answers poll closed `open`: open it again.
  await api(server.url, "POST", `/api/polls/${open}/open`, { token: a.moderatorKey });
  return {
    code: a.code,
    keyA: a.moderatorKey,
    keyB: b.moderatorKey,
    participantId,
    socketA: (await server.moderator(a.code, a.moderatorKey)).socket,
    participantA: (await server.participant(a.code, participantId)).socket,
    socketB: (await server.moderator(b.code, b.moderatorKey)).socket,
    poll: { draft, open, closed },
    question: { live, pending },
    answer: { poll: answers, id: results.body.answers[0].id },
    session: { upcoming, live: liveSession },
  };
}

/** The code a door answered with, or "ok". */
type Outcome = ErrorCode | "ok";

async function overHttp(route: TwinRoute, w: World, id: string, body: Record<string, unknown>, key?: string): Promise<Outcome> {
  const spec = ROUTES[route];
  const params = route.includes(":code") ? { code: id } : { id, answerId: w.answer.id };
  const payload = spec.role === "participant" ? { ...body, participantId: w.participantId } : body;
  const res = await api(server.url, routeMethod(route), routeUrl(route, params as never), { body: payload, token: key });
  return res.status < 300 ? "ok" : res.body.error.code;
}

async function overSocket(
  route: TwinRoute,
  w: World,
  id: string,
  body: Record<string, unknown>,
  socket: Socket,
): Promise<Outcome> {
  const twin = TWINS[route];
  const answer = route.includes(":answerId") ? { answerId: w.answer.id } : {};
  const payload = { ...body, ...answer, ...twin.socketExtra, ...(twin.ref ? { [twin.ref]: id } : {}) };
  const ack = await emitAck(socket, ROUTES[route].event, payload);
  return ack.ok ? "ok" : ack.error.code;
}

describe("both doors give the same answer, in the contract's order", () => {
  for (const route of Object.keys(TWINS) as TwinRoute[]) {
    const twin = TWINS[route];
    const moderator = KEYED_ROLES.includes(ROUTES[route].role);
    it(`${route} ↔ ${ROUTES[route].event}`, async () => {
      const w = await world();
      const own = moderator ? w.keyA : undefined;
      const ownSocket = moderator ? w.socketA : w.participantA;
      const both = async (id: string, body: Record<string, unknown>, key: string | undefined, socket: Socket) => ({
        http: await overHttp(route, w, id, body, key),
        socket: await overSocket(route, w, id, body, socket),
      });
      const same = (outcome: { http: Outcome; socket: Outcome }, code: Outcome, what: string) =>
        expect(outcome, `${route}: ${what}`).toEqual({ http: code, socket: code });

      // 404 before 400: an unknown resource with a bad body. The socket's room always exists.
      if (twin.ref) same(await both(UNKNOWN, twin.invalid, own, ownSocket), "not_found", "unknown id, bad body");
      if (moderator && twin.ref) {
        // 403 before 400: another event's key (or socket) with a bad body.
        same(await both(twin.target(w), twin.invalid, w.keyB, w.socketB), "forbidden", "other event, bad body");
      }
      // 400 before 409: a bad body on a resource whose state forbids the action.
      const conflicting = twin.conflict?.(w) ?? twin.target(w);
      same(await both(conflicting, twin.invalid, own, ownSocket), "invalid", "bad body");
      // 409 with a good body.
      if (twin.conflict) same(await both(twin.conflict(w), twin.body, own, ownSocket), "conflict", "state forbids it");
    });
  }

  it("a missing or wrong key: 401 over HTTP, and the handshake refuses the same key with `unauthorized`", async () => {
    const w = await world();
    const route: TwinRoute = "POST /api/polls/:id/open";
    expect(await overHttp(route, w, w.poll.draft, {})).toBe("unauthorized");
    expect(await overHttp(route, w, w.poll.draft, {}, "not-a-key-of-anything")).toBe("unauthorized");
    const refused = await connect(server.url, { code: w.code, moderatorKey: "not-a-key-of-anything" }).catch(
      (err: Error & { data?: { code?: string } }) => err.data?.code,
    );
    expect(refused).toBe("unauthorized");
    // A socket that proved no key may not send a moderator event.
    expect(await overSocket(route, w, w.poll.draft, {}, w.participantA)).toBe("forbidden");
  });

  it("every twin of the protocol table is covered here", () => {
    const twins = (Object.keys(ROUTES) as RouteKey[]).filter((key) => "event" in ROUTES[key]).sort();
    expect(Object.keys(TWINS).sort()).toEqual(twins);
  });
});
