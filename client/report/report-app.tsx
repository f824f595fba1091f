// The report page: /report/<CODE> (one room) or /report/event/<eventId> (every room of an event),
// the key in the fragment as on /moderator. Readable on a phone, a projector and on paper.
import { useEffect, useState } from "preact/hooks";
import type { EventReport, RoomReport } from "../../shared/model";
import { api, ClientError } from "../lib/api";
import { useLang } from "../lib/i18n";
import { LangSwitch } from "../lib/lang-switch";
import { rememberKey, takeKeyFromFragment } from "../moderator/session";
import { SignIn } from "../moderator/sign-in";
import { RoomSection } from "./room-section";
import { setRunningHead } from "./running-head";
import { t } from "./strings";
import { dayAndClock } from "./when";

export type Target = { room: string } | { event: string };

/** What the address asks for, or null when it names nothing. */
export function targetOf(path: string): Target | null {
  const event = /^\/report\/event\/([A-Za-z0-9_-]{1,64})\/?$/.exec(path);
  if (event) return { event: event[1]! };
  const room = /^\/report\/([A-Za-z0-9]{6})\/?$/.exec(path);
  return room ? { room: room[1]!.toUpperCase() } : null;
}

type Loaded = { kind: "event"; report: EventReport } | { kind: "room"; report: RoomReport };

async function load(target: Target, key: string): Promise<Loaded> {
  if ("event" in target)
    return { kind: "event", report: await api("GET /api/events/:id/report", { id: target.event }, { token: key }) };
  return { kind: "room", report: await api("GET /api/rooms/:code/report", { code: target.room }, { token: key }) };
}

export function ReportApp({ target }: { target: Target }) {
  useLang();
  const [key, setKey] = useState<string | null>(() => takeKeyFromFragment());
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Bumped by each sign-in, so the same key typed again is tried again. */
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!key) return;
    load(target, key)
      .then(setLoaded)
      .catch((e: unknown) => setError(e instanceof ClientError ? e.message || e.code : String(e)));
  }, [key, attempt]);

  const eventTitle = loaded ? (loaded.kind === "event" ? loaded.report.event.title : loaded.report.room.eventTitle) : "";
  const timeZone = loaded?.kind === "event" ? loaded.report.event.timeZone : undefined;
  const generated = loaded ? t("generated", { date: dayAndClock(loaded.report.generatedAt, timeZone) }) : "";
  const heading = loaded?.kind === "room" ? `${t("roomReport")} · ${loaded.report.room.name}` : t("eventReport");
  useEffect(() => {
    if (!loaded) return;
    document.title = `${t("title")} · ${eventTitle} · Tribune`;
    setRunningHead(eventTitle, generated);
  });

  const rooms = loaded ? (loaded.kind === "event" ? loaded.report.rooms : [loaded.report]) : [];
  return (
    <div class="report">
      <a class="skip vh" href="#main">
        {t("skip")}
      </a>
      <header class="report-top no-print">
        <a class="brand" href="/">
          Tribune
        </a>
        <LangSwitch />
      </header>
      <main id="main" tabIndex={-1}>
        {(!key || error) && (
          <SignIn
            title={t("title")}
            error={error ? t("failed", { message: error }) : ""}
            onKey={(k) => {
              rememberKey(k);
              setKey(k);
              setError(null);
              setAttempt((n) => n + 1);
            }}
          />
        )}
        {key && !loaded && !error && <p class="hint">{t("loading")}</p>}
        {loaded && (
          <>
            <div class="report-title">
              <p class="event-title">{eventTitle}</p>
              <h1>{heading}</h1>
              <p class="generated">{generated}</p>
              <button type="button" class="btn primary" onClick={() => window.print()}>
                {t("print")}
              </button>
            </div>
            {rooms.map((room) => (
              <RoomSection key={room.room.code} report={room} timeZone={timeZone} />
            ))}
          </>
        )}
      </main>
    </div>
  );
}
