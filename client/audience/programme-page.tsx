// `/<EVENTCODE>` on a phone: the event's programme. Each room with what is on now and next, and
// the day's sessions in order; a tap on a room joins it. Read again every 30 s: sessions start
// and end during the day, and the page may stay open in a pocket.
import { useEffect, useState } from "preact/hooks";
import type { Programme, ProgrammeRoom, Session } from "../../shared/model";
import { api } from "../lib/api";
import { LangSwitch } from "../lib/lang-switch";
import { LegalLinks } from "../lib/legal-links";
import { slot } from "../lib/session-time";
import { t } from "./strings";

const REFRESH_MS = 30_000;

export function ProgrammePage({ initial }: { initial: Programme }) {
  const [programme, setProgramme] = useState(initial);
  const code = initial.event.code;
  useEffect(() => {
    document.title = `${programme.event.title} · Tribune`;
  }, [programme.event.title]);
  useEffect(() => {
    const timer = setInterval(() => {
      api("GET /api/programme/:code", { code }).then(setProgramme, () => undefined); // offline: keep what is shown
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [code]);

  const zone = programme.event.timeZone;
  const roomName = new Map(programme.rooms.map((r) => [r.code, r.name]));
  return (
    <div class="page programme">
      <a class="skip vh" href="#main">
        {t("skip")}
      </a>
      <header class="top">
        <div class="room-title">
          <p class="event">{t("programmeOf")}</p>
          <h1>{programme.event.title}</h1>
        </div>
        <LangSwitch />
      </header>
      <main id="main" class="content" tabIndex={-1}>
        <p class="hint">{t("pickRoom")}</p>
        <ul class="room-cards">
          {programme.rooms.map((room) => (
            <RoomCard key={room.code} room={room} zone={zone} />
          ))}
        </ul>
        {programme.sessions.length > 0 && (
          <section aria-labelledby="day-title">
            <h2 id="day-title">{t("theDay")}</h2>
            <ol class="day">
              {programme.sessions.map((s) => (
                <li key={s.id} class={`day-item ${s.status}`}>
                  <span class="day-slot">{slot(s, zone) || "—"}</span>
                  <span>
                    <a href={`/${s.roomCode}`}>{s.title}</a>
                    <span class="hint">
                      {" "}
                      · {roomName.get(s.roomCode)}
                      {s.status === "live" && ` · ${t("sessionNow")}`}
                    </span>
                    {s.speakers.length > 0 && <span class="hint speakers">{s.speakers.join(", ")}</span>}
                  </span>
                </li>
              ))}
            </ol>
          </section>
        )}
      </main>
      <LegalLinks />
    </div>
  );
}

function SessionLine({ label, session, zone }: { label: string; session: Session; zone: string }) {
  const when = slot(session, zone);
  return (
    <p class="session-line">
      <span class={`badge ${session.status}`}>{label}</span> <strong>{session.title}</strong>
      {when && <span class="hint"> · {when}</span>}
      {session.speakers.length > 0 && <span class="hint speakers">{session.speakers.join(", ")}</span>}
    </p>
  );
}

function RoomCard({ room, zone }: { room: ProgrammeRoom; zone: string }) {
  const now = room.session?.status === "live" ? room.session : null;
  return (
    <li class="card room-card">
      <h2>
        {/* The link covers the card (CSS): a tap anywhere on it joins the room. */}
        <a class="room-link" href={`/${room.code}`}>
          {room.name}
          <span class="vh">, {t("joinRoom")}</span>
        </a>
      </h2>
      {now && <SessionLine label={t("sessionNow")} session={now} zone={zone} />}
      {room.next && <SessionLine label={t("sessionNext")} session={room.next} zone={zone} />}
      {!now && !room.next && <p class="hint">{t("nothingScheduled")}</p>}
    </li>
  );
}
