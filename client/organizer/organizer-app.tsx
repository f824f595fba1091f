// The organizer page: with the admin token, create an event and its rooms; erase one.
import { useEffect, useState } from "preact/hooks";
import { codePoints, LIMITS } from "../../shared/limits";
import type { EventCreated } from "../../shared/model";
import { api } from "../lib/api";
import { useLang } from "../lib/i18n";
import { LangSwitch } from "../lib/lang-switch";
import { EraseEvent } from "./erase-event";
import { errorText } from "./error-text";
import { EventCreatedView } from "./event-created";
import { t } from "./strings";

export function OrganizerApp() {
  useLang();
  const [token, setToken] = useState("");
  const [title, setTitle] = useState("");
  const [rooms, setRooms] = useState(["", ""]);
  const [premoderation, setPremoderation] = useState(false);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<EventCreated | null>(null);

  useEffect(() => {
    document.title = t("appName");
  });

  async function submit(event: Event) {
    event.preventDefault();
    const names = rooms.map((r) => r.trim());
    if (!title.trim() || codePoints(title.trim()) > LIMITS.eventTitle) return setError(t("needTitle"));
    if (names.length < 1 || names.some((n) => !n || codePoints(n) > LIMITS.roomName))
      return setError(t("needRooms", { max: LIMITS.roomsPerEvent }));
    setBusy(true);
    setError("");
    try {
      const result = await api(
        "POST /api/events",
        {},
        {
          token: token.trim(),
          body: { title: title.trim(), premoderation, rooms: names.map((name) => ({ name })) },
        },
      );
      setCreated(result);
      setTitle("");
      setRooms(["", ""]);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="organizer">
      <a class="skip vh" href="#main">
        {t("skip")}
      </a>
      <header class="bar">
        <p class="brand">{t("appName")}</p>
        <LangSwitch />
      </header>
      <main id="main" class="org-main">
        {created ? (
          <EventCreatedView event={created} onAnother={() => setCreated(null)} />
        ) : (
          <form class="org-form" onSubmit={submit} noValidate>
            <h1>{t("title")}</h1>
            <p>{t("lead")}</p>
            <div class="field">
              <label for="token">{t("token")}</label>
              <input
                id="token"
                type="password"
                value={token}
                autoComplete="current-password"
                aria-describedby="token-hint"
                onInput={(e) => setToken(e.currentTarget.value)}
              />
              <span id="token-hint" class="hint">
                {t("tokenHint")}
              </span>
            </div>
            <div class="field">
              <label for="event-title">{t("eventTitle")}</label>
              <input
                id="event-title"
                value={title}
                maxLength={LIMITS.eventTitle * 2}
                onInput={(e) => setTitle(e.currentTarget.value)}
              />
            </div>
            <fieldset>
              <legend class="label">{t("rooms")}</legend>
              {rooms.map((name, i) => (
                <div class="option-row" key={i}>
                  <label class="vh" for={`room-${i}`}>
                    {t("roomName", { n: i + 1 })}
                  </label>
                  <input
                    id={`room-${i}`}
                    value={name}
                    placeholder={t("roomName", { n: i + 1 })}
                    maxLength={LIMITS.roomName * 2}
                    onInput={(e) => {
                      const value = e.currentTarget.value;
                      setRooms((list) => list.map((r, j) => (j === i ? value : r)));
                    }}
                  />
                  {rooms.length > 1 && (
                    <button
                      type="button"
                      class="btn icon"
                      aria-label={t("removeRoom", { n: i + 1 })}
                      onClick={() => setRooms((list) => list.filter((_, j) => j !== i))}
                    >
                      ×
                    </button>
                  )}
                </div>
              ))}
              {rooms.length < LIMITS.roomsPerEvent && (
                <button type="button" class="btn" onClick={() => setRooms((list) => [...list, ""])}>
                  {t("addRoom")}
                </button>
              )}
            </fieldset>
            <div class="field">
              <div class="check">
                <input
                  id="premoderation"
                  type="checkbox"
                  checked={premoderation}
                  aria-describedby="premoderation-hint"
                  onChange={(e) => setPremoderation(e.currentTarget.checked)}
                />
                <label for="premoderation">{t("premoderation")}</label>
              </div>
              <span id="premoderation-hint" class="hint">
                {t("premoderationHint")}
              </span>
            </div>
            <p class="error" role="alert">
              {error}
            </p>
            <button type="submit" class="btn primary" disabled={busy}>
              {busy ? t("creating") : t("create")}
            </button>
          </form>
        )}
        {!created && <EraseEvent token={token} />}
      </main>
    </div>
  );
}
