// The contract's order of questions, for the server's states and the pages alike: most upvoted
// first, then oldest first, then by id so that the order is total.
import type { Question } from "./model.js";

type Ordered = Pick<Question, "upvotes" | "createdAt" | "id">;

export function compareQuestions(a: Ordered, b: Ordered): number {
  return b.upvotes - a.upvotes || order(a.createdAt, b.createdAt) || order(a.id, b.id);
}

/** A consistent comparator must answer 0 for equal keys, or sort is free to misplace them. */
function order(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
