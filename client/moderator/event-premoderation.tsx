// The event's default pre-moderation, for rooms added later (PATCH /api/events/:id).
import type { EventView } from "../../shared/model";
import { api } from "../lib/api";
import { announce, errorText } from "./announce";
import { t } from "./strings";

/** What a setting of the event in the sidebar needs: the event, the key, and where the patched event goes. */
export interface EventSettingProps {
  event: EventView;
  moderatorKey: string;
  onChange: (event: EventView) => void;
}

export function EventPremoderation({ event, moderatorKey, onChange }: EventSettingProps) {
  async function toggle(on: boolean) {
    try {
      const updated = await api("PATCH /api/events/:id", { id: event.id }, { token: moderatorKey, body: { premoderation: on } });
      onChange(updated);
      announce(t(on ? "eventPremoderationOn" : "eventPremoderationOff"));
    } catch (error) {
      announce(errorText(error), true);
    }
  }
  return (
    <div class="field event-premoderation">
      <div class="check">
        <input
          id="event-premoderation"
          type="checkbox"
          checked={event.premoderation}
          aria-describedby="event-premoderation-hint"
          onChange={(e) => void toggle(e.currentTarget.checked)}
        />
        <label for="event-premoderation">{t("eventPremoderation")}</label>
      </div>
      <span id="event-premoderation-hint" class="hint">
        {t("eventPremoderationHint")}
      </span>
    </div>
  );
}
