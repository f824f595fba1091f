// The room's programme: its sessions with their slot and status, started and ended by hand here
// (with autoSessions on the server also moves them on schedule; the list follows the room's state).
import { useEffect, useState } from "preact/hooks";
import type { RoomState } from "../../shared/model";
import type { LiveRoom } from "../lib/live-room";
import { slot } from "../lib/session-time";
import { sessionAction } from "./actions";
import { dueNext, StartNext } from "./start-next";
import { t } from "./strings";
import type { RoomSessions } from "./use-sessions";

export function SessionList({ room, state, programme }: { room: LiveRoom; state: RoomState; programme: RoomSessions }) {
  const current = state.room.session;
  const { sessions, zone } = programme;
  // "Start next" appears when the next session's time comes: look again every 15 s.
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);

  const move = async (action: "start" | "end", sessionId: string) => {
    const moved = await sessionAction(room, action, sessionId);
    if (moved) programme.apply(moved);
  };
  if (!sessions || sessions.length === 0) return null; // a room without a programme works as before
  const next = sessions.find((s) => s.status === "upcoming") ?? null;
  const due = dueNext(current, next, now);
  return (
    <section class="panel" aria-labelledby="sessions-title">
      <h3 id="sessions-title">{t("sessions")}</h3>
      {due && <StartNext session={due} zone={zone} onStart={() => void move("start", due.id)} />}
      <ul class="session-list">
        {sessions.map((s) => (
          <li key={s.id} class={`session-item ${s.status}`}>
            <div class="poll-card-head">
              <h4>{s.title}</h4>
              <span class={`badge ${s.status}`}>{t(`session_${s.status}`)}</span>
            </div>
            {s.speakers.length > 0 && <p class="hint">{s.speakers.join(", ")}</p>}
            {s.startsAt && <p class="hint">{slot(s, zone)}</p>}
            <div class="row">
              {s.status === "live" ? (
                <button type="button" class="btn primary" onClick={() => void move("end", s.id)}>
                  {t("sessionEnd")}
                </button>
              ) : (
                <button type="button" class="btn primary" onClick={() => void move("start", s.id)}>
                  {s.status === "ended" ? t("sessionRestart") : t("sessionStart")}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
