// The event's programme in the console: a column per room with its sessions in order (the
// timeline), start and end, editing, "start next" when a session's time has come, the
// programme's and posters' links, and the import of a file.
import { useEffect, useState } from "preact/hooks";
import type { EventView, Programme, ProgrammeRoom, Session } from "../../shared/model";
import { api } from "../lib/api";
import { useLang } from "../lib/i18n";
import { slot } from "../lib/session-time";
import { ImportPanel } from "../programme-import/import-panel";
import { announce, errorText } from "./announce";
import { SessionForm } from "./session-form";
import { dueNext, StartNext } from "./start-next";
import { t } from "./strings";

const REFRESH_MS = 15_000;

export function ProgrammeView({ event, moderatorKey }: { event: EventView; moderatorKey: string }) {
  useLang();
  const [programme, setProgramme] = useState<Programme | null>(null);
  const [now, setNow] = useState(Date.now());
  const load = () =>
    api("GET /api/programme/:code", { code: event.code })
      .then(setProgramme)
      .catch((error) => announce(errorText(error), true));
  useEffect(() => {
    void load();
    const timer = setInterval(() => {
      setNow(Date.now());
      void load();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [event.code, event.rooms.length]);

  async function move(action: "start" | "end", sessionId: string) {
    try {
      await api(
        action === "start" ? "POST /api/sessions/:id/start" : "POST /api/sessions/:id/end",
        { id: sessionId },
        {
          token: moderatorKey,
        },
      );
      await load();
    } catch (error) {
      announce(errorText(error), true);
    }
  }

  const zone = programme?.event.timeZone ?? event.timeZone;
  return (
    <div class="programme-view stack">
      <div class="room-head">
        <h2 class="room-heading">{t("programme")}</h2>
        <p class="row">
          <a class="btn" href={`/${event.code}`} target="_blank" rel="noopener">
            {t("programmePhone")}
          </a>
          <a class="btn" href={`/poster/${event.code}`} target="_blank" rel="noopener">
            {t("eventPoster")}
          </a>
        </p>
      </div>
      <p class="hint">{t("programmeLead")}</p>
      {programme && (
        <section aria-labelledby="timeline-title">
          <h3 id="timeline-title" class="vh">
            {t("timeline")}
          </h3>
          <div class="timeline">
            {programme.rooms.map((room) => (
              <RoomColumn
                key={room.code}
                room={room}
                sessions={programme.sessions.filter((s) => s.roomCode === room.code)}
                zone={zone}
                now={now}
                token={moderatorKey}
                onMove={move}
                onSaved={() => void load()}
              />
            ))}
          </div>
        </section>
      )}
      <ImportPanel
        eventId={event.id}
        token={moderatorKey}
        timeZone={zone}
        idPrefix="console-import"
        onImported={() => void load()}
      />
    </div>
  );
}

interface ColumnProps {
  room: ProgrammeRoom;
  sessions: Session[];
  zone: string;
  now: number;
  token: string;
  onMove: (action: "start" | "end", sessionId: string) => Promise<void>;
  onSaved: () => void;
}

function RoomColumn({ room, sessions, zone, now, token, onMove, onSaved }: ColumnProps) {
  const [editing, setEditing] = useState<string | null>(null);
  const due = dueNext(room.session, room.next, now);
  const headingId = `timeline-${room.code}`;
  return (
    <section class="timeline-room" aria-labelledby={headingId}>
      <h4 id={headingId}>
        <a href={`#room=${room.code}`}>{room.name}</a> <span class="code">{room.code}</span>
      </h4>
      <p class="row">
        <a href={`/poster/${room.code}`} target="_blank" rel="noopener">
          {t("roomPoster")}
        </a>
      </p>
      {due && <StartNext session={due} zone={zone} onStart={() => void onMove("start", due.id)} />}
      {sessions.length === 0 && <p class="hint">{t("noSessions")}</p>}
      <ol class="timeline-sessions">
        {sessions.map((s) => (
          <li key={s.id} class={`timeline-session ${s.status}`}>
            {editing === s.id ? (
              <SessionForm
                session={s}
                zone={zone}
                token={token}
                onDone={(saved) => {
                  setEditing(null);
                  if (saved) onSaved();
                }}
              />
            ) : (
              <>
                <p class="timeline-slot">
                  <span>{slot(s, zone) || "—"}</span> <span class={`badge ${s.status}`}>{t(`session_${s.status}`)}</span>
                </p>
                <p class="timeline-title">{s.title}</p>
                {s.speakers.length > 0 && <p class="hint">{s.speakers.join(", ")}</p>}
                <div class="row">
                  {s.status === "live" ? (
                    <button type="button" class="btn" onClick={() => void onMove("end", s.id)}>
                      {t("sessionEnd")}
                      <span class="vh"> {s.title}</span>
                    </button>
                  ) : (
                    <button type="button" class="btn" onClick={() => void onMove("start", s.id)}>
                      {s.status === "ended" ? t("sessionRestart") : t("sessionStart")}
                      <span class="vh"> {s.title}</span>
                    </button>
                  )}
                  <button type="button" class="btn" onClick={() => setEditing(s.id)}>
                    {t("sessionEdit")}
                    <span class="vh"> {s.title}</span>
                  </button>
                </div>
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
