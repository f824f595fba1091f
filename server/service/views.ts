// Reads the store and shapes what each role sees of a room.
import { ERR } from "../../shared/error-catalogue.js";
import type { Me, Poll, PublicRoomInfo, Question, Results, RoomState } from "../../shared/model.js";
import { isFlagged } from "../core/blocklist.js";
import { buildResults } from "../core/polls.js";
import { toPublicQuestion } from "../core/questions.js";
import { type Audience, type RoomSnapshot, viewRoom } from "../core/rooms.js";
import type { RoomData, RoomRecord } from "../store/store.js";
import type { Deps } from "./deps.js";

export function roomInfo(deps: Pick<Deps, "publicUrl">, room: RoomRecord): PublicRoomInfo {
  return {
    code: room.code,
    name: room.name,
    eventTitle: room.eventTitle,
    premoderation: room.premoderation,
    qaOpen: room.qaOpen,
    screen: room.screen,
    joinUrl: `${deps.publicUrl}/${room.code}`,
  };
}

/** What reading a room's views needs: no outbox, so the realtime edge can read states too. */
export type ViewDeps = Pick<Deps, "store" | "presence" | "publicUrl" | "similar">;

export function snapshot(deps: Pick<Deps, "publicUrl">, data: RoomData): RoomSnapshot {
  const results: Record<string, Results> = {};
  for (const poll of data.polls) {
    const tally = data.tallies[poll.id];
    if (tally) results[poll.id] = buildResults(poll, tally);
  }
  return { room: roomInfo(deps, data.room), polls: data.polls, results, questions: data.questions };
}

export async function loadRoom(deps: Pick<Deps, "store">, code: string): Promise<RoomData> {
  const data = await deps.store.roomData(code);
  if (!data) throw ERR.unknownRoom();
  return data;
}

export async function roomState(deps: ViewDeps, code: string, audience: Audience, participantId?: string): Promise<RoomState> {
  const data = await loadRoom(deps, code);
  const participants = await deps.presence.count(code);
  const me = participantId ? await meOf(deps, data, participantId) : undefined;
  const state = viewRoom(snapshot(deps, data), audience, participants, me);
  if (audience === "moderator") state.questions = withModerationHints(deps, data, state.questions);
  return state;
}

/** The moderation view's hints: similar questions (the room's index synced with what was read) and the blocklist. */
function withModerationHints(deps: Pick<Deps, "similar">, data: RoomData, questions: Question[]): Question[] {
  deps.similar.sync(data.room.code, questions);
  const similar = deps.similar.similarByQuestion(data.room.code);
  return questions.map((q) => ({ ...q, similar: similar.get(q.id) ?? [], flagged: isFlagged(q) }));
}

async function meOf(deps: Pick<Deps, "store">, data: RoomData, participantId: string): Promise<Me> {
  const mine = await deps.store.participantData(data.room.code, participantId);
  const questions: Question[] = data.questions
    .filter((q) => q.participantId === participantId)
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1))
    .map(toPublicQuestion);
  const drafts = new Set(data.polls.filter((p: Poll) => p.status === "draft").map((p) => p.id));
  const ballots = Object.fromEntries(Object.entries(mine.ballots).filter(([pollId]) => !drafts.has(pollId)));
  return { ballots, upvoted: mine.upvoted, questions };
}
