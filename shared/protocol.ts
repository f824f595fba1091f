// The protocol table: every HTTP route and every Socket.IO event, with who may use it, the
// schema of what it takes and the type of what it answers. The server registers its routes,
// socket handlers and role checks from it; the pages are typed from it (type-only imports: zod
// stays out of their bundles); the OpenAPI and AsyncAPI documents are generated from it.
// No route path or event name is written anywhere else.
import type { z } from "zod";
import type { Ack } from "./errors.js";
import { LIMITS } from "./limits.js";
import type {
  AuditLog,
  BackstageMessage,
  BanResult,
  EventCreatedWithRetention,
  EventReport,
  EventView,
  Health,
  KeyHolder,
  Poll,
  Programme,
  ProgrammeImport,
  Question,
  Reacted,
  ReactionCounts,
  Readiness,
  Results,
  RoomExport,
  RoomInfo,
  RoomKey,
  RoomKeyCreated,
  RoomReport,
  RoomState,
  RoomSummary,
  RotatedKey,
  Session,
  SimilarQuestions,
  SiteInfo,
  Upvotes,
} from "./model.js";
import {
  addRoomBody,
  answerRef,
  askBody,
  createEventBody,
  eventPatchBody,
  labelsBody,
  messageBody,
  moderateBody,
  pollCreateBody,
  pollRef,
  pollUpdateBody,
  programmeImportBody,
  reactBody,
  replyBody,
  roomKeyBody,
  roomPatchBody,
  sessionCreateBody,
  sessionRef,
  sessionUpdateBody,
  similarQuery,
  socketAsk,
  socketBan,
  socketLabels,
  socketModerate,
  socketPollUpdate,
  socketReact,
  socketReply,
  socketSessionUpdate,
  socketUpvote,
  socketVote,
  upvoteBody,
  voteBody,
} from "./schemas.js";

/** The type a route or event answers with; at run time only its name, for the API documents. */
export interface Answer<T> {
  readonly __answer?: T;
  /** The shape's name in shared/model.ts (or the shape itself, written short). */
  readonly name: string;
}
const answer = <T>(name: string): Answer<T> => ({ name });

/**
 * Who may call a route: `anyone` needs no key; `speaker`, `moderator` and `organizer` need one
 * (401 without). `speaker` admits a room's speaker key and every moderator key; `moderator`
 * refuses a speaker key (403, before anything else, as the socket door refuses an event its
 * role may not send). A room key acts in its own room only (403 elsewhere, and on event-level
 * routes): the service checks that against the resource.
 */
export type RouteRole = "anyone" | "participant" | "speaker" | "moderator" | "organizer";
/** Who a socket is, from its handshake (a speaker proved a room's speaker key). */
export type SocketRole = "participant" | "screen" | "moderator" | "speaker";

/** The routes that need a key, whatever the role it must carry. */
export const KEYED_ROLES: readonly RouteRole[] = ["speaker", "moderator", "organizer"];

interface RouteSpec {
  role: RouteRole;
  summary: string;
  body?: z.ZodType;
  /** The query string's schema, for a GET that takes parameters. */
  query?: z.ZodType;
  /** 200 unless said; 204 answers no body. */
  status?: 200 | 201 | 204;
  /** Not JSON: the media type of the answer. */
  media?: string;
  /** The Socket.IO event that does the same through the other door. */
  event?: ClientEventName;
  /** Bytes of body this route accepts, when more than the usual 16 KB. */
  bodyLimit?: number;
  answer: Answer<unknown>;
}

interface ClientEventSpec {
  roles: readonly SocketRole[];
  summary: string;
  payload: z.ZodType;
  answer: Answer<unknown>;
}

export const CLIENT_EVENTS = {
  vote: { roles: ["participant"], summary: "Cast or replace a ballot", payload: socketVote, answer: answer<Results>("Results") },
  ask: { roles: ["participant"], summary: "Ask a question", payload: socketAsk, answer: answer<Question>("Question") },
  upvote: {
    roles: ["participant"],
    summary: "Upvote a question (on: true) or withdraw the upvote (on: false)",
    payload: socketUpvote,
    answer: answer<Upvotes>("Upvotes"),
  },
  "poll:create": { roles: ["moderator"], summary: "Create a draft poll", payload: pollCreateBody, answer: answer<Poll>("Poll") },
  "poll:update": { roles: ["moderator"], summary: "Change a poll", payload: socketPollUpdate, answer: answer<Poll>("Poll") },
  "poll:delete": { roles: ["moderator"], summary: "Delete a poll", payload: pollRef, answer: answer<null>("null") },
  "poll:open": { roles: ["moderator"], summary: "Open a poll", payload: pollRef, answer: answer<Poll>("Poll") },
  "poll:close": { roles: ["moderator"], summary: "Close a poll", payload: pollRef, answer: answer<Poll>("Poll") },
  "poll:reset": {
    roles: ["moderator"],
    summary: "Remove every ballot of a poll",
    payload: pollRef,
    answer: answer<Results>("Results"),
  },
  react: {
    roles: ["participant"],
    summary: "A live reaction (👏 ❤️ 😂 😮 👍 🎉), five a second at most; counted, not stored one by one",
    payload: socketReact,
    answer: answer<null>("null"),
  },
  "answer:hide": {
    roles: ["moderator"],
    summary: "Hide an answer of an open-answers poll from the public",
    payload: answerRef,
    answer: answer<Results>("Results"),
  },
  "answer:show": {
    roles: ["moderator"],
    summary: "Show a hidden answer of an open-answers poll again",
    payload: answerRef,
    answer: answer<Results>("Results"),
  },
  "question:moderate": {
    roles: ["moderator", "speaker"],
    summary:
      "Approve, reject, answer, highlight, unhighlight, archive or merge a question (a speaker: answer, highlight, unhighlight)",
    payload: socketModerate,
    answer: answer<Question>("Question"),
  },
  "question:reply": {
    roles: ["moderator", "speaker"],
    summary: "Reply to a question in writing (an empty text removes the reply)",
    payload: socketReply,
    answer: answer<Question>("Question"),
  },
  "question:update": {
    roles: ["moderator"],
    summary: "Set a question's labels (0 to 5, replacing the previous ones)",
    payload: socketLabels,
    answer: answer<Question>("Question"),
  },
  "question:ban": {
    roles: ["moderator"],
    summary: "Block (or unblock, on: false) the author of a question in its room",
    payload: socketBan,
    answer: answer<BanResult>("BanResult"),
  },
  "room:update": {
    roles: ["moderator"],
    summary: "Change the room's settings or what its screen shows",
    payload: roomPatchBody,
    answer: answer<RoomState>("RoomState"),
  },
  "session:create": {
    roles: ["moderator"],
    summary: "Add a session to the room's programme",
    payload: sessionCreateBody,
    answer: answer<Session>("Session"),
  },
  "session:update": {
    roles: ["moderator"],
    summary: "Change a session",
    payload: socketSessionUpdate,
    answer: answer<Session>("Session"),
  },
  "session:delete": { roles: ["moderator"], summary: "Delete a session", payload: sessionRef, answer: answer<null>("null") },
  "session:start": {
    roles: ["moderator"],
    summary: "Start a session: it becomes the room's current one",
    payload: sessionRef,
    answer: answer<Session>("Session"),
  },
  "session:end": { roles: ["moderator"], summary: "End a live session", payload: sessionRef, answer: answer<Session>("Session") },
  "room:message": {
    roles: ["moderator"],
    summary: "A backstage message to the room's speaker (and its moderators), never to the public",
    payload: messageBody,
    answer: answer<BackstageMessage>("BackstageMessage"),
  },
} as const satisfies Record<string, ClientEventSpec>;

export type ClientEventName = keyof typeof CLIENT_EVENTS;

/** Events the server sends; each with the roles that receive it. */
export const SERVER_EVENTS = {
  state: { to: "every socket, on connect and whenever it may have missed something", payload: answer<RoomState>("RoomState") },
  poll: { to: "moderators; the public unless it is a draft", payload: answer<Poll>("Poll") },
  results: { to: "the room, at most every 100 ms per poll (hidden form for the public)", payload: answer<Results>("Results") },
  question: { to: "moderators and its author; the public when it is or was public", payload: answer<Question>("Question") },
  room: { to: "the room", payload: answer<RoomInfo>("RoomInfo") },
  participants: {
    to: "moderators, at most once a second",
    payload: answer<{ code: string; participants: number }>("{code, participants}"),
  },
  reactions: {
    to: "screens and moderators, at most every 250 ms per room: the reactions since the previous message",
    payload: answer<ReactionCounts>("ReactionCounts"),
  },
  message: {
    to: "the room's speakers and moderators, never the public: a backstage message",
    payload: answer<BackstageMessage>("BackstageMessage"),
  },
} as const;

export type ServerEventName = keyof typeof SERVER_EVENTS;

export const ROUTES = {
  "GET /healthz": { role: "anyone", summary: "The process answers", answer: answer<Health>("Health") },
  "GET /readyz": {
    role: "anyone",
    summary: "The node can serve (store and adapter reachable)",
    answer: answer<Readiness>("Readiness"),
  },
  "GET /metrics": {
    role: "anyone",
    summary: "Prometheus metrics: with METRICS_TOKEN as a bearer token, or to this machine only without it",
    media: "text/plain",
    answer: answer<string>("string"),
  },
  "GET /api/site": {
    role: "anyone",
    summary: "Who runs this server and its default retention (privacy and accessibility pages)",
    answer: answer<SiteInfo>("SiteInfo"),
  },
  "GET /api/openapi.json": {
    role: "anyone",
    summary: "This document: OpenAPI 3.1, every HTTP route",
    answer: answer<Record<string, unknown>>("OpenAPI 3.1 document"),
  },
  "GET /api/asyncapi.json": {
    role: "anyone",
    summary: "AsyncAPI 3.0 document of every Socket.IO event, both directions",
    answer: answer<Record<string, unknown>>("AsyncAPI 3.0 document"),
  },
  "GET /api/session": { role: "speaker", summary: "What the bearer's key opens", answer: answer<KeyHolder>("KeyHolder") },
  "POST /api/events": {
    role: "organizer",
    summary: "Create an event with its rooms",
    body: createEventBody,
    status: 201,
    answer: answer<EventCreatedWithRetention>("EventCreatedWithRetention"),
  },
  "GET /api/events/:id": { role: "moderator", summary: "An event and its rooms", answer: answer<EventView>("EventView") },
  "PATCH /api/events/:id": {
    role: "moderator",
    summary:
      "Change the event's title, time zone, automatic sessions, blocklist words, the pre-moderation of rooms added later, or (organizer token only) its retention",
    body: eventPatchBody,
    answer: answer<EventView>("EventView"),
  },
  "GET /api/events/:id/report": {
    role: "moderator",
    summary: "The report of every room of the event",
    answer: answer<EventReport>("EventReport"),
  },
  "DELETE /api/events/:id": {
    role: "organizer",
    summary: "Erase an event and everything in it",
    status: 204,
    answer: answer<null>("null"),
  },
  "POST /api/events/:id/rooms": {
    role: "moderator",
    summary: "Add a room",
    body: addRoomBody,
    status: 201,
    answer: answer<RoomSummary>("RoomSummary"),
  },
  "POST /api/events/:id/moderator-key": {
    role: "organizer",
    summary: "Replace the event's moderator key",
    answer: answer<RotatedKey>("RotatedKey"),
  },
  "POST /api/events/:id/programme": {
    role: "moderator",
    summary: "Import a programme (CSV or frab/pretalx JSON): rooms and sessions, all or nothing; dryRun writes nothing",
    body: programmeImportBody,
    bodyLimit: LIMITS.programmeBytes,
    answer: answer<ProgrammeImport>("ProgrammeImport"),
  },
  "GET /api/programme/:code": {
    role: "anyone",
    summary: "An event's programme, by the event's code or one of its rooms' codes",
    answer: answer<Programme>("Programme"),
  },
  "GET /api/rooms/:code": { role: "anyone", summary: "A room's public state", answer: answer<RoomState>("RoomState") },
  "PATCH /api/rooms/:code": {
    role: "moderator",
    summary: "Change the room's settings or screen",
    body: roomPatchBody,
    event: "room:update",
    answer: answer<RoomState>("RoomState"),
  },
  "GET /api/rooms/:code/moderation": {
    role: "speaker",
    summary:
      "A room's state with every question (a speaker: without pending and rejected ones); ?session=<id>|none|all (the current session's when absent)",
    answer: answer<RoomState>("RoomState"),
  },
  "POST /api/rooms/:code/keys": {
    role: "moderator",
    summary: "A moderator or speaker key for this room only, returned once (the event's key or the organizer's)",
    body: roomKeyBody,
    status: 201,
    answer: answer<RoomKeyCreated>("RoomKeyCreated"),
  },
  "GET /api/rooms/:code/keys": {
    role: "moderator",
    summary: "The room's keys, without the keys themselves",
    answer: answer<RoomKey[]>("RoomKey[]"),
  },
  "DELETE /api/keys/:id": {
    role: "moderator",
    summary: "Revoke a room key: it opens nothing from now on and its sockets are disconnected",
    status: 204,
    answer: answer<null>("null"),
  },
  "POST /api/rooms/:code/messages": {
    role: "moderator",
    summary: "A backstage message to the room's speaker (and its moderators), never to the public",
    body: messageBody,
    status: 201,
    event: "room:message",
    answer: answer<BackstageMessage>("BackstageMessage"),
  },
  "POST /api/rooms/:code/sessions": {
    role: "moderator",
    summary: "Add a session to the room's programme",
    body: sessionCreateBody,
    status: 201,
    event: "session:create",
    answer: answer<Session>("Session"),
  },
  "PATCH /api/sessions/:id": {
    role: "moderator",
    summary: "Change a session",
    body: sessionUpdateBody,
    event: "session:update",
    answer: answer<Session>("Session"),
  },
  "DELETE /api/sessions/:id": {
    role: "moderator",
    summary: "Delete a session (not a live one); its polls and questions stay in the room",
    status: 204,
    event: "session:delete",
    answer: answer<null>("null"),
  },
  "POST /api/sessions/:id/start": {
    role: "moderator",
    summary: "Start a session: it becomes the room's current one, a live one of the room ends",
    event: "session:start",
    answer: answer<Session>("Session"),
  },
  "POST /api/sessions/:id/end": {
    role: "moderator",
    summary: "End a live session",
    event: "session:end",
    answer: answer<Session>("Session"),
  },
  "GET /api/sessions/:id/export.json": {
    role: "moderator",
    summary: "The room's records limited to one session",
    answer: answer<RoomExport>("RoomExport"),
  },
  "GET /api/sessions/:id/export.csv": {
    role: "moderator",
    summary: "The room's records limited to one session, as one CSV table",
    media: "text/csv",
    answer: answer<string>("string"),
  },
  "POST /api/rooms/:code/polls": {
    role: "moderator",
    summary: "Create a draft poll",
    body: pollCreateBody,
    status: 201,
    event: "poll:create",
    answer: answer<Poll>("Poll"),
  },
  "POST /api/rooms/:code/questions": {
    role: "participant",
    summary: "Ask a question (201; 200 with the original for a retried clientId)",
    body: askBody,
    status: 201,
    event: "ask",
    answer: answer<Question>("Question"),
  },
  "GET /api/rooms/:code/export.json": {
    role: "moderator",
    summary: "The room's records",
    answer: answer<RoomExport>("RoomExport"),
  },
  "GET /api/rooms/:code/similar": {
    role: "anyone",
    summary: "Up to 3 public questions of the room that ask the same thing as `text` (1–280 characters)",
    query: similarQuery,
    answer: answer<SimilarQuestions>("SimilarQuestions"),
  },
  "POST /api/rooms/:code/reactions": {
    role: "participant",
    summary: "A live reaction (👏 ❤️ 😂 😮 👍 🎉), five a second at most; counted, not stored one by one",
    body: reactBody,
    event: "react",
    answer: answer<Reacted>("Reacted"),
  },
  "GET /api/rooms/:code/export.csv": {
    role: "moderator",
    summary: "The room's records as one CSV table",
    media: "text/csv",
    answer: answer<string>("string"),
  },
  "GET /api/rooms/:code/report": {
    role: "moderator",
    summary: "The room's report: per session, participants, the minute timeline, polls with results, questions",
    answer: answer<RoomReport>("RoomReport"),
  },
  "GET /api/rooms/:code/audit": { role: "moderator", summary: "The room's audit log", answer: answer<AuditLog>("AuditLog") },
  "PATCH /api/polls/:id": {
    role: "moderator",
    summary: "Change a poll (title and options while a draft)",
    body: pollUpdateBody,
    event: "poll:update",
    answer: answer<Poll>("Poll"),
  },
  "DELETE /api/polls/:id": {
    role: "moderator",
    summary: "Delete a poll",
    status: 204,
    event: "poll:delete",
    answer: answer<null>("null"),
  },
  "POST /api/polls/:id/open": { role: "moderator", summary: "Open a poll", event: "poll:open", answer: answer<Poll>("Poll") },
  "POST /api/polls/:id/close": { role: "moderator", summary: "Close a poll", event: "poll:close", answer: answer<Poll>("Poll") },
  "POST /api/polls/:id/reset": {
    role: "moderator",
    summary: "Remove every ballot",
    event: "poll:reset",
    answer: answer<Results>("Results"),
  },
  "POST /api/polls/:id/votes": {
    role: "participant",
    summary: "Cast or replace a ballot",
    body: voteBody,
    event: "vote",
    answer: answer<Results>("Results"),
  },
  "POST /api/polls/:id/answers/:answerId/hide": {
    role: "moderator",
    summary: "Hide an answer of an open-answers poll from the public",
    event: "answer:hide",
    answer: answer<Results>("Results"),
  },
  "POST /api/polls/:id/answers/:answerId/show": {
    role: "moderator",
    summary: "Show a hidden answer of an open-answers poll again",
    event: "answer:show",
    answer: answer<Results>("Results"),
  },
  "GET /api/polls/:id/results": { role: "anyone", summary: "A poll's results", answer: answer<Results>("Results") },
  "POST /api/questions/:id/upvote": {
    role: "participant",
    summary: "Upvote a question",
    body: upvoteBody,
    event: "upvote",
    answer: answer<Upvotes>("Upvotes"),
  },
  "DELETE /api/questions/:id/upvote": {
    role: "participant",
    summary: "Withdraw an upvote",
    body: upvoteBody,
    event: "upvote",
    answer: answer<Upvotes>("Upvotes"),
  },
  "POST /api/questions/:id/moderate": {
    role: "speaker",
    summary: "Moderate a question",
    body: moderateBody,
    event: "question:moderate",
    answer: answer<Question>("Question"),
  },
  "POST /api/questions/:id/reply": {
    role: "speaker",
    summary: "Reply to a question in writing (an empty text removes the reply)",
    body: replyBody,
    event: "question:reply",
    answer: answer<Question>("Question"),
  },
  "PATCH /api/questions/:id": {
    role: "moderator",
    summary: "Set a question's labels (0 to 5 of 1 to 30 characters)",
    body: labelsBody,
    event: "question:update",
    answer: answer<Question>("Question"),
  },
  "POST /api/questions/:id/ban": {
    role: "moderator",
    summary: "Block the author of a question in its room",
    event: "question:ban",
    answer: answer<BanResult>("BanResult"),
  },
  "DELETE /api/questions/:id/ban": {
    role: "moderator",
    summary: "Unblock the author of a question",
    event: "question:ban",
    answer: answer<BanResult>("BanResult"),
  },
} as const satisfies Record<string, RouteSpec>;

export type RouteKey = keyof typeof ROUTES;
export type RouteSpecOf<K extends RouteKey> = (typeof ROUTES)[K];

type AnswerOf<S> = S extends { answer: Answer<infer T> } ? T : never;
export type RouteAnswer<K extends RouteKey> = AnswerOf<RouteSpecOf<K>>;
export type EventAnswer<E extends ClientEventName> = AnswerOf<(typeof CLIENT_EVENTS)[E]>;
export type EventPayload<E extends ClientEventName> = z.input<(typeof CLIENT_EVENTS)[E]["payload"]>;
export type RouteBody<K extends RouteKey> = RouteSpecOf<K> extends { body: z.ZodType } ? z.input<RouteSpecOf<K>["body"]> : never;
export type ServerEventPayload<E extends ServerEventName> =
  (typeof SERVER_EVENTS)[E]["payload"] extends Answer<infer T> ? T : never;

/** The path parameters of a route, from its key: "GET /api/polls/:id" → {id: string}. */
type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name extends `${infer Base}.${string}`
      ? Base
      : Name
    : never;
export type RouteParams<K extends RouteKey> = { [N in ParamNames<K>]: string };

// Typed Socket.IO maps, for `Server<ClientToServer, ServerToClient>` and the pages' socket.
export type ClientToServer = {
  [E in ClientEventName]: (payload: EventPayload<E>, ack: (answer: Ack<EventAnswer<E>>) => void) => void;
};
export type ServerToClient = { [E in ServerEventName]: (payload: ServerEventPayload<E>) => void };
