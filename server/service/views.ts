// Reads the store and shapes what each role sees of a room.
import { fail } from "../../shared/errors.js";
import type { Me, Poll, Question, Results, RoomInfo, RoomState } from "../../shared/model.js";
import { buildResults } from "../core/polls.js";
import { toPublicQuestion } from "../core/questions.js";
import { type Audience, type RoomSnapshot, viewRoom } from "../core/rooms.js";
import type { RoomData, RoomRecord } from "../store/store.js";
import type { Deps } from "./deps.js";

export interface PublicRoomInfo extends RoomInfo {
  /** Where phones join this room: the QR code's target. */
  joinUrl: string;
}

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

export function snapshot(deps: Pick<Deps, "publicUrl">, data: RoomData): RoomSnapshot {
  const results: Record<string, Results> = {};
  for (const poll of data.polls) {
    const tally = data.tallies[poll.id];
    if (tally) results[poll.id] = buildResults(poll, tally);
  }
  return { room: roomInfo(deps, data.room), polls: data.polls, results, questions: data.questions };
}

export async function loadRoom(deps: Deps, code: string): Promise<RoomData> {
  const data = await deps.store.roomData(code);
  if (!data) throw unknownRoom();
  return data;
}

export async function roomState(deps: Deps, code: string, audience: Audience, participantId?: string): Promise<RoomState> {
  const data = await loadRoom(deps, code);
  const participants = await deps.presence.count(code);
  const me = participantId ? await meOf(deps, data, participantId) : undefined;
  return viewRoom(snapshot(deps, data), audience, participants, me);
}

async function meOf(deps: Deps, data: RoomData, participantId: string): Promise<Me> {
  const mine = await deps.store.participantData(data.room.code, participantId);
  const questions: Question[] = data.questions
    .filter((q) => q.participantId === participantId)
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1))
    .map(toPublicQuestion);
  const drafts = new Set(data.polls.filter((p: Poll) => p.status === "draft").map((p) => p.id));
  const ballots = Object.fromEntries(Object.entries(mine.ballots).filter(([pollId]) => !drafts.has(pollId)));
  return { ballots, upvoted: mine.upvoted, questions };
}

export const unknownRoom = () =>
  fail(
    "not_found",
    "No room has this code. Check the code and try again.",
    "Aucune salle n'a ce code. Vérifiez le code et réessayez.",
  );
export const unknownPoll = () => fail("not_found", "This poll does not exist.", "Ce sondage n'existe pas.");
export const unknownQuestion = () => fail("not_found", "This question does not exist.", "Cette question n'existe pas.");
export const unknownEvent = () => fail("not_found", "This event does not exist.", "Cet événement n'existe pas.");
