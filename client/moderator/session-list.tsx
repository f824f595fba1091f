// The room's programme: its sessions with their slot and status, started and ended by hand here
// (with autoSessions on the server also moves them on schedule; the list follows the room's state).
import type { RoomState } from "../../shared/model";
import { getLang } from "../lib/i18n";
import type { LiveRoom } from "../lib/live-room";
import { sessionAction } from "./actions";
import { useRoomSessions } from "./room-sessions";
import { t } from "./strings";

const time = (iso: string | null): string =>
  iso ? new Date(iso).toLocaleString(getLang(), { weekday: "short", hour: "2-digit", minute: "2-digit" }) : "";

export function SessionList({ room, state }: { room: LiveRoom; state: RoomState }) {
  const [sessions, setSessions] = useRoomSessions(state);

  const move = async (action: "start" | "end", sessionId: string) => {
    const moved = await sessionAction(room, action, sessionId);
    if (moved) setSessions((list) => list.map((s) => (s.id === moved.id ? moved : s)));
  };

  if (!sessions || sessions.length === 0) return null; // a room without a programme works as before
  return (
    <section class="panel" aria-labelledby="sessions-title">
      <h3 id="sessions-title">{t("sessions")}</h3>
      <ul class="session-list">
        {sessions.map((s) => (
          <li key={s.id} class={`session-item ${s.status}`}>
            <div class="poll-card-head">
              <h4>{s.title}</h4>
              <span class={`badge ${s.status}`}>{t(`session_${s.status}`)}</span>
            </div>
            {s.speakers.length > 0 && <p class="hint">{s.speakers.join(", ")}</p>}
            {s.startsAt && (
              <p class="hint">
                {time(s.startsAt)}
                {s.endsAt && ` – ${time(s.endsAt)}`}
              </p>
            )}
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
