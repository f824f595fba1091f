// When to propose "start next": the room's next session's time has come and nothing live is
// still within its slot. The server starts it by itself only with autoSessions on.
import type { Session } from "../../shared/model";
import { slot } from "../lib/session-time";
import { t } from "./strings";

/** The session to propose starting at `now`, or null. */
export function dueNext(current: Session | null, next: Session | null, now: number): Session | null {
  if (!next?.startsAt || Date.parse(next.startsAt) > now) return null;
  if (next.endsAt && Date.parse(next.endsAt) <= now) return null; // its slot is over: too late to propose it
  const stillOn = current?.status === "live" && (!current.endsAt || Date.parse(current.endsAt) > now);
  return stillOn ? null : next;
}

/** The proposal itself, in the programme's timeline and in a room's Sessions panel. */
export function StartNext({ session, zone, onStart }: { session: Session; zone?: string; onStart: () => void }) {
  return (
    <div class="start-next" role="status">
      <p>{t("startNextLead", { title: session.title, time: slot(session, zone) })}</p>
      <button type="button" class="btn primary" onClick={onStart}>
        {t("startNext", { title: session.title })}
      </button>
    </div>
  );
}
