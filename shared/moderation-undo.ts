// Undoing a moderation action is a new action, never a rewrite of history: the move of the
// contract's state machine that takes the question back out of what the action did. Approve and
// reject undo each other (approve: pending|rejected → live, reject: pending|live → rejected), and
// so do highlight and unhighlight. Answer, archive and merge have no move back, so they have no
// undo. No action leads to `pending`: undoing the approval of a pending question rejects it (it
// leaves the public again and can still be approved), undoing its rejection approves it.
import type { ModerationAction } from "./model.js";

const INVERSE: Partial<Record<ModerationAction, ModerationAction>> = {
  approve: "reject",
  reject: "approve",
  highlight: "unhighlight",
  unhighlight: "highlight",
};

/** The action that undoes `action`, or null when the state machine has none. */
export const undoAction = (action: ModerationAction): ModerationAction | null => INVERSE[action] ?? null;
