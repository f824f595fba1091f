import type { RoomState } from "../../shared/model";
import type { LiveRoom } from "../lib/live-room";
import { updateRoom } from "./actions";
import { t } from "./strings";

export function RoomSettings({ room, state }: { room: LiveRoom; state: RoomState }) {
  return (
    <section class="panel" aria-labelledby="settings-title">
      <h3 id="settings-title">{t("settings")}</h3>
      <label class="check">
        <input
          type="checkbox"
          checked={state.room.premoderation}
          onChange={(e) => void updateRoom(room, { premoderation: e.currentTarget.checked })}
        />
        {t("premoderation")}
      </label>
      <label class="check">
        <input
          type="checkbox"
          checked={state.room.qaOpen}
          onChange={(e) => void updateRoom(room, { qaOpen: e.currentTarget.checked })}
        />
        {t("qaOpen")}
      </label>
    </section>
  );
}
