// When to propose "start next": the room's next session's time has come and nothing live is
// still within its slot. The server starts it by itself only with autoSessions on.
import type { Session } from "../../shared/model";

/** The session to propose starting at `now`, or null. */
export function dueNext(current: Session | null, next: Session | null, now: number): Session | null {
  if (!next?.startsAt || Date.parse(next.startsAt) > now) return null;
  if (next.endsAt && Date.parse(next.endsAt) <= now) return null; // its slot is over: too late to propose it
  const stillOn = current?.status === "live" && (!current.endsAt || Date.parse(current.endsAt) > now);
  return stillOn ? null : next;
}
