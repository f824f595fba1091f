// The event's own blocklist words (PATCH /api/events/:id): a question holding one of them, or the
// built-in insults, waits for a moderator even without pre-moderation. Each change sends the whole list.
import { useState } from "preact/hooks";
import { LIMITS } from "../../shared/limits";
import { api } from "../lib/api";
import { announce, errorText } from "./announce";
import type { EventSettingProps } from "./event-premoderation";
import { t } from "./strings";

export function EventBlocklist({ event, moderatorKey, onChange }: EventSettingProps) {
  const [word, setWord] = useState("");
  const words = event.blocklist;

  async function save(next: string[], done: string): Promise<boolean> {
    try {
      onChange(await api("PATCH /api/events/:id", { id: event.id }, { token: moderatorKey, body: { blocklist: next } }));
      announce(done);
      return true;
    } catch (error) {
      announce(errorText(error), true);
      return false;
    }
  }

  return (
    <section class="event-blocklist" aria-labelledby="blocklist-title">
      <h3 id="blocklist-title">{t("blocklist")}</h3>
      <p id="blocklist-hint" class="hint">
        {t("blocklistHint")}
      </p>
      {words.length > 0 ? (
        <ul class="chips" aria-label={t("blocklistWords")}>
          {words.map((w) => (
            <li key={w} class="chip">
              <span>{w}</span>
              <button
                type="button"
                class="chip-remove"
                aria-label={t("blocklistRemove", { word: w })}
                onClick={() =>
                  void save(
                    words.filter((x) => x !== w),
                    t("blocklistRemoved", { word: w }),
                  )
                }
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="hint">{t("blocklistEmpty")}</p>
      )}
      <form
        class="add-word row"
        onSubmit={async (e) => {
          e.preventDefault();
          const w = word.trim();
          if (!w || words.includes(w)) return setWord("");
          if (await save([...words, w], t("blocklistAdded", { word: w }))) setWord("");
        }}
      >
        <div class="field">
          <label for="blocklist-word">{t("blocklistWord")}</label>
          <input
            id="blocklist-word"
            value={word}
            maxLength={LIMITS.blocklistWord}
            aria-describedby="blocklist-hint"
            onInput={(e) => setWord(e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="btn" disabled={!word.trim() || words.length >= LIMITS.blocklistWords}>
          {t("blocklistAdd")}
        </button>
      </form>
    </section>
  );
}
