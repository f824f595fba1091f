// The last triage action and its undo. Undo sends new actions (shared/moderation-undo.ts): the
// inverse move for each question still where the action left it, or the label taken off again.
import type { ModerationAction, Question, QuestionStatus } from "../../shared/model";
import { undoAction } from "../../shared/moderation-undo";
import type { LiveRoom } from "../lib/live-room";
import { moderate, setLabels } from "./actions";

export type LastAction =
  | { kind: "moderate"; action: ModerationAction; done: { id: string; status: QuestionStatus; highlighted: boolean }[] }
  | { kind: "label"; label: string; ids: string[] };

/** Whether the last action can be undone at all (answer, archive and merge cannot). */
export const undoable = (last: LastAction | null): last is LastAction =>
  last !== null && (last.kind === "label" || undoAction(last.action) !== null);

/** Undoes what is still as the action left it; returns how many questions it moved back. */
export async function undo(room: LiveRoom, last: LastAction, questions: Map<string, Question>): Promise<number> {
  if (last.kind === "label") {
    const results = await Promise.all(
      last.ids.map((id) => {
        const q = questions.get(id);
        return q?.labels.includes(last.label)
          ? setLabels(
              room,
              id,
              q.labels.filter((l) => l !== last.label),
            )
          : null;
      }),
    );
    return results.filter(Boolean).length;
  }
  const inverse = undoAction(last.action);
  if (!inverse) return 0;
  const results = await Promise.all(
    last.done.map(({ id, status, highlighted }) => {
      const q = questions.get(id);
      // Someone else moved it since: leave their decision alone.
      return q && q.status === status && q.highlighted === highlighted ? moderate(room, id, inverse) : null;
    }),
  );
  return results.filter(Boolean).length;
}
