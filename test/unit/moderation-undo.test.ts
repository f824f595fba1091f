// The console's undo is a new moderation action: it must be a move the state machine allows
// from where the action left the question, and it exists exactly for the actions that some
// move can take back.
import { describe, expect, it } from "vitest";
import { applyMove, MODERATION } from "../../server/core/questions.js";
import type { ModerationAction, Question, QuestionStatus } from "../../shared/model.js";
import { undoAction } from "../../shared/moderation-undo.js";
import { isPublicStatus } from "../../shared/visibility.js";

const question = (status: QuestionStatus, highlighted = false): Question => ({
  id: "q",
  roomCode: "ABCDEF",
  text: "Une question ?",
  author: "",
  status,
  upvotes: 0,
  highlighted,
  sessionId: null,
  createdAt: "2026-11-30T10:00:00.000Z",
  reply: null,
  repliedAt: null,
  labels: [],
});

const actions = Object.keys(MODERATION) as ModerationAction[];
const startsOf = (action: ModerationAction): Question[] =>
  MODERATION[action].from.flatMap((s) => (isPublicStatus(s) ? [question(s, false), question(s, true)] : [question(s)]));

describe("undo", () => {
  it("is a move the state machine allows from where the action left the question", () => {
    for (const action of actions) {
      const inverse = undoAction(action);
      if (!inverse) continue;
      for (const before of startsOf(action)) {
        const after = applyMove(before, MODERATION[action]);
        expect(MODERATION[inverse].from, `${action} from ${before.status}`).toContain(after.status);
      }
    }
  });

  it("takes a question back where a move leads back, and out of public view after an approval", () => {
    for (const action of actions) {
      const inverse = undoAction(action);
      if (!inverse) continue;
      for (const before of startsOf(action)) {
        const undone = applyMove(applyMove(before, MODERATION[action]), MODERATION[inverse]);
        // A rejected question loses its highlight, and its approval does not give it back.
        if (before.status !== "pending") expect(undone.status, `${action} from ${before.status}`).toBe(before.status);
      }
    }
    // No move leads to pending: an approval undone leaves the public, a rejection undone is an approval.
    expect(applyMove(applyMove(question("pending"), MODERATION.approve), MODERATION.reject).status).toBe("rejected");
    expect(applyMove(applyMove(question("pending"), MODERATION.reject), MODERATION.approve).status).toBe("live");
  });

  it("exists exactly for the actions some move takes back", () => {
    for (const action of actions) {
      const reversible = startsOf(action).some((before) => {
        const after = applyMove(before, MODERATION[action]);
        return actions.some((back) => {
          const move = MODERATION[back];
          if (!move.from.includes(after.status)) return false;
          const undone = applyMove(after, move);
          return undone.status === before.status && undone.highlighted === before.highlighted;
        });
      });
      expect(undoAction(action) !== null, action).toBe(reversible);
    }
  });
});
