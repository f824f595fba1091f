// What the room's projector shows, changed live for every screen of the room.
import type { RoomState, ScreenMode } from "../../shared/model";
import type { LiveRoom } from "../lib/live-room";
import { updateRoom } from "./actions";
import { t } from "./strings";

const MODES: ScreenMode[] = ["auto", "join", "poll", "question", "questions", "leaderboard"];

export function ScreenControl({ room, state }: { room: LiveRoom; state: RoomState }) {
  const screen = state.room.screen;
  const shown = state.polls.filter((p) => p.status !== "draft");
  return (
    <section class="panel" aria-labelledby="screen-title">
      <h3 id="screen-title">{t("screen")}</h3>
      <fieldset class="modes">
        <legend>{t("screenLead")}</legend>
        {MODES.map((mode) => (
          <label key={mode} class="check">
            <input
              type="radio"
              name={`screen-${state.room.code}`}
              value={mode}
              checked={screen.mode === mode}
              onChange={() =>
                void updateRoom(room, { screen: mode === "poll" && screen.pollId ? { mode, pollId: screen.pollId } : { mode } })
              }
            />
            {t(`mode_${mode}`)}
          </label>
        ))}
      </fieldset>
      {screen.mode === "poll" && (
        <div class="field">
          <label for="screen-poll">{t("screenPoll")}</label>
          <select
            id="screen-poll"
            value={screen.pollId ?? ""}
            onChange={(e) => {
              const pollId = e.currentTarget.value;
              void updateRoom(room, { screen: pollId ? { mode: "poll", pollId } : { mode: "poll" } });
            }}
          >
            <option value="">{t("openPollChoice")}</option>
            {shown.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title} ({t(`status_${p.status}`)})
              </option>
            ))}
          </select>
        </div>
      )}
    </section>
  );
}
