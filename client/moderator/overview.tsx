// Every room at a glance: live participants, pending questions, the open poll.
import { useState } from "preact/hooks";
import { LIMITS } from "../../shared/limits";
import type { EventView } from "../../shared/model";
import { fmt } from "../lib/i18n";
import type { LiveRoom } from "../lib/live-room";
import { openPoll } from "../lib/room-state";
import { EventBlocklist } from "./event-blocklist";
import { EventPremoderation } from "./event-premoderation";
import { t } from "./strings";

interface Props {
  event: EventView;
  moderatorKey: string;
  onEventChange: (event: EventView) => void;
  rooms: Map<string, LiveRoom>;
  selected: string | null;
  onSelect: (code: string) => void;
  onAddRoom: (name: string) => Promise<boolean>;
  programmeSelected: boolean;
  onProgramme: () => void;
  /** A room key: the event's settings, programme and new rooms are not its to change. */
  roomOnly?: boolean;
}

export function Overview(props: Props) {
  const { event, moderatorKey, onEventChange, rooms, selected, onSelect, onAddRoom, roomOnly } = props;
  const [name, setName] = useState("");
  return (
    <nav class="overview" aria-labelledby="overview-title">
      <h2 id="overview-title">{t("overview")}</h2>
      {!roomOnly && (
        <button
          type="button"
          class="btn programme-link"
          aria-current={props.programmeSelected ? "true" : undefined}
          onClick={props.onProgramme}
        >
          {t("programme")}
        </button>
      )}
      {/* A list, not a table: a room's name gets the sidebar's whole width, so a long one wraps on a line or two. */}
      <ul class="room-list">
        {event.rooms.map((info, i) => {
          const live = rooms.get(info.code);
          const snap = live?.snapshot;
          const state = snap?.state;
          const pending = state ? state.questions.filter((q) => q.status === "pending").length : 0;
          const poll = state ? openPoll(state) : undefined;
          const link = snap?.refused
            ? t("refused", { reason: snap.refused })
            : snap?.link === "online"
              ? ""
              : snap?.link === "connecting"
                ? t("linking")
                : t("offline");
          return (
            <li key={info.code} class={info.code === selected ? "current" : undefined} data-room={info.code}>
              <button
                type="button"
                class="room-link"
                aria-current={info.code === selected ? "true" : undefined}
                onClick={() => onSelect(info.code)}
              >
                <span class="room-index" aria-hidden="true">
                  {i + 1}
                </span>
                <span class="room-label">
                  {info.name} <span class="code">{info.code}</span>
                </span>
              </button>
              <p class="room-stats">
                <span>
                  <strong data-participants>{fmt(state?.participants ?? info.participants)}</strong> {t("participantsWord")}
                </span>
                <span class={pending ? "attention" : undefined}>
                  <strong data-pending>{fmt(pending)}</strong> {t("pendingWord")}
                </span>
              </p>
              <p class="room-sub">
                {t("openPollIs", { title: poll ? poll.title : t("none") })}
                {link && <span class="error"> · {link}</span>}
              </p>
            </li>
          );
        })}
      </ul>
      {!roomOnly && <EventPremoderation event={event} moderatorKey={moderatorKey} onChange={onEventChange} />}
      {!roomOnly && <EventBlocklist event={event} moderatorKey={moderatorKey} onChange={onEventChange} />}
      {!roomOnly && (
        <form
          class="add-room"
          onSubmit={async (e) => {
            e.preventDefault();
            if (name.trim() && (await onAddRoom(name.trim()))) setName("");
          }}
        >
          <div class="field">
            <label for="new-room">{t("addRoomLabel")}</label>
            <input id="new-room" value={name} maxLength={LIMITS.roomName} onInput={(e) => setName(e.currentTarget.value)} />
          </div>
          <button type="submit" class="btn" disabled={!name.trim()}>
            {t("addRoom")}
          </button>
        </form>
      )}
    </nav>
  );
}
