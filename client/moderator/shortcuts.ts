// Triage keys: the action a key stands for, if the question's status allows it.
import type { ModerationAction, Question } from "../../shared/model";

/** Which action a key stands for, if the question's status allows it. */
export function actionForKey(key: string, q: Question): ModerationAction | null {
  switch (key) {
    case "a":
      return q.status === "pending" || q.status === "rejected" ? "approve" : null;
    case "r":
      return q.status === "pending" || q.status === "live" ? "reject" : null;
    case "d":
      return q.status === "live" ? "answer" : null;
    case "h":
      return q.status === "live" || q.status === "answered" ? (q.highlighted ? "unhighlight" : "highlight") : null;
    case "e":
      return q.status !== "archived" && q.status !== "merged" ? "archive" : null;
    default:
      return null;
  }
}
