// The audit log of moderator actions per room: who (organizer or moderator, never a key or a
// participant id), what, on which poll, question or room, when.
import { type Actor, actorName } from "./access.js";
import { type Deps, isoNow } from "./deps.js";

/**
 * Written right after the action committed. The action is done whatever happens here, so a
 * failure to write the entry (the store went away in between) must not turn it into an error
 * that makes the client retry it: the entry is lost (docs/security.md says so).
 */
export async function record(deps: Deps, code: string, actor: Actor, action: string, targetId: string): Promise<void> {
  try {
    await deps.store.appendAudit(code, { at: isoNow(deps), actor: actorName(actor), action, targetId });
  } catch {
    // See above: best effort after the commit.
  }
}
