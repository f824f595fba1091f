// A session's title, speakers and times, edited in place. Times are typed on the event's wall
// clock (its time zone), whatever the zone of the laptop running the console.
import { useState } from "preact/hooks";
import { LIMITS } from "../../shared/limits";
import { parseProgrammeTime, toLocalInput } from "../../shared/local-time";
import type { Session } from "../../shared/model";
import { api } from "../lib/api";
import { announce, errorText } from "./announce";
import { t } from "./strings";

const readTime = (value: string, zone: string): string | null | "bad" => {
  if (!value) return null;
  const time = parseProgrammeTime(value.replace("T", " "), zone);
  return time.ok ? time.iso : "bad";
};

export function SessionForm({
  session,
  zone,
  token,
  onDone,
}: {
  session: Session;
  zone: string;
  token: string;
  onDone: (saved: Session | null) => void;
}) {
  const [title, setTitle] = useState(session.title);
  const [speakers, setSpeakers] = useState(session.speakers.join(", "));
  const [start, setStart] = useState(session.startsAt ? toLocalInput(session.startsAt, zone) : "");
  const [end, setEnd] = useState(session.endsAt ? toLocalInput(session.endsAt, zone) : "");
  const [error, setError] = useState("");
  const id = (name: string) => `session-${session.id}-${name}`;

  async function save(e: Event) {
    e.preventDefault();
    const startsAt = readTime(start, zone);
    const endsAt = readTime(end, zone);
    if (startsAt === "bad" || endsAt === "bad") return setError(t("badTime", { zone }));
    const body = {
      title: title.trim(),
      speakers: speakers
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
      startsAt,
      endsAt,
    };
    try {
      const saved = await api("PATCH /api/sessions/:id", { id: session.id }, { token, body });
      announce(t("sessionSaved"));
      onDone(saved);
    } catch (err) {
      setError(errorText(err));
    }
  }

  return (
    <form class="session-form stack" onSubmit={save} aria-describedby={id("error")}>
      <div class="field">
        <label for={id("title")}>{t("sessionTitle")}</label>
        <input id={id("title")} value={title} maxLength={LIMITS.sessionTitle} onInput={(e) => setTitle(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for={id("speakers")}>{t("sessionSpeakers")}</label>
        <input id={id("speakers")} value={speakers} onInput={(e) => setSpeakers(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for={id("start")}>{t("sessionStartsAt", { zone })}</label>
        <input id={id("start")} type="datetime-local" value={start} onInput={(e) => setStart(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for={id("end")}>{t("sessionEndsAt", { zone })}</label>
        <input id={id("end")} type="datetime-local" value={end} onInput={(e) => setEnd(e.currentTarget.value)} />
      </div>
      <p id={id("error")} class="error" role="alert">
        {error}
      </p>
      <div class="row">
        <button type="submit" class="btn primary">
          {t("sessionSave")}
        </button>
        <button type="button" class="btn" onClick={() => onDone(null)}>
          {t("sessionCancel")}
        </button>
      </div>
    </form>
  );
}
