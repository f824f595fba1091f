// Pure rules of rooms: codes, ids and what each role sees of a room.
import { randomBytes, randomInt } from "node:crypto";
import { CODE_ALPHABET, CODE_LENGTH } from "../../shared/limits.js";
import type { Me, Poll, PollView, PublicRoomInfo, Question, Results, RoomState } from "../../shared/model.js";
import { compareQuestions } from "../../shared/question-order.js";
import { isPublicPoll, isPublicStatus } from "../../shared/visibility.js";
import { hideResults, publicResults } from "./polls.js";
import { toPublicQuestion } from "./questions.js";

export function newRoomCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** Opaque, unguessable ids (96 bits). */
export const newId = (): string => randomBytes(12).toString("base64url");

export interface RoomSnapshot {
  room: PublicRoomInfo;
  polls: Poll[];
  results: Record<string, Results>;
  questions: Question[];
}

/** Who a view is for: the speaker sees the moderators' view without pending and rejected questions. */
export type Audience = "public" | "moderator" | "speaker";

/** Hidden from the speaker's view: what the moderators have not let through. */
const NOT_FOR_SPEAKER: readonly string[] = ["pending", "rejected"];

/** Moderators see everything; the public sees no drafts, no hidden results, only live or answered questions. */
export function viewRoom(snap: RoomSnapshot, audience: Audience, participants: number, me?: Me): RoomState {
  const moderator = audience !== "public";
  const polls: PollView[] = [];
  for (const poll of snap.polls) {
    if (!moderator && !isPublicPoll(poll)) continue;
    // The contract: results where visible (in the moderation view, always); hidden ones are absent.
    const results = snap.results[poll.id];
    if (results && moderator) polls.push({ ...poll, results });
    else if (results && poll.resultsVisible) polls.push({ ...poll, results: publicResults(results) });
    else polls.push({ ...poll });
  }
  const questions = snap.questions
    .filter((q) => (audience === "speaker" ? !NOT_FOR_SPEAKER.includes(q.status) : moderator || isPublicStatus(q.status)))
    .map(toPublicQuestion)
    .sort(compareQuestions);
  const state: RoomState = { room: snap.room, polls, questions, participants };
  if (me) state.me = me;
  return state;
}

/** Results as a given audience may see them for this poll. */
export function resultsFor(poll: Pick<Poll, "resultsVisible">, results: Results, audience: Audience): Results {
  if (audience !== "public") return results;
  return poll.resultsVisible ? publicResults(results) : hideResults(results);
}
