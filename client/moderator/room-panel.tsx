// One room: polls on one side, questions on the other, then screen, settings, links and export.
import type { LiveRoom } from "../lib/live-room";
import { useSnapshot } from "../lib/live-room";
import { BackstageBox } from "./backstage-box";
import { ExportLinks } from "./export-links";
import { PollBuilder } from "./poll-builder";
import { PollList } from "./poll-list";
import { ReactionCounter } from "./reaction-counter";
import { RoomKeys } from "./room-keys";
import { RoomLinks } from "./room-links";
import { RoomSettings } from "./room-settings";
import { ScreenControl } from "./screen-control";
import { SessionList } from "./session-list";
import { t } from "./strings";
import { Triage } from "./triage";
import { useRoomSessions } from "./use-sessions";

export function RoomPanel({
  room,
  name,
  moderatorKey,
  roomOnly = false,
}: {
  room: LiveRoom;
  name: string;
  moderatorKey: string;
  /** A room key: the room's keys are managed with the event's key only. */
  roomOnly?: boolean;
}) {
  const { state, link, refused } = useSnapshot(room);
  const programme = useRoomSessions(room.code, state?.room.session ?? null);
  if (!state) {
    return (
      <div class="stack">
        <h2 class="room-heading">{name}</h2>
        <p role="status" class={refused ? "error" : "hint"}>
          {refused ? t("refused", { reason: refused }) : t("linking")}
        </p>
      </div>
    );
  }
  return (
    <div class="room-panel">
      <div class="room-head">
        <h2 class="room-heading">
          {state.room.name} <span class="code">{state.room.code}</span>
        </h2>
        {link !== "online" && (
          <p class="notice" role="status">
            {t("offline")}
          </p>
        )}
      </div>
      {/* Two columns on a laptop (polls and settings | questions); one on a phone, questions second. */}
      <div class="columns">
        <section class="panel area-polls" aria-labelledby="polls-title">
          <h3 id="polls-title">{t("polls")}</h3>
          <PollBuilder room={room} expanded={state.polls.length === 0} />
          <PollList room={room} state={state} sessions={programme.sessions} />
        </section>
        <Triage room={room} state={state} moderatorKey={moderatorKey} sessions={programme.sessions ?? []} />
        <div class="stack area-more">
          <SessionList room={room} state={state} programme={programme} />
          <ScreenControl room={room} state={state} />
          <ReactionCounter room={room} />
          <RoomSettings room={room} state={state} />
          <BackstageBox room={room} state={state} />
          <RoomLinks state={state} />
          {!roomOnly && <RoomKeys code={state.room.code} moderatorKey={moderatorKey} />}
          <ExportLinks code={state.room.code} moderatorKey={moderatorKey} />
        </div>
      </div>
    </div>
  );
}
