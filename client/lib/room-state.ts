// Applies server events to a RoomState, the same way for every page.
import { LIMITS } from "../../shared/limits";
import type { BackstageMessage, Poll, PollView, Question, Results, RoomInfo, RoomState } from "../../shared/model";
import { buildResults } from "../../shared/poll-kinds";
import { compareQuestions } from "../../shared/question-order";
import { isPublicPoll, isPublicStatus } from "../../shared/visibility";

/** `public`: a screen; `participant`: a phone (with `me`); `moderator`: sees everything. */
export type View = "public" | "participant" | "moderator";

export function applyPoll(state: RoomState, poll: Poll, view: View): RoomState {
  const index = state.polls.findIndex((p) => p.id === poll.id);
  if (view !== "moderator" && !isPublicPoll(poll)) {
    return index < 0 ? state : { ...state, polls: state.polls.filter((p) => p.id !== poll.id) };
  }
  const previous = state.polls[index];
  const next: PollView = { ...(previous ?? {}), ...poll };
  if (view !== "moderator" && !poll.resultsVisible) delete next.results;
  const polls = state.polls.slice();
  if (index < 0) polls.push(next);
  else polls[index] = next;
  return { ...state, polls };
}

export function applyResults(state: RoomState, results: Results): RoomState {
  const index = state.polls.findIndex((p) => p.id === results.pollId);
  const poll = state.polls[index];
  if (!poll || (poll.results && poll.results.seq > results.seq)) return state;
  const polls = state.polls.slice();
  polls[index] = { ...poll, results };
  return { ...state, polls };
}

function upsert(list: Question[], question: Question): Question[] {
  const index = list.findIndex((q) => q.id === question.id);
  if (index < 0) return [...list, question];
  const next = list.slice();
  next[index] = question;
  return next;
}

export function applyQuestion(state: RoomState, question: Question, view: View): RoomState {
  let questions = state.questions;
  if (view === "moderator" || isPublicStatus(question.status)) questions = upsert(questions, question);
  else questions = questions.filter((q) => q.id !== question.id);
  let me = state.me;
  if (view === "participant" && me) {
    const mine = me.questions.some((q) => q.id === question.id);
    // The public never sees a pending question: one that arrives is this participant's own.
    if (mine || question.status === "pending") me = { ...me, questions: upsert(me.questions, question) };
  }
  // A highlight moves: the server sends the new one, the old one loses it.
  if (question.highlighted)
    questions = questions.map((q) => (q.id !== question.id && q.highlighted ? { ...q, highlighted: false } : q));
  return { ...state, questions, me };
}

export function applyRoom(state: RoomState, room: RoomInfo): RoomState {
  return { ...state, room: { ...state.room, ...room } };
}

/** A backstage message (speakers and moderators only), kept with the newest the server keeps. */
export function applyMessage(state: RoomState, message: BackstageMessage): RoomState {
  const messages = (state.messages ?? []).filter((m) => m.id !== message.id);
  return { ...state, messages: [...messages, message].slice(-LIMITS.messagesKept) };
}

export function applyUpvotes(state: RoomState, id: string, upvotes: number): RoomState {
  return { ...state, questions: state.questions.map((q) => (q.id === id ? { ...q, upvotes } : q)) };
}

/** Most upvoted first, then oldest first, then by id (the contract's order, shared with the server). */
export const byPopularity = compareQuestions;
export const byRecency = (a: Question, b: Question): number => b.createdAt.localeCompare(a.createdAt);

/** The poll a public page shows: the open one, else none. */
export const openPoll = (state: RoomState): PollView | undefined => state.polls.find((p) => p.status === "open");

/** The room's join link: PUBLIC_URL + "/" + code from the server, or this origin. */
export function joinUrl(room: RoomInfo): string {
  const url = (room as unknown as Record<string, unknown>).joinUrl;
  return typeof url === "string" && url ? url : `${location.origin}/${room.code}`;
}

/**
 * The results to draw for a poll: its own when they carry figures, zeros for a visible poll that
 * has no vote yet (or always for a moderator), nothing for a hidden one.
 */
export function resultsOf(poll: PollView, moderator = false): Results | undefined {
  const own = poll.results;
  if (own && (own.counts || own.words || own.answers)) return own;
  if (poll.status === "draft" || (!poll.resultsVisible && !moderator)) return undefined;
  const voters = own?.voters ?? 0;
  return buildResults(poll, { tally: {}, voters, seq: -1 });
}
