// Moderator actions over the room's socket; the acknowledged data is applied at once
// (the broadcast that follows changes nothing), failures are announced.
import type { ModerationAction, Poll, PollKind, Question, Screen, Session } from "../../shared/model";
import type { ClientEventName, EventAnswer, EventPayload } from "../../shared/protocol";
import type { LiveRoom } from "../lib/live-room";
import { applyPoll, applyQuestion, applyResults, applyRoom } from "../lib/room-state";
import { request } from "../lib/socket";
import { announce, errorText } from "./announce";

export interface PollCreate {
  title: string;
  kind: PollKind;
  options?: string[];
  resultsVisible?: boolean;
  /** Quiz: the right options and the seconds to answer. */
  correct?: number[];
  timeLimit?: number;
}

async function run<E extends ClientEventName>(
  room: LiveRoom,
  event: E,
  payload: EventPayload<E>,
): Promise<EventAnswer<E> | null> {
  try {
    return await request(room.socket, event, payload);
  } catch (error) {
    announce(errorText(error), true);
    return null;
  }
}

export async function createPoll(room: LiveRoom, body: PollCreate): Promise<Poll | null> {
  const poll = await run(room, "poll:create", body);
  if (poll) room.update((s) => applyPoll(s, poll, "moderator"));
  return poll;
}

export async function pollAction(room: LiveRoom, action: "open" | "close", pollId: string): Promise<boolean> {
  const poll = await run(room, `poll:${action}`, { pollId });
  if (poll) room.update((s) => applyPoll(s, poll, "moderator"));
  return !!poll;
}

export async function updatePoll(room: LiveRoom, pollId: string, patch: { resultsVisible?: boolean }): Promise<void> {
  const poll = await run(room, "poll:update", { pollId, ...patch });
  if (poll) room.update((s) => applyPoll(s, poll, "moderator"));
}

export async function resetPoll(room: LiveRoom, pollId: string): Promise<void> {
  const results = await run(room, "poll:reset", { pollId });
  if (results) room.update((s) => applyResults(s, results));
}

/** Hides an open answer from the public, or shows it again. */
export async function toggleAnswer(room: LiveRoom, pollId: string, answerId: string, hide: boolean): Promise<void> {
  const results = await run(room, hide ? "answer:hide" : "answer:show", { pollId, answerId });
  if (results) room.update((s) => applyResults(s, results));
}

export async function deletePoll(room: LiveRoom, pollId: string): Promise<void> {
  try {
    await request(room.socket, "poll:delete", { pollId });
    room.update((s) => ({ ...s, polls: s.polls.filter((p) => p.id !== pollId) }));
  } catch (error) {
    announce(errorText(error), true);
  }
}

export async function moderate(room: LiveRoom, questionId: string, action: ModerationAction): Promise<Question | null> {
  const question = await run(room, "question:moderate", { questionId, action });
  if (question) room.update((s) => applyQuestion(s, question, "moderator"));
  return question;
}

/** Sets (or, with an empty text, removes) the public reply to a question. */
export async function replyTo(room: LiveRoom, questionId: string, text: string): Promise<Question | null> {
  const question = await run(room, "question:reply", { questionId, text });
  if (question) room.update((s) => applyQuestion(s, question, "moderator"));
  return question;
}

export async function setLabels(room: LiveRoom, questionId: string, labels: string[]): Promise<Question | null> {
  const question = await run(room, "question:update", { questionId, labels });
  if (question) room.update((s) => applyQuestion(s, question, "moderator"));
  return question;
}

/** The target's new upvotes arrive with the `question` event the server sends for it. */
export async function mergeQuestion(room: LiveRoom, questionId: string, into: string): Promise<Question | null> {
  const question = await run(room, "question:moderate", { questionId, action: "merge", into });
  if (question) room.update((s) => applyQuestion(s, question, "moderator"));
  return question;
}

export async function updateRoom(
  room: LiveRoom,
  patch: { premoderation?: boolean; qaOpen?: boolean; screen?: Screen },
): Promise<boolean> {
  const state = await run(room, "room:update", patch);
  if (state?.room) room.update((s) => applyRoom(s, state.room));
  return !!state;
}

/** Starts or ends a session by hand; the room's new state follows from the server. */
export function sessionAction(room: LiveRoom, action: "start" | "end", sessionId: string): Promise<Session | null> {
  return run(room, `session:${action}`, { sessionId });
}
