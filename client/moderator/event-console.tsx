// Every room of the event: an overview with live counts, and the selected room's controls.
import { useEffect, useState } from "preact/hooks";
import type { EventView } from "../../shared/model";
import { api } from "../lib/api";
import { LangSwitch } from "../lib/lang-switch";
import { announce, errorText, useAnnouncement } from "./announce";
import { reportUrl } from "./export-links";
import { Overview } from "./overview";
import { ProgrammeView } from "./programme-view";
import { RoomPanel } from "./room-panel";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { t } from "./strings";
import { useRooms } from "./use-rooms";

/** The programme has the place of a room in the console: `#programme` rather than `#room=<CODE>`. */
const PROGRAMME = "programme";
const roomFromHash = (): string | null =>
  location.hash === `#${PROGRAMME}`
    ? PROGRAMME
    : (new URLSearchParams(location.hash.slice(1)).get("room")?.toUpperCase() ?? null);

const typing = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

export function EventConsole({
  moderatorKey,
  initial,
  roomOnly = false,
  onSignOut,
}: {
  moderatorKey: string;
  initial: EventView;
  /** A room key: one room, without the event's settings, rooms or keys. */
  roomOnly?: boolean;
  onSignOut: () => void;
}) {
  const [event, setEvent] = useState(initial);
  const [selected, setSelected] = useState<string | null>(() => roomFromHash() ?? initial.rooms[0]?.code ?? null);
  const [help, setHelp] = useState(false);
  const rooms = useRooms(
    event.rooms.map((r) => r.code),
    moderatorKey,
  );
  const message = useAnnouncement();

  function select(code: string) {
    setSelected(code);
    history.replaceState(null, "", code === PROGRAMME ? `#${PROGRAMME}` : `#room=${code}`);
  }

  useEffect(() => {
    const onHash = () => {
      const code = roomFromHash();
      if (code) setSelected(code);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      if (e.key === "?") {
        e.preventDefault();
        setHelp((h) => !h);
      } else if (/^[1-9]$/.test(e.key)) {
        const room = event.rooms[Number(e.key) - 1];
        if (room) select(room.code);
      }
    };
    addEventListener("hashchange", onHash);
    addEventListener("keydown", onKey);
    return () => {
      removeEventListener("hashchange", onHash);
      removeEventListener("keydown", onKey);
    };
  }, [event]);

  async function addRoom(name: string): Promise<boolean> {
    try {
      const room = await api("POST /api/events/:id/rooms", { id: event.id }, { token: moderatorKey, body: { name } });
      setEvent((e) => ({ ...e, rooms: [...e.rooms, { ...room, participants: 0 }] }));
      return true;
    } catch (error) {
      announce(errorText(error), true);
      return false;
    }
  }

  const current = selected ? rooms.get(selected) : undefined;
  const currentInfo = event.rooms.find((r) => r.code === selected);

  return (
    <div class="console">
      <a class="skip vh" href="#main">
        {t("skip")}
      </a>
      <header class="bar">
        <p class="brand">{t("appName")}</p>
        <h1 class="event-title">{event.title}</h1>
        <div class="row">
          {!roomOnly && (
            <a class="btn" href={reportUrl(`/report/event/${event.id}`, moderatorKey)} target="_blank" rel="noopener">
              {t("eventReport")}
            </a>
          )}
          <button type="button" class="btn" aria-haspopup="dialog" onClick={() => setHelp(true)}>
            {t("shortcutsButton")}
          </button>
          <LangSwitch />
          <button type="button" class="btn" onClick={onSignOut}>
            {t("signOut")}
          </button>
        </div>
      </header>
      <div class="layout">
        <Overview
          event={event}
          moderatorKey={moderatorKey}
          onEventChange={(next) =>
            setEvent((e) => ({ ...e, title: next.title, premoderation: next.premoderation, blocklist: next.blocklist }))
          }
          rooms={rooms}
          selected={selected}
          onSelect={select}
          onAddRoom={addRoom}
          programmeSelected={selected === PROGRAMME}
          onProgramme={() => select(PROGRAMME)}
          roomOnly={roomOnly}
        />
        <main id="main" class="room-main" tabIndex={-1}>
          {selected === PROGRAMME ? (
            <ProgrammeView event={event} moderatorKey={moderatorKey} />
          ) : current && currentInfo ? (
            <RoomPanel
              key={current.code}
              room={current}
              name={currentInfo.name}
              moderatorKey={moderatorKey}
              roomOnly={roomOnly}
            />
          ) : (
            <p class="notice">{t("notFoundRoom")}</p>
          )}
        </main>
      </div>
      <ShortcutsDialog open={help} onClose={() => setHelp(false)} />
      <div class="toast" role="status" aria-live="polite">
        {!message.error && message.text}
      </div>
      <div class="toast error-toast" role="alert">
        {message.error && message.text}
      </div>
    </div>
  );
}
