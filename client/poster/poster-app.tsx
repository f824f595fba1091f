// `/poster/<CODE>`: an A4 page to print and pin at a room's door (its name, code, a large QR code
// and the address to type) or at the entrance for the event's code (the programme). The toolbar
// is for the screen only; print CSS leaves the poster alone on the page. `/poster/<EVENTCODE>?all`
// adds every room's poster after the event's, each on its own page.
import { useEffect, useState } from "preact/hooks";
import { ROOM_CODE } from "../../shared/limits";
import type { Programme } from "../../shared/model";
import { api } from "../lib/api";
import { useLang } from "../lib/i18n";
import { LangSwitch } from "../lib/lang-switch";
import { QrCode } from "../lib/qr-code";
import { t } from "./strings";

interface Poster {
  /** Small line above the heading: the event's title on a room's poster. */
  over: string | null;
  heading: string;
  lead: string;
  url: string;
  code: string;
}

/** The poster of a code: the event's (its programme) or one of its rooms'. */
export function posterOf(programme: Programme, code: string): Poster | null {
  const { event } = programme;
  if (event.code === code) return { over: null, heading: event.title, lead: t("eventLead"), url: event.url, code };
  const room = programme.rooms.find((r) => r.code === code);
  if (!room) return null;
  const base = event.url.slice(0, event.url.length - event.code.length);
  return { over: event.title, heading: room.name, lead: t("roomLead"), url: `${base}${room.code}`, code };
}

export function PosterApp() {
  useLang();
  const code = decodeURIComponent(location.pathname.split("/")[2] ?? "").toUpperCase();
  const [programme, setProgramme] = useState<Programme | null | "unknown">(null);
  useEffect(() => {
    if (!ROOM_CODE.test(code)) {
      setProgramme("unknown");
      return;
    }
    api("GET /api/programme/:code", { code }).then(setProgramme, () => setProgramme("unknown"));
  }, [code]);
  const poster = programme && programme !== "unknown" ? posterOf(programme, code) : null;
  // `?all` on the event's code: its poster, then every room's, one page each (one print for the day).
  const all =
    poster &&
    programme &&
    programme !== "unknown" &&
    code === programme.event.code &&
    new URLSearchParams(location.search).has("all")
      ? programme.rooms.map((r) => posterOf(programme, r.code)).filter((p): p is Poster => p !== null)
      : [];
  useEffect(() => {
    document.title = poster ? `${poster.heading} · ${t("toolbar")}` : "Tribune";
  });

  return (
    <>
      <header class="toolbar">
        <p class="toolbar-title">
          Tribune · {t("toolbar")} <span class="hint">{t("printHint")}</span>
        </p>
        <div class="row">
          <button type="button" class="btn primary" onClick={() => print()} disabled={!poster}>
            {t("print")}
          </button>
          <LangSwitch />
        </div>
      </header>
      <main class="sheet">
        {poster ? (
          [poster, ...all].map((p) => <PosterSheet key={p.code} poster={p} />)
        ) : (
          <p class="hint">{programme === null ? t("loading") : t("unknown", { code })}</p>
        )}
      </main>
    </>
  );
}

function PosterSheet({ poster }: { poster: Poster }) {
  const address = poster.url.replace(/^https?:\/\//, "");
  return (
    <article class="poster">
      {poster.over && <p class="poster-over">{poster.over}</p>}
      <h1 class="poster-heading">{poster.heading}</h1>
      <p class="poster-lead">{poster.lead}</p>
      <QrCode text={poster.url} label={t("qrRoom", { url: poster.url })} class="qr poster-qr" />
      <p class="poster-scan">{t("scan")}</p>
      <p class="poster-or">{t("orType")}</p>
      <p class="poster-url">{address}</p>
      <p class="poster-code-label">{t("code")}</p>
      <p class="poster-code">{poster.code}</p>
    </article>
  );
}
