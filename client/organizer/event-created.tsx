// The event just created: its moderator key (shown this once), and per room the links and a
// printable QR code. Links use the server's PUBLIC_URL (room.joinUrl), not this page's address.
import { useEffect, useState } from "preact/hooks";
import { DEFAULT_TIME_ZONE } from "../../shared/limits";
import type { EventCreated } from "../../shared/model";
import { api } from "../lib/api";
import { CopyField } from "../lib/copy-field";
import { useLang } from "../lib/i18n";
import { QrCode } from "../lib/qr-code";
import { joinUrl } from "../lib/room-state";
import { ImportPanel } from "../programme-import/import-panel";
import { t } from "./strings";

export function EventCreatedView({ event, onAnother }: { event: EventCreated; onAnother: () => void }) {
  const lang = useLang();
  const [urls, setUrls] = useState<Record<string, string>>({});
  // An import may add rooms: their cards (links, QR codes) appear with them.
  const [rooms, setRooms] = useState(event.rooms);
  const reloadRooms = () =>
    api("GET /api/events/:id", { id: event.id }, { token: event.moderatorKey })
      .then((view) => setRooms(view.rooms.map(({ id, name, code }) => ({ id, name, code }))))
      .catch(() => undefined);
  useEffect(() => setRooms(event.rooms), [event]);
  useEffect(() => {
    for (const room of rooms) {
      api("GET /api/rooms/:code", { code: room.code })
        .then((state) => setUrls((u) => ({ ...u, [room.code]: joinUrl(state.room) })))
        .catch(() => setUrls((u) => ({ ...u, [room.code]: `${location.origin}/${room.code}` })));
    }
  }, [rooms]);
  const copy = { copyLabel: t("copy"), copiedLabel: t("copied"), failedLabel: t("copyFailed") };
  const consoleUrl = (code?: string) =>
    `${location.origin}/moderator#key=${encodeURIComponent(event.moderatorKey)}${code ? `&room=${code}` : ""}`;

  return (
    <div class="created stack">
      <h1 class="no-print">{t("created", { title: event.title })}</h1>
      <section class="panel key-panel no-print" aria-labelledby="key-title">
        <h2 id="key-title">{t("keyTitle")}</h2>
        <p class="notice" role="alert">
          {t("keyWarning")}
        </p>
        <CopyField label={t("keyTitle")} value={event.moderatorKey} {...copy} />
        <CopyField label={t("eventId")} value={event.id} {...copy} />
        <p class="row">
          <a class="btn primary" href={consoleUrl()} target="_blank" rel="noopener">
            {t("openConsole")}
          </a>
          <a
            class="btn"
            href={`/report/event/${encodeURIComponent(event.id)}#key=${encodeURIComponent(event.moderatorKey)}`}
            target="_blank"
            rel="noopener"
          >
            {t("openReport")}
          </a>
          <button type="button" class="btn" onClick={() => print()}>
            {t("print")}
          </button>
          <button type="button" class="btn" onClick={onAnother}>
            {t("another")}
          </button>
        </p>
      </section>
      <section class="panel no-print stack" aria-labelledby="programme-title">
        <h2 id="programme-title">{t("programmeTitle")}</h2>
        <p>
          {t("programmeLead")} <span class="code">{event.code}</span>
        </p>
        <p class="row">
          <a class="btn" href={`/${event.code}`} target="_blank" rel="noopener">
            {t("programmePage")}
          </a>
          <a class="btn" href={`/poster/${event.code}?lang=${lang}`} target="_blank" rel="noopener">
            {t("eventPoster")}
          </a>
        </p>
      </section>
      <div class="no-print">
        <ImportPanel
          eventId={event.id}
          token={event.moderatorKey}
          timeZone={DEFAULT_TIME_ZONE}
          idPrefix="org-import"
          onImported={() => void reloadRooms()}
        />
      </div>
      <ul class="room-cards">
        {rooms.map((room) => {
          const url = urls[room.code];
          const origin = url ? new URL(url).origin : location.origin;
          return (
            <li key={room.code} class="panel room-card" data-code={room.code}>
              <h2>
                {room.name} <span class="code">{room.code}</span>
              </h2>
              <p class="print-only print-event">{event.title}</p>
              {url && <QrCode text={url} label={t("qrLabel", { room: room.name, url })} class="qr room-qr" />}
              <p class="print-only print-url">
                {t("scan")} <strong>{url?.replace(/^https?:\/\//, "")}</strong>
              </p>
              <div class="no-print">
                {url && <CopyField label={t("audienceLink")} value={url} {...copy} />}
                <CopyField label={t("screenLink")} value={`${origin}/screen/${room.code}?lang=${lang}`} {...copy} />
                <CopyField label={t("consoleLink")} value={consoleUrl(room.code)} {...copy} />
                <a class="btn" href={`/poster/${room.code}?lang=${lang}`} target="_blank" rel="noopener">
                  {t("roomPoster")}
                </a>
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
