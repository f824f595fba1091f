// What the public (participants and screens) sees, the same rule on the server and in the pages:
// polls that are not drafts, questions that are live or answered.
import type { Poll, QuestionStatus } from "./model.js";

export const isPublicPoll = (poll: Pick<Poll, "status">): boolean => poll.status !== "draft";

export const isPublicStatus = (status: QuestionStatus): boolean => status === "live" || status === "answered";

/** A poll as the public may see it: a quiz's right answers only once it is closed. */
export function publicPoll<P extends Poll>(poll: P): P {
  if (poll.correct === undefined || poll.status === "closed") return poll;
  const { correct: _hidden, ...rest } = poll;
  return rest as P;
}
