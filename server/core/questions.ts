// Pure rules of Q&A: moderation state machine, visibility, ordering.
import type { ModerationAction, Question, QuestionStatus } from "../../shared/model.js";
import { isPublicStatus } from "../../shared/visibility.js";

/** A question as stored: the public shape plus its author's device id, which never leaves the server. */
export interface QuestionRecord extends Question {
  participantId: string;
  clientId: string | null;
}

/**
 * What each moderation action does: the statuses it applies to, the status it sets
 * (unchanged when absent) and the highlight it sets (unchanged when absent).
 */
export interface ModerationMove {
  from: QuestionStatus[];
  to?: QuestionStatus;
  highlight?: boolean;
}

/** Every status a moderator can still act on: a merged question is final. */
const ALL: QuestionStatus[] = ["pending", "live", "answered", "rejected", "archived"];

/** A merge takes its upvotes into a question the public sees. */
export const MERGE_TARGETS: QuestionStatus[] = ["live", "answered"];

export const MODERATION: Record<ModerationAction, ModerationMove> = {
  approve: { from: ["pending", "rejected"], to: "live" },
  reject: { from: ["pending", "live"], to: "rejected" },
  answer: { from: ["live"], to: "answered" },
  archive: { from: ALL.filter((s) => s !== "archived"), to: "archived" },
  highlight: { from: ["live", "answered"], highlight: true },
  unhighlight: { from: ["live", "answered"], highlight: false },
  // The target and the upvotes are the store's one atomic merge command (Store.mergeQuestion).
  merge: { from: ["pending", "live", "answered"], to: "merged" },
};

/** Applies a move to a question; a question that leaves live/answered loses its highlight. */
export function applyMove<Q extends Question>(question: Q, move: ModerationMove): Q {
  const status = move.to ?? question.status;
  const highlighted = isPublicStatus(status) ? (move.highlight ?? question.highlighted) : false;
  return { ...question, status, highlighted };
}

/** Upvoting needs a live question; withdrawing also works on answered ones. */
export const canUpvote = (status: QuestionStatus, on: boolean): boolean =>
  on ? status === "live" : status === "live" || status === "answered";

export function toPublicQuestion(q: Question): Question {
  return {
    id: q.id,
    roomCode: q.roomCode,
    text: q.text,
    author: q.author,
    status: q.status,
    upvotes: q.upvotes,
    highlighted: q.highlighted,
    sessionId: q.sessionId,
    createdAt: q.createdAt,
    reply: q.reply,
    repliedAt: q.repliedAt,
    labels: q.labels,
    ...(q.mergedInto === undefined ? {} : { mergedInto: q.mergedInto }),
  };
}
