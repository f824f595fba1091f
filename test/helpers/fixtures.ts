// Shared set-up for integration tests: events with rooms, polls, questions, sockets per role,
// and assertions on the contract's error shape.
import type { Socket } from "socket.io-client";
import { expect } from "vitest";
import { ERROR_STATUS } from "../../shared/errors.js";
import type { PollKind } from "../../shared/model.js";
import { POLL_KINDS } from "../../shared/poll-kinds/index.js";
import { api, connect, connectWithState, newParticipantId, type Reply, waitFor } from "./clients.js";
import { ADMIN_TOKEN } from "./server.js";

/** ISO 8601 UTC with milliseconds, as the contract says for `createdAt`. */
export const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
export const ROOM_CODE_RE = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/;

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface RoomFixture {
  id: string;
  name: string;
  code: string;
}

export interface EventFixture {
  eventId: string;
  title: string;
  moderatorKey: string;
  rooms: RoomFixture[];
  /** The first room's code. */
  code: string;
  /** The event's own code (its programme). */
  eventCode: string;
}

let eventCounter = 0;

/** Creates an event as the organizer; `rooms` is a count or a list of names. */
export async function createEvent(
  url: string,
  options: { title?: string; rooms?: number | string[] } = {},
): Promise<EventFixture> {
  const names = Array.isArray(options.rooms)
    ? options.rooms
    : Array.from({ length: options.rooms ?? 1 }, (_, i) => `Room ${i + 1}`);
  const title = options.title ?? `Event ${++eventCounter} ${Date.now()}`;
  const res = await api(url, "POST", "/api/events", {
    token: ADMIN_TOKEN,
    body: { title, rooms: names.map((name) => ({ name })) },
  });
  if (res.status !== 201) throw new Error(`createEvent failed: ${res.status} ${JSON.stringify(res.body)}`);
  return {
    eventId: res.body.id,
    title: res.body.title,
    moderatorKey: res.body.moderatorKey,
    rooms: res.body.rooms,
    code: res.body.rooms[0].code,
    eventCode: res.body.code,
  };
}

export const DEFAULT_OPTIONS = ["Red", "Green", "Blue"];

/** A poll of this kind, with DEFAULT_OPTIONS when its kind takes options and `extra` names none. */
export function pollBody(kind: PollKind, extra: Record<string, unknown> = {}) {
  const body: Record<string, unknown> = { title: `A ${kind} poll`, kind, ...extra };
  if (POLL_KINDS[kind].options && !("options" in extra)) body.options = DEFAULT_OPTIONS;
  // A quiz needs its right answer.
  if (POLL_KINDS[kind].timed && !("correct" in extra)) body.correct = [0];
  return body;
}

/** Creates a poll (a draft) and returns it. */
export async function createPoll(url: string, key: string, code: string, body: Record<string, unknown> = pollBody("single")) {
  const res = await api(url, "POST", `/api/rooms/${code}/polls`, { token: key, body });
  if (res.status !== 201) throw new Error(`createPoll failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function openPoll(url: string, key: string, pollId: string) {
  const res = await api(url, "POST", `/api/polls/${pollId}/open`, { token: key });
  if (res.status !== 200) throw new Error(`openPoll failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function closePoll(url: string, key: string, pollId: string) {
  const res = await api(url, "POST", `/api/polls/${pollId}/close`, { token: key });
  if (res.status !== 200) throw new Error(`closePoll failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Creates a poll and opens it. */
export async function createOpenPoll(url: string, key: string, code: string, body: Record<string, unknown> = pollBody("single")) {
  const poll = await createPoll(url, key, code, body);
  return openPoll(url, key, poll.id);
}

export function vote(url: string, pollId: string, choice: unknown, participantId: string = newParticipantId()): Promise<Reply> {
  return api(url, "POST", `/api/polls/${pollId}/votes`, { body: { participantId, choice } });
}

export function ask(
  url: string,
  code: string,
  text: string,
  extra: { participantId?: string; author?: string; clientId?: string } = {},
): Promise<Reply> {
  return api(url, "POST", `/api/rooms/${code}/questions`, {
    body: {
      participantId: extra.participantId ?? newParticipantId(),
      text,
      ...omitUndefined({ author: extra.author, clientId: extra.clientId }),
    },
  });
}

/** Asks a question and returns it (201 expected). */
export async function askOk(url: string, code: string, text: string, extra: Parameters<typeof ask>[3] = {}) {
  const res = await ask(url, code, text, extra);
  if (res.status !== 201) throw new Error(`ask failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export function moderate(url: string, key: string, questionId: string, action: string): Promise<Reply> {
  return api(url, "POST", `/api/questions/${questionId}/moderate`, { token: key, body: { action } });
}

export async function moderateOk(url: string, key: string, questionId: string, action: string) {
  const res = await moderate(url, key, questionId, action);
  if (res.status !== 200) throw new Error(`moderate ${action} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export function upvote(url: string, questionId: string, participantId: string, on = true): Promise<Reply> {
  return api(url, on ? "POST" : "DELETE", `/api/questions/${questionId}/upvote`, { body: { participantId } });
}

export async function patchRoom(url: string, key: string, code: string, body: Record<string, unknown>) {
  const res = await api(url, "PATCH", `/api/rooms/${code}`, { token: key, body });
  if (res.status !== 200) throw new Error(`patchRoom failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The public RoomState. */
export async function publicState(url: string, code: string) {
  const res = await api(url, "GET", `/api/rooms/${code}`);
  if (res.status !== 200) throw new Error(`GET room failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The moderation view (every question, every poll with results). */
export async function moderationState(url: string, key: string, code: string) {
  const res = await api(url, "GET", `/api/rooms/${code}/moderation`, { token: key });
  if (res.status !== 200) throw new Error(`GET moderation failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function getResults(url: string, pollId: string, key?: string) {
  const res = await api(url, "GET", `/api/polls/${pollId}/results`, { token: key });
  if (res.status !== 200) throw new Error(`GET results failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A question in the moderation view, by id. */
export async function findQuestion(url: string, key: string, code: string, questionId: string) {
  const state = await moderationState(url, key, code);
  return state.questions.find((q: any) => q.id === questionId);
}

// ---- errors ----------------------------------------------------------------------------------

/** A message is a sentence a person can act on: words, a final stop, no stack trace. */
export function expectSentence(message: unknown): void {
  expect(typeof message, `message should be a string, got ${JSON.stringify(message)}`).toBe("string");
  const text = (message as string).trim();
  expect(text.length, `message too short: ${JSON.stringify(message)}`).toBeGreaterThanOrEqual(8);
  expect(text, "message should have several words").toMatch(/\s/);
  expect(text, "message should end like a sentence").toMatch(/[.!?]$/);
  expect(text, "message must not carry a stack trace").not.toMatch(/\n\s*at\s|node_modules|\.ts:\d+|\.js:\d+/);
}

/** Asserts an HTTP error: status, code and a sentence, in `{error:{code,message}}`. */
export function expectError(res: Reply, status: number, code: keyof typeof ERROR_STATUS): void {
  expect(
    { status: res.status, code: res.body?.error?.code },
    `unexpected answer: ${res.status} ${JSON.stringify(res.body)?.slice(0, 300)}`,
  ).toEqual({ status, code });
  expect(ERROR_STATUS[code]).toBe(status);
  expectSentence(res.body.error.message);
  expect(JSON.stringify(res.body)).not.toMatch(/"stack"/);
}

/** Asserts a socket acknowledgement `{ok:false, error:{code,message}}`. */
export function expectAckError(ack: any, code: keyof typeof ERROR_STATUS): void {
  expect({ ok: ack?.ok, code: ack?.error?.code }, `unexpected ack: ${JSON.stringify(ack)?.slice(0, 300)}`).toEqual({
    ok: false,
    code,
  });
  expectSentence(ack.error.message);
}

/** Asserts `{ok:true, data}` and returns data. */
export function expectAckOk<T = any>(ack: any): T {
  expect(ack?.ok, `unexpected ack: ${JSON.stringify(ack)?.slice(0, 300)}`).toBe(true);
  return ack.data as T;
}

// ---- sockets ---------------------------------------------------------------------------------

const opened = new Set<Socket>();

function track(socket: Socket): Socket {
  opened.add(socket);
  socket.on("disconnect", () => opened.delete(socket));
  return socket;
}

/** Closes every socket a test opened through these helpers (call it in afterEach). */
export function closeSockets(): void {
  for (const socket of opened) socket.close();
  opened.clear();
}

export async function participantSocket(url: string, code: string, participantId: string = newParticipantId()) {
  const { socket, state } = await connectWithState(url, { code, participantId });
  track(socket);
  return { socket, state, participantId };
}

export async function screenSocket(url: string, code: string) {
  const { socket, state } = await connectWithState(url, { code, role: "screen" });
  track(socket);
  return { socket, state };
}

export async function moderatorSocket(url: string, code: string, moderatorKey: string) {
  const { socket, state } = await connectWithState(url, { code, moderatorKey });
  track(socket);
  return { socket, state };
}

/** Connects without waiting for state; resolves with the socket or rejects with connect_error. */
export async function connectTracked(url: string, auth: Record<string, unknown>, options: { origin?: string } = {}) {
  return track(await connect(url, auth, options));
}

let barrierCount = 0;

/**
 * Socket.IO keeps the order of messages to a socket: after a `room` event caused by a PATCH
 * arrives, every message the server emitted before it has arrived too. Used before asserting
 * that something was NOT received.
 */
export async function barrier(url: string, key: string, code: string, sockets: Socket[]): Promise<void> {
  const mode = barrierCount++ % 2 === 0 ? "join" : "questions";
  const seen = sockets.map((s) => waitFor(s, "room", (room: any) => room?.screen?.mode === mode));
  await patchRoom(url, key, code, { screen: { mode } });
  await Promise.all(seen);
}

/** Waits until `seen` has an element matching `match`. */
export async function until<T>(seen: T[], match: (item: T) => boolean, ms = 5000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const found = seen.find(match);
    if (found !== undefined) return found;
    if (Date.now() - start > ms) throw new Error("timed out waiting for a matching message");
    await sleep(10);
  }
}

/** Asserts that seq never goes back in a list of Results. */
export function expectSeqNeverBack(results: { seq: number }[]): void {
  for (let i = 1; i < results.length; i++) {
    expect(results[i].seq, `seq went back at message ${i}`).toBeGreaterThanOrEqual(results[i - 1].seq);
  }
}

function omitUndefined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export { ADMIN_TOKEN, api, newParticipantId };
