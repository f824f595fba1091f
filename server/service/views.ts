// Reads the store and shapes what each role sees of a room.
import { ERR } from "../../shared/error-catalogue.js";
import type { Me, PublicRoomInfo, Question, Results, RoomState, Session } from "../../shared/model.js";
import { isFlagged } from "../core/blocklist.js";
import { buildResults } from "../core/polls.js";
import { toPublicQuestion } from "../core/questions.js";
import { type Audience, type RoomSnapshot, viewRoom } from "../core/rooms.js";
import { inScope, type Scope, toSession } from "../core/sessions.js";
import type { RoomData, RoomRecord, Store } from "../store/store.js";
import type { Deps } from "./deps.js";
import { countedQuizzes } from "./quiz-scores.js";
import { StateCache } from "./state-cache.js";

/** The room's current session, read from the store. */
export async function currentSession(store: Store, room: RoomRecord): Promise<Session | null> {
  const session = room.sessionId ? await store.getSession(room.sessionId) : null;
  return session ? toSession(session) : null;
}

export function roomInfo(deps: Pick<Deps, "publicUrl">, room: RoomRecord, session: Session | null): PublicRoomInfo {
  return {
    code: room.code,
    name: room.name,
    eventTitle: room.eventTitle,
    premoderation: room.premoderation,
    qaOpen: room.qaOpen,
    screen: room.screen,
    session,
    joinUrl: `${deps.publicUrl}/${room.code}`,
  };
}

/** What reading a room's views needs: no outbox, so the realtime edge can read states too. */
export type ViewDeps = Pick<Deps, "store" | "presence" | "publicUrl" | "similar" | "scores">;

/** The room's state limited to `scope`'s polls and questions (all of them when absent). */
export function snapshot(deps: Pick<Deps, "publicUrl">, data: RoomData, scope: Scope = { all: true }): RoomSnapshot {
  const results: Record<string, Results> = {};
  const polls = data.polls.filter((p) => inScope(p, scope));
  for (const poll of polls) {
    const tally = data.tallies[poll.id];
    if (tally) results[poll.id] = buildResults(poll, tally);
  }
  const current = data.sessions.find((s) => s.id === data.room.sessionId);
  const room = roomInfo(deps, data.room, current ? toSession(current) : null);
  return { room, polls, results, questions: data.questions.filter((q) => inScope(q, scope)) };
}

/** The public sees the room's current session only (the items of none while it has none). */
export const publicScope = (room: RoomRecord): Scope => ({ sessionId: room.sessionId });

export async function loadRoom(deps: Pick<Deps, "store">, code: string): Promise<RoomData> {
  const data = await deps.store.roomData(code);
  if (!data) throw ERR.unknownRoom();
  return data;
}

/** What the public sees of a room (`state`), with what a participant's own `me` is drawn from. */
export interface PublicView {
  data: RoomData;
  snap: RoomSnapshot;
  state: RoomState;
}

/** The cache of public views shared by HTTP answers (their `state`, as JSON) and joining sockets. */
export const publicStateCache = (): StateCache<PublicView> =>
  new StateCache<PublicView>(undefined, undefined, (view) => view.state);

/** The public's view of a room: its current session's items, without `me`. */
export async function publicView(deps: ViewDeps, code: string): Promise<PublicView> {
  const data = await loadRoom(deps, code);
  const participants = await deps.presence.count(code);
  const snap = snapshot(deps, data, publicScope(data.room));
  return { data, snap, state: viewRoom(snap, "public", participants) };
}

/** A participant's state: the public view and its own ballots, upvotes and questions. */
export async function withMe(deps: ViewDeps, view: PublicView, participantId: string): Promise<RoomState> {
  return { ...view.state, me: await meOf(deps, view.snap, view.data, participantId) };
}

/**
 * A room's state for an audience: the public always sees the current session's items; a
 * moderator sees `scope` (every session's when absent), a speaker `scope` (the current session's
 * when absent: the lectern is about the talk under way).
 */
export async function roomState(
  deps: ViewDeps,
  code: string,
  audience: Audience,
  participantId?: string,
  scope?: Scope,
): Promise<RoomState> {
  if (audience === "public") {
    const view = await publicView(deps, code);
    return participantId ? withMe(deps, view, participantId) : view.state;
  }
  const data = await loadRoom(deps, code);
  const participants = await deps.presence.count(code);
  const snap = snapshot(deps, data, scope ?? (audience === "speaker" ? publicScope(data.room) : { all: true }));
  const state = viewRoom(snap, audience, participants);
  const words = await deps.store.eventBlocklist(data.room.eventId);
  state.questions = withModerationHints(deps, data, state.questions, words);
  state.messages = await deps.store.messages(code);
  return state;
}

/**
 * The moderation view's hints: similar questions and the blocklist. The room's index is synced
 * with every question of the room, whatever the scope shown, as `/similar` reuses it.
 */
function withModerationHints(
  deps: Pick<Deps, "similar">,
  data: RoomData,
  questions: Question[],
  eventWords: readonly string[],
): Question[] {
  deps.similar.sync(data.room.code, data.questions.map(toPublicQuestion), data.room.sessionId);
  const similar = deps.similar.similarByQuestion(data.room.code);
  return questions.map((q) => ({ ...q, similar: similar.get(q.id) ?? [], flagged: isFlagged(q, eventWords) }));
}

/** The quiz scores of the room's current session. */
export const roomScores = (deps: Pick<Deps, "store" | "scores">, data: RoomData) =>
  deps.scores.scores(deps.store, data.room.code, countedQuizzes(data.polls, data.room.sessionId));

async function meOf(
  deps: Pick<Deps, "store" | "scores">,
  snap: RoomSnapshot,
  data: RoomData,
  participantId: string,
): Promise<Me> {
  const mine = await deps.store.participantData(data.room.code, participantId);
  const shownQuestions = new Set(snap.questions.map((q) => q.id));
  const questions: Question[] = data.questions
    .filter((q) => q.participantId === participantId && shownQuestions.has(q.id))
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1))
    .map(toPublicQuestion);
  // Ballots of drafts and of other sessions' polls stay out, as those polls do.
  const shown = new Set(snap.polls.filter((p) => p.status !== "draft").map((p) => p.id));
  const ballots = Object.fromEntries(Object.entries(mine.ballots).filter(([pollId]) => shown.has(pollId)));
  const upvoted = mine.upvoted.filter((id) => shownQuestions.has(id));
  const scores = await roomScores(deps, data);
  const standing = scores.standings.find((s) => s.participantId === participantId);
  const points = scores.points.get(participantId) ?? {};
  const score = Object.values(points).reduce((sum, p) => sum + p, 0);
  return { ballots, upvoted, questions, nickname: mine.nickname, score, rank: standing?.rank ?? null, points };
}
